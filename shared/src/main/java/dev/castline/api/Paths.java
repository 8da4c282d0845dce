package dev.castline.api;

/**
 * The public URL layout, in one place: the JSON API under {@value #API}, the host's API under
 * {@value #ADMIN}, and the listener's and podcast apps' resources at the site's root.
 */
public final class Paths {
    public static final String API = "/api/v1";
    public static final String ADMIN = API + "/admin";
    public static final String FEED = "/feed.xml";
    /** Episode pages (the listener site) and the resources beside them: {@code /episodes/{slug}}. */
    public static final String EPISODES = "/episodes/";
    public static final String CHAPTERS_FILE = "chapters.json";

    private Paths() {
    }

    /** {@code /api/v1/episodes/{slug}}: one episode in the public JSON API. */
    public static String apiEpisode(String slug) {
        return API + "/episodes/" + slug;
    }

    /** {@code /api/v1/admin/episodes/{id}}: one episode in the host's API. */
    public static String adminEpisode(String id) {
        return ADMIN + "/episodes/" + id;
    }

    /** {@code /episodes/{slug}}: the episode's page, relative to the site's base URL. */
    public static String episodePage(String slug) {
        return EPISODES + slug;
    }

    /** {@code /episodes/{slug}/transcript.vtt} (or {@code .srt}, {@code .json}): the episode's transcript. */
    public static String transcript(String slug, dev.castline.domain.TranscriptFormat format) {
        return EPISODES + slug + "/" + TRANSCRIPT_FILE + format.extension();
    }

    public static final String TRANSCRIPT_FILE = "transcript.";

    /** {@code /episodes/{slug}/chapters.json}: the episode's Podcasting 2.0 chapters. */
    public static String chapters(String slug) {
        return EPISODES + slug + "/" + CHAPTERS_FILE;
    }
}
