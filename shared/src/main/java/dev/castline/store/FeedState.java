package dev.castline.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the feed's validators are made of, kept on the show item so that one GetItem answers a
 * conditional poll. {@code version} goes up in the same transaction as every write that changes
 * the feed; {@code scheduled} holds the publish times of episodes that were in the future when
 * written, so the moment one of them passes also changes the validators, with no job running.
 *
 * @param changedAt when the feed's data last changed (null if it never has)
 * @param released  how many episodes are released (scheduled or published), kept by the same
 *                  transactions: no more than this many can be public, so no feed has more pages
 */
public record FeedState(long version, Instant changedAt, List<Instant> scheduled, long released) {
    public static final FeedState EMPTY = new FeedState(0, null, List.of(), 0);

    public FeedState {
        scheduled = List.copyOf(scheduled);
    }

    /** The latest scheduled publish time that has passed at {@code now}. */
    public Optional<Instant> lastDueAt(Instant now) {
        Instant due = null;
        for (Instant t : scheduled) {
            if (!t.isAfter(now) && (due == null || t.isAfter(due))) {
                due = t;
            }
        }
        return Optional.ofNullable(due);
    }

    /** At most how many episodes are public at {@code now}: the released ones less those still scheduled. */
    public long publicAtMost(Instant now) {
        long future = scheduled.stream().filter(t -> t.isAfter(now)).count();
        return Math.max(0, released - future);
    }

    /** When the feed's content last changed as seen at {@code now}: the last write, or a scheduled episode becoming due. */
    public Optional<Instant> lastModifiedAt(Instant now) {
        Optional<Instant> due = lastDueAt(now);
        if (changedAt == null) {
            return due;
        }
        return Optional.of(due.filter(d -> d.isAfter(changedAt)).orElse(changedAt));
    }
}
