package dev.castline.testing;

import dev.castline.domain.Audio;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.host.ShowNotes;
import dev.castline.domain.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Valid episodes for tests, in the shape of the seeds, with a builder for the field under test. */
public final class Episodes {
    /**
     * Gives the stored episode at {@code slug} a transcript of {@code cues} cues, two speakers
     * taking turns every third cue, five seconds each: what a long transcript looks like.
     */
    public static dev.castline.domain.Episode withTranscript(dev.castline.store.EpisodeStore store, String slug, int cues) {
        dev.castline.domain.Episode e = store.findBySlug(slug, true).orElseThrow();
        java.util.List<dev.castline.transcript.Cue> list = new java.util.ArrayList<>();
        for (int i = 0; i < cues; i++) {
            list.add(new dev.castline.transcript.Cue(i * 5_000L, i * 5_000L + 4_500, i / 3 % 2 == 0 ? "Nick Janetakis" : "Jason Charnes",
                    "Cue " + (i + 1) + ": we talk about Rails & <Heroku> here."));
        }
        var parts = dev.castline.store.TranscriptParts.encode(new dev.castline.transcript.Transcript(list)).orElseThrow();
        return store.replaceTranscript(e, new dev.castline.domain.TranscriptFile(java.util.UUID.randomUUID().toString(), "en-us", cues, parts.size()), parts);
    }

    private Episodes() {
    }

    public static Builder published(String slug, Instant publishAt) {
        return new Builder(slug).status(Status.PUBLISHED).publishAt(publishAt);
    }

    public static Builder draft(String slug) {
        return new Builder(slug).status(Status.DRAFT).publishAt(null);
    }

    public static final class Builder {
        private String id = UUID.randomUUID().toString();
        private String slug;
        private String guid = UUID.randomUUID().toString();
        private String title;
        private String summary = "In this episode of Running in Production, a guest goes over what they built.";
        private String notes = "Hear about **what they built** and [why](https://example.com/why).";
        private List<Chapter> chapters = List.of(new Chapter(159_000, "Motivation for using Ruby on Rails", null),
                new Chapter(230_000, "Using interactors and Action Cable with StimulusReflex", "https://stimulusreflex.com"));
        private List<Guest> guests = List.of(new Guest("Jason Charnes", "guest", "https://podia.com", null, "@jmcharnes"));
        private List<String> tags = List.of("rails", "ruby");
        private List<Link> links = List.of(new Link(LinkKind.REFERENCE, "https://hotwire.dev/", null),
                new Link(LinkKind.LIBRARY, "https://github.com/mperham/sidekiq", "Sidekiq"));
        private Integer season = 1;
        private Integer number = 1;
        private Audio audio;
        private Status status;
        private Instant publishAt;
        private long version = 1;
        private EpisodeType type = EpisodeType.FULL;
        private List<dev.castline.domain.Soundbite> soundbites = List.of();
        private List<dev.castline.domain.SocialInteract> socialInteracts = List.of();
        private dev.castline.domain.License license;

        private Builder(String slug) {
            this.slug = slug;
            this.title = "Episode " + slug;
            this.audio = new Audio("audio/" + id + "/" + UUID.randomUUID() + ".mp3", "audio/mpeg", 68_807_424, 4_300_000);
        }

        public Builder id(String v) { id = v; return this; }
        public Builder slug(String v) { slug = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder summary(String v) { summary = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder chapters(List<Chapter> v) { chapters = v; return this; }
        public Builder guests(List<Guest> v) { guests = v; return this; }
        public Builder tags(String... v) { tags = List.of(v); return this; }
        public Builder links(List<Link> v) { links = v; return this; }
        public Builder season(Integer v) { season = v; return this; }
        public Builder number(Integer v) { number = v; return this; }
        public Builder audio(Audio v) { audio = v; return this; }
        public Builder status(Status v) { status = v; return this; }
        public Builder publishAt(Instant v) { publishAt = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder type(EpisodeType v) { type = v; return this; }
        public Builder soundbites(List<dev.castline.domain.Soundbite> v) { soundbites = v; return this; }
        public Builder socialInteracts(List<dev.castline.domain.SocialInteract> v) { socialInteracts = v; return this; }
        public Builder license(dev.castline.domain.License v) { license = v; return this; }

        /** Every Podcasting 2.0 setting an episode has: two soundbites, two comment threads, a license. */
        public Builder withPodcasting20() {
            return soundbites(List.of(new dev.castline.domain.Soundbite(73_000, 60_000, null),
                            new dev.castline.domain.Soundbite(1_234_500, 42_250, "Why the <namespace> & Rails matter")))
                    .socialInteracts(List.of(new dev.castline.domain.SocialInteract("activitypub",
                                    "https://podcastindex.social/@dave/105079274766075912", "@dave", "https://podcastindex.social/@dave", 1),
                            new dev.castline.domain.SocialInteract("bluesky", "at://did:plc:abc/app.bsky.feed.post/3k", null, null, 2)))
                    .license(new dev.castline.domain.License("cc-by-4.0", null));
        }

        public Episode build() {
            Instant created = Instant.parse("2020-01-01T00:00:00Z");
            return new Episode(id, slug, guid, title, summary, notes, ShowNotes.toHtml(notes), chapters, guests, tags,
                    links, season, number, type, false, audio, status, publishAt, created, created,
                    version, List.of(), null, null, soundbites, socialInteracts, license);
        }
    }
}
