package dev.castline.store;

import static dev.castline.store.TableLayout.n;
import static dev.castline.store.TableLayout.s;

import dev.castline.domain.Show;
import dev.castline.domain.Shape;
import dev.castline.domain.ShowField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The show item: show settings and the feed's state side by side, so a feed poll reads one item.
 * Settings are stored under their {@link ShowField} names. Scheduled publish times are kept as one
 * top-level attribute per episode ({@code sched_{id}}) so a transaction can set or remove its own
 * without reading the others: no lost update between two hosts' writes.
 */
final class ShowMapper {
    static final String FEED_VERSION = "feedVersion";
    static final String FEED_CHANGED_AT = "feedChangedAt";
    static final String SCHEDULED_PREFIX = "sched_";
    static final String RELEASED_COUNT = "releasedCount";
    static final String SETTINGS_VERSION = "settingsVersion";
    /** The artwork upload the show waits for, or the last one refused: not a setting. */
    static final String ARTWORK_UPLOAD = "artworkUpload";

    /** The clauses of every write that moves the feed's validators on: with {@link #feedMoved} and values. */
    static final String FEED_MOVED_SET = "#changed = :changed";
    static final String FEED_MOVED_ADD = "ADD #version :one";

    private ShowMapper() {
    }

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
    static Map<ShowField, AttributeValue> showAttributes(Show show) {
        Map<ShowField, AttributeValue> m = new EnumMap<>(ShowField.class);
        for (ShowField field : ShowField.values()) {
            Object value = field.of(show);
            if (value != null) {
                m.put(field, switch (field.kind()) {
                    case TEXT -> s((String) value);
                    case BOOLEAN -> AttributeValue.fromBool((Boolean) value);
                    case INTEGER -> n((Integer) value);
                    case LINKS -> {
                        Map<String, AttributeValue> links = new java.util.LinkedHashMap<>();
                        ((Map<?, ?>) value).forEach((k, url) -> links.put((String) k, s((String) url)));
                        yield AttributeValue.fromM(links);
                    }
                    case OBJECT -> object(field.shape(), value);
                    case OBJECTS -> AttributeValue.fromL(((List<?>) value).stream().map(o -> object(field.shape(), o)).toList());
                });
            }
        }
        return m;
    }

    /** The show, or null when the item holds only feed state (no show saved yet). */
    static Show show(Map<String, AttributeValue> item) {
        if (!item.containsKey(ShowField.TITLE.wireName())) {
            return null;
        }
        Map<ShowField, Object> values = new EnumMap<>(ShowField.class);
        for (ShowField field : ShowField.values()) {
            AttributeValue v = item.get(field.wireName());
            if (v != null) {
                values.put(field, switch (field.kind()) {
                    case TEXT -> v.s();
                    case BOOLEAN -> v.bool();
                    case INTEGER -> Integer.valueOf(v.n());
                    case LINKS -> {
                        Map<String, String> links = new java.util.LinkedHashMap<>();
                        v.m().forEach((k, url) -> links.put(k, url.s()));
                        yield links;
                    }
                    case OBJECT -> object(field.shape(), v);
                    case OBJECTS -> v.l().stream().map(o -> object(field.shape(), o)).toList();
                });
            }
        }
        return ShowField.toShow(values);
    }

    /** A shaped value as a map attribute of its set members. */
    private static AttributeValue object(Shape<?> shape, Object value) {
        Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
        shape.membersOf(value).forEach((name, member) -> m.put(name, switch (member) {
            case String text -> s(text);
            case Boolean bool -> AttributeValue.fromBool(bool);
            case Integer number -> n(number);
            default -> throw new IllegalStateException("a shape's member is text, true/false or a whole number: " + name);
        }));
        return AttributeValue.fromM(m);
    }

    private static Object object(Shape<?> shape, AttributeValue v) {
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        shape.members().forEach((name, kind) -> {
            AttributeValue member = v.m().get(name);
            if (member != null) {
                members.put(name, switch (kind) {
                    case BOOLEAN -> member.bool();
                    case INTEGER -> Integer.valueOf(member.n());
                    default -> member.s();
                });
            }
        });
        return shape.of(members);
    }

    static java.util.Optional<dev.castline.domain.Upload> artworkUpload(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(ARTWORK_UPLOAD);
        return v == null ? java.util.Optional.empty() : java.util.Optional.of(EpisodeMapper.upload(v.m()));
    }

    static long settingsVersion(Map<String, AttributeValue> item) {
        return item.containsKey(SETTINGS_VERSION) ? TableLayout.whole(item, SETTINGS_VERSION) : 0;
    }

    static FeedState feedState(Map<String, AttributeValue> item) {
        List<Instant> scheduled = new ArrayList<>();
        item.forEach((name, value) -> {
            if (name.startsWith(SCHEDULED_PREFIX)) {
                scheduled.add(Instant.parse(value.s()));
            }
        });
        long version = item.containsKey(FEED_VERSION) ? TableLayout.whole(item, FEED_VERSION) : 0;
        Instant changedAt = item.containsKey(FEED_CHANGED_AT) ? Instant.parse(item.get(FEED_CHANGED_AT).s()) : null;
        long released = item.containsKey(RELEASED_COUNT) ? TableLayout.whole(item, RELEASED_COUNT) : 0;
        return new FeedState(version, changedAt, scheduled, released);
    }

    /** The settings' part of an update expression: SET what is present, REMOVE what is not. */
    static void settingsUpdate(Show show, Map<String, String> names, Map<String, AttributeValue> values,
                               List<String> sets, List<String> removes) {
        Map<ShowField, AttributeValue> attributes = showAttributes(show);
        for (ShowField field : ShowField.values()) {
            String name = "#a" + field.ordinal();
            names.put(name, field.wireName());
            AttributeValue value = attributes.get(field);
            if (value != null) {
                values.put(":v" + field.ordinal(), value);
                sets.add(name + " = :v" + field.ordinal());
            } else {
                removes.add(name);
            }
        }
    }
}
