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
    SUBSCRIBE_LINKS("subscribeLinks", Kind.LINKS, s -> s.subscribeLinks().isEmpty() ? null : s.subscribeLinks());

    /**
     * How a field's value is written: text, true/false, a whole number, or links by name (an
     * object of {@link PodcastApp} setting names to URLs, a {@code Map<String, String>}).
     */
    public enum Kind { TEXT, BOOLEAN, INTEGER, LINKS }

    private final String wireName;
    private final Kind kind;
    private final Function<Show, Object> getter;

    ShowField(String wireName, Kind kind, Function<Show, Object> getter) {
        this.wireName = wireName;
        this.kind = kind;
        this.getter = getter;
    }

    /** The field's name in the API, the store and the sample data. */
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** The show's value of this field: a String, Boolean or Integer, or null when unset. */
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
                (Integer) v.get(FEED_ITEM_LIMIT), links(v, SUBSCRIBE_LINKS));
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
