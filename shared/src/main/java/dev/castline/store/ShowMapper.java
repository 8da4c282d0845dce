package dev.castline.store;

import static dev.castline.store.EpisodeMapper.integer;
import static dev.castline.store.EpisodeMapper.n;
import static dev.castline.store.EpisodeMapper.putIfPresent;
import static dev.castline.store.EpisodeMapper.s;
import static dev.castline.store.EpisodeMapper.str;

import dev.castline.domain.Show;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The show item ({@code PK=SHOW, SK=SHOW}): show settings and the feed's state side by side, so a
 * feed poll reads one item. Scheduled publish times are kept as one top-level attribute per
 * episode ({@code sched_{id}}) so a transaction can set or remove its own without reading the
 * others: no lost update between two hosts' writes.
 */
public final class ShowMapper {
    static final String FEED_VERSION = "feedVersion";
    static final String FEED_CHANGED_AT = "feedChangedAt";
    static final String SCHEDULED_PREFIX = "sched_";
    private static final List<String> SHOW_ATTRIBUTES = List.of("title", "author", "description", "language", "artworkUrl",
            "appleCategory", "appleSubcategory", "explicit", "ownerName", "ownerEmail", "siteBaseUrl", "copyright",
            "fundingUrl", "fundingText", "feedUrl", "podcastGuid", "serial", "locked", "feedItemLimit");

    private ShowMapper() {
    }

    public static Map<String, AttributeValue> key() {
        return Map.of(EpisodeMapper.PK, s("SHOW"), EpisodeMapper.SK, s("SHOW"));
    }

    /** The clauses of every write that moves the feed's validators on: with {@link #feedMoved} and values. */
    static final String FEED_MOVED_SET = "#changed = :changed";
    static final String FEED_MOVED_ADD = "ADD #version :one";

    /** Adds what {@link #FEED_MOVED_SET} and {@link #FEED_MOVED_ADD} name: the show item's validators, now. */
    static void feedMoved(Map<String, String> names, Map<String, AttributeValue> values, Instant now) {
        names.put("#changed", FEED_CHANGED_AT);
        names.put("#version", FEED_VERSION);
        values.put(":changed", s(now.toString()));
        values.put(":one", n(1));
    }

    static String scheduledAttribute(String episodeId) {
        return SCHEDULED_PREFIX + episodeId;
    }

    /** The show's fields as attribute values; absent optional fields are left out (and removed on save). */
    static Map<String, AttributeValue> showAttributes(Show show) {
        Map<String, AttributeValue> m = new HashMap<>();
        putIfPresent(m, "title", show.title());
        putIfPresent(m, "author", show.author());
        putIfPresent(m, "description", show.description());
        putIfPresent(m, "language", show.language());
        putIfPresent(m, "artworkUrl", show.artworkUrl());
        putIfPresent(m, "appleCategory", show.appleCategory());
        putIfPresent(m, "appleSubcategory", show.appleSubcategory());
        m.put("explicit", AttributeValue.fromBool(show.explicit()));
        putIfPresent(m, "ownerName", show.ownerName());
        putIfPresent(m, "ownerEmail", show.ownerEmail());
        putIfPresent(m, "siteBaseUrl", show.siteBaseUrl());
        putIfPresent(m, "copyright", show.copyright());
        putIfPresent(m, "fundingUrl", show.fundingUrl());
        putIfPresent(m, "fundingText", show.fundingText());
        putIfPresent(m, "feedUrl", show.feedUrl());
        putIfPresent(m, "podcastGuid", show.podcastGuid());
        m.put("serial", AttributeValue.fromBool(show.serial()));
        m.put("locked", AttributeValue.fromBool(show.locked()));
        if (show.feedItemLimit() != null) {
            m.put("feedItemLimit", n(show.feedItemLimit()));
        }
        return m;
    }

    static List<String> showAttributeNames() {
        return SHOW_ATTRIBUTES;
    }

    /** The show, or null when the item holds only feed state (no show saved yet). */
    static Show show(Map<String, AttributeValue> item) {
        if (!item.containsKey("title")) {
            return null;
        }
        return new Show(str(item, "title"), str(item, "author"), str(item, "description"), str(item, "language"),
                str(item, "artworkUrl"), str(item, "appleCategory"), str(item, "appleSubcategory"), bool(item, "explicit"),
                str(item, "ownerName"), str(item, "ownerEmail"), str(item, "siteBaseUrl"), str(item, "copyright"),
                str(item, "fundingUrl"), str(item, "fundingText"), str(item, "feedUrl"), str(item, "podcastGuid"),
                bool(item, "serial"), bool(item, "locked"),
                integer(item, "feedItemLimit"));
    }

    static FeedState feedState(Map<String, AttributeValue> item) {
        List<Instant> scheduled = new ArrayList<>();
        item.forEach((name, value) -> {
            if (name.startsWith(SCHEDULED_PREFIX)) {
                scheduled.add(Instant.parse(value.s()));
            }
        });
        long version = item.containsKey(FEED_VERSION) ? Long.parseLong(item.get(FEED_VERSION).n()) : 0;
        Instant changedAt = item.containsKey(FEED_CHANGED_AT) ? Instant.parse(item.get(FEED_CHANGED_AT).s()) : null;
        return new FeedState(version, changedAt, scheduled);
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
