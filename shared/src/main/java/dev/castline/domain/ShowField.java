package dev.castline.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The show's settings, field by field: the one list of their names and kinds. The store's
 * attributes, the host API's fields and the sample data all use these names, so a field is added
 * here once and everything that reads or writes settings follows.
 */
public enum ShowField {
    TITLE("title", Kind.TEXT, Show::title),
    AUTHOR("author", Kind.TEXT, Show::author),
    DESCRIPTION("description", Kind.TEXT, Show::description),
    LANGUAGE("language", Kind.TEXT, Show::language),
    ARTWORK_URL("artworkUrl", Kind.TEXT, Show::artworkUrl),
    APPLE_CATEGORY("appleCategory", Kind.TEXT, Show::appleCategory),
    APPLE_SUBCATEGORY("appleSubcategory", Kind.TEXT, Show::appleSubcategory),
    EXPLICIT("explicit", Kind.BOOLEAN, Show::explicit),
    OWNER_NAME("ownerName", Kind.TEXT, Show::ownerName),
    OWNER_EMAIL("ownerEmail", Kind.TEXT, Show::ownerEmail),
    SITE_BASE_URL("siteBaseUrl", Kind.TEXT, Show::siteBaseUrl),
    COPYRIGHT("copyright", Kind.TEXT, Show::copyright),
    FUNDING_URL("fundingUrl", Kind.TEXT, Show::fundingUrl),
    FUNDING_TEXT("fundingText", Kind.TEXT, Show::fundingText),
    FEED_URL("feedUrl", Kind.TEXT, Show::feedUrl),
    PODCAST_GUID("podcastGuid", Kind.TEXT, Show::podcastGuid),
    SERIAL("serial", Kind.BOOLEAN, Show::serial),
    LOCKED("locked", Kind.BOOLEAN, Show::locked),
    FEED_ITEM_LIMIT("feedItemLimit", Kind.INTEGER, Show::feedItemLimit),
    SUBSCRIBE_LINKS("subscribeLinks", Kind.LINKS, s -> s.subscribeLinks().isEmpty() ? null : s.subscribeLinks()),
    TXT("txt", Kind.OBJECTS, Shape.TXT, s -> s.txt().isEmpty() ? null : s.txt()),
    LICENSE("license", Kind.OBJECT, Shape.LICENSE, Show::license),
    LOCATION("location", Kind.OBJECT, Shape.LOCATION, Show::location),
    PODROLL("podroll", Kind.OBJECTS, Shape.REMOTE_ITEM, s -> s.podroll().isEmpty() ? null : s.podroll()),
    UPDATE_FREQUENCY("updateFrequency", Kind.OBJECT, Shape.UPDATE_FREQUENCY, Show::updateFrequency),
    BLOCK("block", Kind.BOOLEAN, Show::block),
    COMPLETE("complete", Kind.BOOLEAN, Show::complete),
    NEW_FEED_URL("newFeedUrl", Kind.TEXT, Show::newFeedUrl);

    /**
     * How a field's value is written: text, true/false, a whole number, links by name (an
     * object of {@link PodcastApp} setting names to URLs, a {@code Map<String, String>}), one
     * object of a {@link Shape} (its domain value), or a list of them (a {@code List} of values).
     */
    public enum Kind { TEXT, BOOLEAN, INTEGER, LINKS, OBJECT, OBJECTS }

    private final String wireName;
    private final Kind kind;
    private final Function<Show, Object> getter;
    private final Shape<?> shape;

    ShowField(String wireName, Kind kind, Function<Show, Object> getter) {
        this.wireName = wireName;
        this.kind = kind;
        this.getter = getter;
        this.shape = null;
    }

    /** A structured field: one object of this shape ({@link Kind#OBJECT}) or a list of them ({@link Kind#OBJECTS}). */
    ShowField(String wireName, Kind kind, Shape<?> shape, Function<Show, Object> getter) {
        this.wireName = wireName;
        this.kind = kind;
        this.getter = getter;
        this.shape = shape;
    }

    /** The layout of an {@link Kind#OBJECT} or {@link Kind#OBJECTS} field's objects; null for the other kinds. */
    public Shape<?> shape() {
        return shape;
    }

    /** The field's name in the API, the store and the sample data. */
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** The show's value of this field: a String, Boolean, Integer, links, shaped value or list of them, or null when unset. */
    public Object of(Show show) {
        return getter.apply(show);
    }

    /** A show from field values (absent booleans are false, {@code locked} excepted: see {@link Show}). */
    public static Show toShow(Map<ShowField, Object> values) {
        Map<ShowField, Object> v = new EnumMap<>(ShowField.class);
        v.putAll(values);
        return new Show(text(v, TITLE), text(v, AUTHOR), text(v, DESCRIPTION), text(v, LANGUAGE), text(v, ARTWORK_URL),
                text(v, APPLE_CATEGORY), text(v, APPLE_SUBCATEGORY), bool(v, EXPLICIT, false), text(v, OWNER_NAME),
                text(v, OWNER_EMAIL), text(v, SITE_BASE_URL), text(v, COPYRIGHT), text(v, FUNDING_URL), text(v, FUNDING_TEXT),
                text(v, FEED_URL), text(v, PODCAST_GUID), bool(v, SERIAL, false), bool(v, LOCKED, true),
                (Integer) v.get(FEED_ITEM_LIMIT), links(v, SUBSCRIBE_LINKS), list(v, TXT), (License) v.get(LICENSE),
                (Location) v.get(LOCATION), list(v, PODROLL), (UpdateFrequency) v.get(UPDATE_FREQUENCY), bool(v, BLOCK, false),
                bool(v, COMPLETE, false), text(v, NEW_FEED_URL));
    }

    @SuppressWarnings("unchecked")
    private static <T> java.util.List<T> list(Map<ShowField, Object> values, ShowField field) {
        return (java.util.List<T>) values.get(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> links(Map<ShowField, Object> values, ShowField field) {
        return (Map<String, String>) values.get(field);
    }

    private static String text(Map<ShowField, Object> values, ShowField field) {
        return (String) values.get(field);
    }

    private static boolean bool(Map<ShowField, Object> values, ShowField field, boolean absent) {
        Object v = values.get(field);
        return v == null ? absent : (Boolean) v;
    }
}
