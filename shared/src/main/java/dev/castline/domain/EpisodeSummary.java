package dev.castline.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a listing shows of an episode. The store keeps exactly these fields on its listing index
 * and tag entries, so a page of summaries is one Query with no follow-up reads.
 */
public record EpisodeSummary(
        String id,
        String slug,
        String title,
        String summary,
        Instant publishAt,
        List<String> tags,
        List<Guest> guests,
        Audio audio) {

    public EpisodeSummary {
        tags = List.copyOf(tags);
        guests = List.copyOf(guests);
    }
}
