package dev.castline.domain;

import java.time.Instant;
import java.util.List;

/**
 * One episode, as stored. Immutable; a change is a new value with {@code version + 1}.
 *
 * @param id            immutable identity, never shown in public URLs
 * @param slug          unique, URL-safe, public address of the episode
 * @param guid          the RSS guid: assigned once at creation, never changes (apps de-duplicate on it)
 * @param showNotesMarkdown what the host wrote
 * @param showNotesHtml the Markdown rendered once, at write time, to the subset podcast apps accept
 * @param publishAt     when a released episode becomes public; null for a draft never scheduled
 * @param formerSlugs   slugs this episode had before: still reserved for it, so old links keep working
 * @param upload        the audio upload being waited for or last refused; null when none
 * @param transcript    the episode's transcript; null when it has none
 * @param soundbites    Podcasting 2.0 {@code podcast:soundbite}s: moments worth sharing
 * @param socialInteracts {@code podcast:socialInteract}: where the episode is discussed
 * @param license       {@code podcast:license} of the episode's audio; null: the show's, if any
 */
public record Episode(
        String id,
        String slug,
        String guid,
        String title,
        String summary,
        String showNotesMarkdown,
        String showNotesHtml,
        List<Chapter> chapters,
        List<Guest> guests,
        List<String> tags,
        List<Link> links,
        Integer season,
        Integer episodeNumber,
        EpisodeType episodeType,
        boolean explicit,
        Audio audio,
        Status status,
        Instant publishAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<String> formerSlugs,
        Upload upload,
        TranscriptFile transcript,
        List<Soundbite> soundbites,
        List<SocialInteract> socialInteracts,
        License license) {

    /** An episode without soundbites, comment threads or a license of its own. */
    public Episode(String id, String slug, String guid, String title, String summary, String showNotesMarkdown, String showNotesHtml,
                   List<Chapter> chapters, List<Guest> guests, List<String> tags, List<Link> links, Integer season, Integer episodeNumber,
                   EpisodeType episodeType, boolean explicit, Audio audio, Status status, Instant publishAt, Instant createdAt,
                   Instant updatedAt, long version, List<String> formerSlugs, Upload upload, TranscriptFile transcript) {
        this(id, slug, guid, title, summary, showNotesMarkdown, showNotesHtml, chapters, guests, tags, links, season, episodeNumber,
                episodeType, explicit, audio, status, publishAt, createdAt, updatedAt, version, formerSlugs, upload, transcript,
                null, null, null);
    }

    /** An episode without a transcript. */
    public Episode(String id, String slug, String guid, String title, String summary, String showNotesMarkdown, String showNotesHtml,
                   List<Chapter> chapters, List<Guest> guests, List<String> tags, List<Link> links, Integer season, Integer episodeNumber,
                   EpisodeType episodeType, boolean explicit, Audio audio, Status status, Instant publishAt, Instant createdAt,
                   Instant updatedAt, long version, List<String> formerSlugs, Upload upload) {
        this(id, slug, guid, title, summary, showNotesMarkdown, showNotesHtml, chapters, guests, tags, links, season, episodeNumber,
                episodeType, explicit, audio, status, publishAt, createdAt, updatedAt, version, formerSlugs, upload, null);
    }

    public Episode {
        chapters = List.copyOf(chapters);
        guests = List.copyOf(guests);
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        formerSlugs = List.copyOf(formerSlugs);
        soundbites = soundbites == null ? List.of() : List.copyOf(soundbites);
        socialInteracts = socialInteracts == null ? List.of() : List.copyOf(socialInteracts);
    }

    /**
     * Public means released (scheduled or published) and due. This is the only definition of
     * "public" in the code base: the store's key conditions encode the same rule.
     */
    public boolean isPublicAt(Instant now) {
        return status.isReleased() && publishAt != null && !publishAt.isAfter(now);
    }

    /** The status as a reader sees it now: a scheduled episode whose time has come is published. */
    public Status effectiveStatus(Instant now) {
        if (status == Status.SCHEDULED && isPublicAt(now)) {
            return Status.PUBLISHED;
        }
        return status;
    }

    public EpisodeSummary toSummary() {
        return new EpisodeSummary(id, slug, title, summary, publishAt, tags, guests, audio);
    }

    /** A builder holding this episode's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes to an episode, field by field; {@link #build} makes the new value (not validated: see EpisodeRules). */
    public static final class Builder {
        private String id, slug, guid, title, summary, showNotesMarkdown, showNotesHtml;
        private List<Chapter> chapters;
        private List<Guest> guests;
        private List<String> tags;
        private List<Link> links;
        private Integer season, episodeNumber;
        private EpisodeType episodeType;
        private boolean explicit;
        private Audio audio;
        private Status status;
        private Instant publishAt, createdAt, updatedAt;
        private long version;
        private List<String> formerSlugs;
        private Upload upload;
        private TranscriptFile transcript;
        private List<Soundbite> soundbites;
        private List<SocialInteract> socialInteracts;
        private License license;

        private Builder(Episode e) {
            id = e.id; slug = e.slug; guid = e.guid; title = e.title; summary = e.summary;
            showNotesMarkdown = e.showNotesMarkdown; showNotesHtml = e.showNotesHtml; chapters = e.chapters;
            guests = e.guests; tags = e.tags; links = e.links; season = e.season; episodeNumber = e.episodeNumber;
            episodeType = e.episodeType; explicit = e.explicit; audio = e.audio; status = e.status; publishAt = e.publishAt;
            createdAt = e.createdAt; updatedAt = e.updatedAt; version = e.version; formerSlugs = e.formerSlugs; upload = e.upload;
            transcript = e.transcript; soundbites = e.soundbites; socialInteracts = e.socialInteracts; license = e.license;
        }

        public Builder slug(String v) { slug = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder summary(String v) { summary = v; return this; }
        public Builder showNotes(String markdown, String html) { showNotesMarkdown = markdown; showNotesHtml = html; return this; }
        public Builder chapters(List<Chapter> v) { chapters = v; return this; }
        public Builder guests(List<Guest> v) { guests = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder links(List<Link> v) { links = v; return this; }
        public Builder season(Integer v) { season = v; return this; }
        public Builder episodeNumber(Integer v) { episodeNumber = v; return this; }
        public Builder episodeType(EpisodeType v) { episodeType = v; return this; }
        public Builder explicit(boolean v) { explicit = v; return this; }
        public Builder audio(Audio v) { audio = v; return this; }
        public Builder status(Status v) { status = v; return this; }
        public Builder publishAt(Instant v) { publishAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder formerSlugs(List<String> v) { formerSlugs = v; return this; }
        public Builder upload(Upload v) { upload = v; return this; }
        public Builder transcript(TranscriptFile v) { transcript = v; return this; }
        public Builder soundbites(List<Soundbite> v) { soundbites = v; return this; }
        public Builder socialInteracts(List<SocialInteract> v) { socialInteracts = v; return this; }
        public Builder license(License v) { license = v; return this; }

        public Episode build() {
            return new Episode(id, slug, guid, title, summary, showNotesMarkdown, showNotesHtml, chapters, guests, tags, links,
                    season, episodeNumber, episodeType, explicit, audio, status, publishAt, createdAt, updatedAt, version,
                    formerSlugs, upload, transcript, soundbites, socialInteracts, license);
        }
    }
}
