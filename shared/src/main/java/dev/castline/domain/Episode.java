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
        List<String> formerSlugs) {

    public Episode {
        chapters = List.copyOf(chapters);
        guests = List.copyOf(guests);
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        formerSlugs = List.copyOf(formerSlugs);
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
}
