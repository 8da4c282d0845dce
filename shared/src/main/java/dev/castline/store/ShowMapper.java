package dev.castline.store;

import static dev.castline.store.EpisodeMapper.n;
import static dev.castline.store.EpisodeMapper.s;

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

    static String scheduledAttribute(String episodeId) {
        return SCHEDULED_PREFIX + episodeId;
    }

    /** The show's fields as attribute values; absent optional fields are left out (and removed on save). */
    static Map<String, AttributeValue> showAttributes(Show show) {
        Map<String, AttributeValue> m = new HashMap<>();
        put(m, "title", show.title());
        put(m, "author", show.author());
        put(m, "description", show.description());
        put(m, "language", show.language());
        put(m, "artworkUrl", show.artworkUrl());
        put(m, "appleCategory", show.appleCategory());
        put(m, "appleSubcategory", show.appleSubcategory());
        m.put("explicit", AttributeValue.fromBool(show.explicit()));
        put(m, "ownerName", show.ownerName());
        put(m, "ownerEmail", show.ownerEmail());
        put(m, "siteBaseUrl", show.siteBaseUrl());
        put(m, "copyright", show.copyright());
        put(m, "fundingUrl", show.fundingUrl());
        put(m, "fundingText", show.fundingText());
        put(m, "feedUrl", show.feedUrl());
        put(m, "podcastGuid", show.podcastGuid());
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
                item.containsKey("feedItemLimit") ? Integer.valueOf(item.get("feedItemLimit").n()) : null);
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

    private static void put(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
