package dev.castline.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How a structured setting ({@link ShowField.Kind#OBJECT}, {@link ShowField.Kind#OBJECTS}) is
 * laid out: its members by name and kind (text, true/false or a whole number), and how a value
 * becomes those members and back. The store, the host API and the sample data read and write
 * every structured setting through its shape, so adding one needs no code beyond its shape.
 *
 * @param <T> the domain value, e.g. {@link Location}
 */
public final class Shape<T> {
    private final Class<T> type;
    private final Map<String, ShowField.Kind> members;
    private final Function<T, Map<String, Object>> toMembers;
    private final Function<Map<String, Object>, T> fromMembers;

    private Shape(Class<T> type, Map<String, ShowField.Kind> members, Function<T, Map<String, Object>> toMembers,
                  Function<Map<String, Object>, T> fromMembers) {
        this.type = type;
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        this.toMembers = toMembers;
        this.fromMembers = fromMembers;
    }

    public static final Shape<TxtRecord> TXT = new Shape<>(TxtRecord.class, members("purpose", "value"),
            t -> values("purpose", t.purpose(), "value", t.value()),
            m -> new TxtRecord(text(m, "purpose"), text(m, "value")));
    public static final Shape<License> LICENSE = new Shape<>(License.class, members("identifier", "url"),
            l -> values("identifier", l.identifier(), "url", l.url()),
            m -> new License(text(m, "identifier"), text(m, "url")));
    public static final Shape<Location> LOCATION = new Shape<>(Location.class, members("name", "geo", "osm"),
            l -> values("name", l.name(), "geo", l.geo(), "osm", l.osm()),
            m -> new Location(text(m, "name"), text(m, "geo"), text(m, "osm")));
    public static final Shape<RemoteItem> REMOTE_ITEM = new Shape<>(RemoteItem.class, members("feedGuid", "feedUrl", "title"),
            r -> values("feedGuid", r.feedGuid(), "feedUrl", r.feedUrl(), "title", r.title()),
            m -> new RemoteItem(text(m, "feedGuid"), text(m, "feedUrl"), text(m, "title")));
    public static final Shape<UpdateFrequency> UPDATE_FREQUENCY = new Shape<>(UpdateFrequency.class,
            withKinds(members("text", "rrule", "dtstart"), "complete", ShowField.Kind.BOOLEAN),
            u -> values("text", u.text(), "rrule", u.rrule(), "dtstart", u.dtstart(), "complete", u.complete() ? Boolean.TRUE : null),
            m -> new UpdateFrequency(text(m, "text"), text(m, "rrule"), text(m, "dtstart"), Boolean.TRUE.equals(m.get("complete"))));

    /** The members' names and kinds, in the order they are written. */
    public Map<String, ShowField.Kind> members() {
        return members;
    }

    /** The value's members that are set (a String, Boolean or Integer each), in order. */
    public Map<String, Object> membersOf(Object value) {
        return toMembers.apply(type.cast(value));
    }

    /** The value from its members (absent ones unset). */
    public T of(Map<String, Object> values) {
        return fromMembers.apply(values);
    }

    private static Map<String, ShowField.Kind> members(String... names) {
        Map<String, ShowField.Kind> m = new LinkedHashMap<>();
        for (String name : names) {
            m.put(name, ShowField.Kind.TEXT);
        }
        return m;
    }

    private static Map<String, ShowField.Kind> withKinds(Map<String, ShowField.Kind> m, String name, ShowField.Kind kind) {
        m.put(name, kind);
        return m;
    }

    /** Name, value pairs; null values are left out. */
    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static String text(Map<String, Object> m, String name) {
        Object v = m.get(name);
        return v == null ? null : v.toString();
    }
}
