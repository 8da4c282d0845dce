package dev.castline.domain;

import java.util.Optional;

/**
 * The podcast apps and directories a show can link to from its site's subscribe box, in the order
 * the box lists them: the one list of their setting names and the names listeners know them by.
 */
public enum PodcastApp {
    APPLE("apple", "Apple Podcasts"),
    SPOTIFY("spotify", "Spotify"),
    YOUTUBE_MUSIC("youtubeMusic", "YouTube Music"),
    POCKET_CASTS("pocketCasts", "Pocket Casts"),
    OVERCAST("overcast", "Overcast"),
    ANTENNAPOD("antennaPod", "AntennaPod"),
    CASTRO("castro", "Castro"),
    CASTBOX("castbox", "Castbox"),
    PODCAST_ADDICT("podcastAddict", "Podcast Addict"),
    FOUNTAIN("fountain", "Fountain"),
    PODCAST_INDEX("podcastIndex", "Podcast Index");

    private final String wireName;
    private final String label;

    PodcastApp(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The key in the {@code subscribeLinks} setting. */
    public String wireName() {
        return wireName;
    }

    /** The name listeners know it by. */
    public String label() {
        return label;
    }

    public static Optional<PodcastApp> ofWireName(String name) {
        for (PodcastApp app : values()) {
            if (app.wireName.equals(name)) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }
}
