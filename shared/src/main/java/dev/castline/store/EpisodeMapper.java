package dev.castline.store;

import dev.castline.domain.Audio;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.domain.Status;
import dev.castline.domain.Upload;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's layout, in one place: key formats, attribute names, and the conversion between
 * domain values and DynamoDB items. Hand-written on the low-level client so that nothing
 * reflects over beans when a cold function serves its first request.
 *
 * <pre>
 * item        PK                 SK              what it is for
 * episode     EPISODE#{id}       EPISODE         the episode; LIST_PK/LIST_SK set while released
 * slug        SLUG#{slug}        SLUG            slug → id; its existence reserves the slug
 * tag entry   TAG#{tag}          {publishAt}#{id} a summary copy per tag of a released episode
 * index ByPublishDate: LIST_PK = "RELEASED", LIST_SK = {publishAt}#{id}, summary attributes projected
 * index Drafts:        DRAFT_PK = "DRAFT", DRAFT_SK = {createdAt}#{id} while a draft (the host's list)
 * </pre>
 *
 * Sort keys start with the publish time at fixed width, so "public now" is a key condition
 * ({@code SK < now + "$"}) and newest-first is {@code ScanIndexForward=false}: no filters.
 */
public final class EpisodeMapper {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String LIST_PK = "listPk";
    public static final String LIST_SK = "listSk";
    public static final String LIST_INDEX = "ByPublishDate";
    public static final String RELEASED = "RELEASED";
    public static final String DRAFT_PK = "draftPk";
    public static final String DRAFT_SK = "draftSk";
    public static final String DRAFT_INDEX = "Drafts";
    public static final String DRAFTS = "DRAFT";

    static final String ENTITY = "entity";
    static final String ID = "id";
    static final String SLUG = "slug";
    static final String FORMER_SLUGS = "formerSlugs";
    static final String GUID = "guid";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String NOTES_MD = "notesMarkdown";
    static final String NOTES_HTML = "notesHtml";
    static final String CHAPTERS = "chapters";
    static final String GUESTS = "guests";
    static final String TAGS = "tags";
    static final String LINKS = "links";
    static final String SEASON = "season";
    static final String EPISODE_NUMBER = "episodeNumber";
    static final String EPISODE_TYPE = "episodeType";
    static final String EXPLICIT = "explicit";
    static final String AUDIO = "audio";
    static final String STATUS = "status";
    static final String PUBLISH_AT = "publishAt";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    static final String EPISODE_ID = "episodeId";
    static final String UPLOAD = "upload";

    /** What the listing indexes and tag entries carry: exactly what {@link EpisodeSummary} needs. */
    public static final List<String> SUMMARY_ATTRIBUTES = List.of(ID, SLUG, TITLE, SUMMARY, PUBLISH_AT, TAGS, GUESTS, AUDIO);

    private static final String EPISODE_PREFIX = "EPISODE#";
    private static final String SLUG_PREFIX = "SLUG#";
    private static final String TAG_PREFIX = "TAG#";
    private static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private EpisodeMapper() {
    }

    // ---- keys

    public static Map<String, AttributeValue> episodeKey(String id) {
        return key(EPISODE_PREFIX + id, "EPISODE");
    }

    public static Map<String, AttributeValue> slugKey(String slug) {
        return key(SLUG_PREFIX + slug, "SLUG");
    }

    public static String tagPartition(String tag) {
        return TAG_PREFIX + tag;
    }

    public static Map<String, AttributeValue> tagEntryKey(String tag, String sortKey) {
        return key(tagPartition(tag), sortKey);
    }

    /** {@code 2020-06-29T00:00:00Z#id}: the publish time first, so keys sort by it. */
    public static String sortKey(Instant publishAt, String id) {
        return SORTABLE_TIME.format(publishAt.truncatedTo(ChronoUnit.SECONDS)) + "#" + id;
    }

    /** The exclusive upper bound of sort keys that are public at {@code now} ('$' follows '#'). */
    public static String publicUpperBound(Instant now) {
        return SORTABLE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)) + "$";
    }

    public static String idOfSortKey(String sortKey) {
        return sortKey.substring(sortKey.indexOf('#') + 1);
    }

    /** The key DynamoDB needs to resume the listing index after the item with this sort key. */
    static Map<String, AttributeValue> listIndexStartKey(String sortKey) {
        Map<String, AttributeValue> key = new HashMap<>(episodeKey(idOfSortKey(sortKey)));
        key.put(LIST_PK, s(RELEASED));
        key.put(LIST_SK, s(sortKey));
        return key;
    }

    /** The key DynamoDB needs to resume the drafts index after the item with this sort key. */
    static Map<String, AttributeValue> draftIndexStartKey(String sortKey) {
        Map<String, AttributeValue> key = new HashMap<>(episodeKey(idOfSortKey(sortKey)));
        key.put(DRAFT_PK, s(DRAFTS));
        key.put(DRAFT_SK, s(sortKey));
        return key;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    // ---- items

    public static Map<String, AttributeValue> episodeItem(Episode e) {
        Map<String, AttributeValue> item = new HashMap<>(episodeKey(e.id()));
        item.put(ENTITY, s("episode"));
        putSummary(item, e.toSummary());
        item.put(FORMER_SLUGS, strings(e.formerSlugs()));
        item.put(GUID, s(e.guid()));
        putIfPresent(item, NOTES_MD, e.showNotesMarkdown());
        putIfPresent(item, NOTES_HTML, e.showNotesHtml());
        item.put(CHAPTERS, list(e.chapters(), EpisodeMapper::chapter));
        item.put(LINKS, list(e.links(), EpisodeMapper::link));
        if (e.season() != null) {
            item.put(SEASON, n(e.season()));
        }
        if (e.episodeNumber() != null) {
            item.put(EPISODE_NUMBER, n(e.episodeNumber()));
        }
        item.put(EPISODE_TYPE, s(e.episodeType().wireName()));
        item.put(EXPLICIT, AttributeValue.fromBool(e.explicit()));
        item.put(STATUS, s(e.status().wireName()));
        item.put(CREATED_AT, s(e.createdAt().toString()));
        item.put(UPDATED_AT, s(e.updatedAt().toString()));
        item.put(VERSION, n(e.version()));
        if (e.upload() != null) {
            item.put(UPLOAD, upload(e.upload()));
        }
        if (e.status().isReleased()) {
            item.put(LIST_PK, s(RELEASED));
            item.put(LIST_SK, s(sortKey(e.publishAt(), e.id())));
        } else {
            item.put(DRAFT_PK, s(DRAFTS));
            item.put(DRAFT_SK, s(sortKey(e.createdAt(), e.id())));
        }
        return item;
    }

    public static Map<String, AttributeValue> slugItem(String slug, String episodeId) {
        Map<String, AttributeValue> item = new HashMap<>(slugKey(slug));
        item.put(ENTITY, s("slug"));
        item.put(EPISODE_ID, s(episodeId));
        return item;
    }

    public static Map<String, AttributeValue> tagEntryItem(String tag, Episode e) {
        Map<String, AttributeValue> item = new HashMap<>(tagEntryKey(tag, sortKey(e.publishAt(), e.id())));
        item.put(ENTITY, s("tag"));
        putSummary(item, e.toSummary());
        return item;
    }

    public static String episodeIdOfSlugItem(Map<String, AttributeValue> item) {
        return item.get(EPISODE_ID).s();
    }

    public static Episode episode(Map<String, AttributeValue> item) {
        EpisodeSummary summary = summary(item);
        return new Episode(
                summary.id(),
                summary.slug(),
                str(item, GUID),
                summary.title(),
                summary.summary(),
                str(item, NOTES_MD),
                str(item, NOTES_HTML),
                fromList(item.get(CHAPTERS), EpisodeMapper::chapter),
                summary.guests(),
                summary.tags(),
                fromList(item.get(LINKS), EpisodeMapper::link),
                integer(item, SEASON),
                integer(item, EPISODE_NUMBER),
                EpisodeType.fromWire(str(item, EPISODE_TYPE), EPISODE_TYPE),
                item.containsKey(EXPLICIT) && item.get(EXPLICIT).bool(),
                summary.audio(),
                Status.fromWire(str(item, STATUS), STATUS),
                summary.publishAt(),
                Instant.parse(str(item, CREATED_AT)),
                Instant.parse(str(item, UPDATED_AT)),
                Long.parseLong(item.get(VERSION).n()),
                fromList(item.get(FORMER_SLUGS), AttributeValue::s),
                item.containsKey(UPLOAD) ? upload(item.get(UPLOAD).m()) : null);
    }

    public static EpisodeSummary summary(Map<String, AttributeValue> item) {
        String publishAt = str(item, PUBLISH_AT);
        return new EpisodeSummary(
                str(item, ID),
                str(item, SLUG),
                str(item, TITLE),
                str(item, SUMMARY),
                publishAt == null ? null : Instant.parse(publishAt),
                fromList(item.get(TAGS), AttributeValue::s),
                fromList(item.get(GUESTS), EpisodeMapper::guest),
                item.containsKey(AUDIO) ? audio(item.get(AUDIO).m()) : null);
    }

    private static void putSummary(Map<String, AttributeValue> item, EpisodeSummary s) {
        item.put(ID, s(s.id()));
        item.put(SLUG, s(s.slug()));
        item.put(TITLE, s(s.title()));
        putIfPresent(item, SUMMARY, s.summary());
        if (s.publishAt() != null) {
            item.put(PUBLISH_AT, s(s.publishAt().toString()));
        }
        item.put(TAGS, strings(s.tags()));
        item.put(GUESTS, list(s.guests(), EpisodeMapper::guest));
        if (s.audio() != null) {
            item.put(AUDIO, audio(s.audio()));
        }
    }

    // ---- nested values

    private static AttributeValue chapter(Chapter c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("startMillis", n(c.startMillis()));
        m.put("title", s(c.title()));
        putIfPresent(m, "url", c.url());
        return AttributeValue.fromM(m);
    }

    private static Chapter chapter(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new Chapter(Long.parseLong(m.get("startMillis").n()), str(m, "title"), str(m, "url"));
    }

    private static AttributeValue guest(Guest g) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("name", s(g.name()));
        m.put("role", s(g.role()));
        putIfPresent(m, "website", g.website());
        putIfPresent(m, "avatarUrl", g.avatarUrl());
        putIfPresent(m, "socialHandle", g.socialHandle());
        return AttributeValue.fromM(m);
    }

    private static Guest guest(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new Guest(str(m, "name"), str(m, "role"), str(m, "website"), str(m, "avatarUrl"), str(m, "socialHandle"));
    }

    private static AttributeValue link(Link l) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("kind", s(l.kind().wireName()));
        m.put("url", s(l.url()));
        putIfPresent(m, "title", l.title());
        return AttributeValue.fromM(m);
    }

    private static Link link(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new Link(LinkKind.fromWire(str(m, "kind"), "kind"), str(m, "url"), str(m, "title"));
    }

    private static AttributeValue audio(Audio a) {
        return AttributeValue.fromM(Map.of(
                "key", s(a.key()),
                "contentType", s(a.contentType()),
                "bytes", n(a.bytes()),
                "durationMillis", n(a.durationMillis())));
    }

    private static Audio audio(Map<String, AttributeValue> m) {
        return new Audio(str(m, "key"), str(m, "contentType"),
                Long.parseLong(m.get("bytes").n()), Long.parseLong(m.get("durationMillis").n()));
    }

    private static AttributeValue upload(Upload u) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("key", s(u.key()));
        m.put("contentType", s(u.contentType()));
        m.put("bytes", n(u.bytes()));
        m.put("requestedAt", s(u.requestedAt().toString()));
        putIfPresent(m, "rejectedReason", u.rejectedReason());
        return AttributeValue.fromM(m);
    }

    private static Upload upload(Map<String, AttributeValue> m) {
        return new Upload(str(m, "key"), str(m, "contentType"), Long.parseLong(m.get("bytes").n()),
                Instant.parse(str(m, "requestedAt")), str(m, "rejectedReason"));
    }

    // ---- attribute value helpers

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue strings(List<String> values) {
        return list(values, EpisodeMapper::s);
    }

    private static <T> AttributeValue list(List<T> values, Function<T, AttributeValue> each) {
        List<AttributeValue> out = new ArrayList<>(values.size());
        for (T v : values) {
            out.add(each.apply(v));
        }
        return AttributeValue.fromL(out);
    }

    private static <T> List<T> fromList(AttributeValue value, Function<AttributeValue, T> each) {
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
}
