package dev.castline.feedimport;

import java.util.List;

/**
 * The outcome of {@link FeedReader#read}: the channel, how many {@code <item>} elements the feed
 * had, how many were handed over, and what was skipped or unreadable.
 */
public record FeedSummary(ImportedShow show, int itemsInFeed, int itemsDelivered, List<ImportProblem> problems) {
    public FeedSummary {
        problems = List.copyOf(problems);
    }
}
