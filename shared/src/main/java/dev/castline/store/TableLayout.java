package dev.castline.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's layout, in one place: key formats, index names, sort-key formats and the attribute
 * helpers every mapper uses. One instance per show: every key it makes starts with
 * {@code SHOW#{show}#}, so several shows share one table without ever seeing each other's items,
 * and serving more than one is configuration, not a data migration.
 *
 * <pre>
 * item        PK                              SK                 what it is for
 * show        SHOW#{show}                     SHOW               settings and the feed's validators
 * episode     SHOW#{show}#EPISODE#{id}        EPISODE            the episode
 * transcript  SHOW#{show}#EPISODE#{id}        TRANSCRIPT#{t}#{n} part n of the episode's transcript t (gzipped JSON)
 * slug        SHOW#{show}#SLUG#{slug}         SLUG               slug → id; its existence reserves the slug
 * guid        SHOW#{show}#GUID#{guid}         GUID               guid → id; no two episodes share a guid (apps key on it)
 * tag entry   SHOW#{show}#TAG#{tag}           {publishAt}#{id}   a summary copy per tag of a released episode
 * index ByPublishDate: listPk  = SHOW#{show}#RELEASED, listSk  = {publishAt}#{id}, summary attributes projected
 * index Drafts:        draftPk = SHOW#{show}#DRAFT,    draftSk = {createdAt}#{id}, while a draft (the host's list)
 * </pre>
 *
 * Sort keys start with the time at fixed width, so "public now" is a key condition
 * ({@code SK < now + "$"}) and newest-first is {@code ScanIndexForward=false}: no filters.
 * Hand-written on the low-level client so that nothing reflects over beans on a cold start.
 */
public final class TableLayout {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String LIST_PK = "listPk";
    public static final String LIST_SK = "listSk";
    public static final String LIST_INDEX = "ByPublishDate";
    public static final String DRAFT_PK = "draftPk";
    public static final String DRAFT_SK = "draftSk";
    public static final String DRAFT_INDEX = "Drafts";
    /** The attribute every item carries to say what it is. */
    static final String ENTITY = "entity";

    /** Letters, digits and hyphens: a show id never contains the key separator. */
    public static final Pattern SHOW_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final String DEFAULT_SHOW = "default";

    private static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String showId;
    private final String prefix;

    public TableLayout(String showId) {
        if (showId == null || !SHOW_ID.matcher(showId).matches()) {
            throw new IllegalArgumentException("a show id is 1 to 40 lowercase letters, digits or hyphens");
        }
        this.showId = showId;
        this.prefix = "SHOW#" + showId;
    }

    public String showId() {
        return showId;
    }

    // ---- keys

    public Map<String, AttributeValue> showKey() {
        return key(prefix, "SHOW");
    }

    public Map<String, AttributeValue> episodeKey(String id) {
        return key(prefix + "#EPISODE#" + id, "EPISODE");
    }

    /** Part {@code n} of transcript {@code transcriptId}, beside its episode's item. */
    public Map<String, AttributeValue> transcriptPartKey(String episodeId, String transcriptId, int n) {
        return key(prefix + "#EPISODE#" + episodeId, transcriptPartPrefix(transcriptId) + String.format(java.util.Locale.ROOT, "%03d", n));
    }

    static String transcriptPartPrefix(String transcriptId) {
        return "TRANSCRIPT#" + transcriptId + "#";
    }

    public Map<String, AttributeValue> slugKey(String slug) {
        return key(prefix + "#SLUG#" + slug, "SLUG");
    }

    public Map<String, AttributeValue> guidKey(String guid) {
        return key(prefix + "#GUID#" + guid, "GUID");
    }

    public String tagPartition(String tag) {
        return prefix + "#TAG#" + tag;
    }

    public Map<String, AttributeValue> tagEntryKey(String tag, String sortKey) {
        return key(tagPartition(tag), sortKey);
    }

    /** The listing index's partition: this show's released (scheduled or published) episodes. */
    public String releasedPartition() {
        return prefix + "#RELEASED";
    }

    /** The drafts index's partition: this show's drafts. */
    public String draftsPartition() {
        return prefix + "#DRAFT";
    }

    /** The key DynamoDB needs to resume the listing index after the item with this sort key. */
    Map<String, AttributeValue> listIndexStartKey(String sortKey) {
        Map<String, AttributeValue> key = new HashMap<>(episodeKey(idOfSortKey(sortKey)));
        key.put(LIST_PK, s(releasedPartition()));
        key.put(LIST_SK, s(sortKey));
        return key;
    }

    /** The key DynamoDB needs to resume the drafts index after the item with this sort key. */
    Map<String, AttributeValue> draftIndexStartKey(String sortKey) {
        Map<String, AttributeValue> key = new HashMap<>(episodeKey(idOfSortKey(sortKey)));
        key.put(DRAFT_PK, s(draftsPartition()));
        key.put(DRAFT_SK, s(sortKey));
        return key;
    }

    // ---- sort keys

    /** {@code 2020-06-29T00:00:00Z#id}: the time first, so keys sort by it. */
    public static String sortKey(Instant at, String id) {
        return SORTABLE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS)) + "#" + id;
    }

    /** The exclusive upper bound of sort keys that are public at {@code now} ('$' follows '#'). */
    public static String publicUpperBound(Instant now) {
        return SORTABLE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)) + "$";
    }

    public static String idOfSortKey(String sortKey) {
        return sortKey.substring(sortKey.indexOf('#') + 1);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    // ---- attribute value helpers

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue strings(List<String> values) {
        return list(values, TableLayout::s);
    }

    static <T> AttributeValue list(List<T> values, Function<T, AttributeValue> each) {
        List<AttributeValue> out = new ArrayList<>(values.size());
        for (T v : values) {
            out.add(each.apply(v));
        }
        return AttributeValue.fromL(out);
    }

    static <T> List<T> fromList(AttributeValue value, Function<AttributeValue, T> each) {
        if (value == null || !value.hasL()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(value.l().size());
        for (AttributeValue v : value.l()) {
            out.add(each.apply(v));
        }
        return out;
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Integer integer(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : Integer.valueOf(v.n());
    }

    static long whole(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
