package dev.castline.store;

import static dev.castline.store.TableLayout.DRAFT_PK;
import static dev.castline.store.TableLayout.DRAFT_SK;
import static dev.castline.store.TableLayout.ENTITY;
import static dev.castline.store.TableLayout.LIST_PK;
import static dev.castline.store.TableLayout.LIST_SK;
import static dev.castline.store.TableLayout.fromList;
import static dev.castline.store.TableLayout.integer;
import static dev.castline.store.TableLayout.list;
import static dev.castline.store.TableLayout.n;
import static dev.castline.store.TableLayout.putIfPresent;
import static dev.castline.store.TableLayout.s;
import static dev.castline.store.TableLayout.str;
import static dev.castline.store.TableLayout.strings;
import static dev.castline.store.TableLayout.whole;

import dev.castline.domain.Audio;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.License;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.domain.SocialInteract;
import dev.castline.domain.Soundbite;
import dev.castline.domain.Status;
import dev.castline.domain.Upload;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Episodes, their slugs and tag entries as DynamoDB items, and back. The keys come from the
 * show's {@link TableLayout}; this class only knows the attributes.
 */
public final class EpisodeMapper {
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
    static final String PUBLIC_FROM = "publicFrom";
    static final String UPLOAD = "upload";
    static final String TRANSCRIPT = "transcript";
    static final String SOUNDBITES = "soundbites";
    static final String SOCIAL_INTERACTS = "socialInteracts";
    static final String LICENSE = "license";

    /** What the listing indexes and tag entries carry: exactly what {@link EpisodeSummary} needs. */
    public static final List<String> SUMMARY_ATTRIBUTES = List.of(ID, SLUG, TITLE, SUMMARY, PUBLISH_AT, TAGS, GUESTS, AUDIO);

    /** What the feed reads of an episode: everything but the Markdown source, former slugs and a pending upload. */
    static final Map<String, String> FEED_PROJECTION_NAMES;
    static final String FEED_PROJECTION;

    static {
        List<String> attributes = List.of(ID, SLUG, GUID, TITLE, SUMMARY, NOTES_HTML, CHAPTERS, GUESTS, TAGS, LINKS, SEASON,
                EPISODE_NUMBER, EPISODE_TYPE, EXPLICIT, AUDIO, STATUS, PUBLISH_AT, CREATED_AT, UPDATED_AT, VERSION, TRANSCRIPT,
                SOUNDBITES, SOCIAL_INTERACTS, LICENSE);
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            names.put("#f" + i, attributes.get(i));
        }
        FEED_PROJECTION_NAMES = Map.copyOf(names);
        FEED_PROJECTION = String.join(", ", names.keySet());
    }

    private final TableLayout layout;

    public EpisodeMapper(TableLayout layout) {
        this.layout = layout;
    }

    // ---- items

    public Map<String, AttributeValue> episodeItem(Episode e) {
        Map<String, AttributeValue> item = new HashMap<>(layout.episodeKey(e.id()));
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
        if (e.transcript() != null) {
            Map<String, AttributeValue> t = new HashMap<>(Map.of("id", s(e.transcript().id()), "language", s(e.transcript().language()),
                    "cues", n(e.transcript().cues()), "parts", n(e.transcript().parts())));
            putIfPresent(t, "sha256", e.transcript().sha256());
            item.put(TRANSCRIPT, AttributeValue.fromM(t));
        }
        if (!e.soundbites().isEmpty()) {
            item.put(SOUNDBITES, list(e.soundbites(), EpisodeMapper::soundbite));
        }
        if (!e.socialInteracts().isEmpty()) {
            item.put(SOCIAL_INTERACTS, list(e.socialInteracts(), EpisodeMapper::socialInteract));
        }
        if (e.license() != null) {
            item.put(LICENSE, license(e.license()));
        }
        if (e.status().isReleased()) {
            item.put(LIST_PK, s(layout.releasedPartition()));
            item.put(LIST_SK, s(TableLayout.sortKey(e.publishAt(), e.id())));
        } else {
            item.put(DRAFT_PK, s(layout.draftsPartition()));
            item.put(DRAFT_SK, s(TableLayout.sortKey(e.createdAt(), e.id())));
        }
        return item;
    }

    /**
     * A slug of {@code e} (its current one or a former one). It carries when the episode became or
     * becomes public, so a public read of a slug whose episode is not public stops at this item,
     * exactly as a read of a slug that does not exist does: the two cannot be told apart.
     */
    public Map<String, AttributeValue> slugItem(String slug, Episode e) {
        Map<String, AttributeValue> item = new HashMap<>(layout.slugKey(slug));
        item.put(ENTITY, s("slug"));
        item.put(EPISODE_ID, s(e.id()));
        if (e.status().isReleased()) {
            item.put(PUBLIC_FROM, s(e.publishAt().toString()));
        }
        return item;
    }

    /** When the slug's episode is public from: empty while it is not released. */
    public static java.util.Optional<Instant> publicFromOfSlugItem(Map<String, AttributeValue> item) {
        String from = str(item, PUBLIC_FROM);
        return from == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(from));
    }

    /** The episode's guid: its existence keeps any other episode from taking it. */
    public Map<String, AttributeValue> guidItem(Episode e) {
        Map<String, AttributeValue> item = new HashMap<>(layout.guidKey(e.guid()));
        item.put(ENTITY, s("guid"));
        item.put(EPISODE_ID, s(e.id()));
        return item;
    }

    public Map<String, AttributeValue> tagEntryItem(String tag, Episode e) {
        Map<String, AttributeValue> item = new HashMap<>(layout.tagEntryKey(tag, TableLayout.sortKey(e.publishAt(), e.id())));
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
                whole(item, VERSION),
                fromList(item.get(FORMER_SLUGS), AttributeValue::s),
                item.containsKey(UPLOAD) ? upload(item.get(UPLOAD).m()) : null,
                item.containsKey(TRANSCRIPT) ? transcript(item.get(TRANSCRIPT).m()) : null,
                fromList(item.get(SOUNDBITES), EpisodeMapper::soundbite),
                fromList(item.get(SOCIAL_INTERACTS), EpisodeMapper::socialInteract),
                item.containsKey(LICENSE) ? license(item.get(LICENSE)) : null);
    }

    private static dev.castline.domain.TranscriptFile transcript(Map<String, AttributeValue> m) {
        return new dev.castline.domain.TranscriptFile(str(m, "id"), str(m, "language"),
                Integer.parseInt(m.get("cues").n()), Integer.parseInt(m.get("parts").n()), str(m, "sha256"));
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

    private static AttributeValue soundbite(Soundbite b) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("startMillis", n(b.startMillis()));
        m.put("durationMillis", n(b.durationMillis()));
        putIfPresent(m, "title", b.title());
        return AttributeValue.fromM(m);
    }

    private static Soundbite soundbite(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new Soundbite(Long.parseLong(m.get("startMillis").n()), Long.parseLong(m.get("durationMillis").n()), str(m, "title"));
    }

    private static AttributeValue socialInteract(SocialInteract s) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("protocol", s(s.protocol()));
        putIfPresent(m, "uri", s.uri());
        putIfPresent(m, "accountId", s.accountId());
        putIfPresent(m, "accountUrl", s.accountUrl());
        if (s.priority() != null) {
            m.put("priority", n(s.priority()));
        }
        return AttributeValue.fromM(m);
    }

    private static SocialInteract socialInteract(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new SocialInteract(str(m, "protocol"), str(m, "uri"), str(m, "accountId"), str(m, "accountUrl"), integer(m, "priority"));
    }

    private static AttributeValue license(License l) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("identifier", s(l.identifier()));
        putIfPresent(m, "url", l.url());
        return AttributeValue.fromM(m);
    }

    private static License license(AttributeValue v) {
        return new License(str(v.m(), "identifier"), str(v.m(), "url"));
    }

    private static AttributeValue audio(Audio a) {
        Map<String, AttributeValue> m = new HashMap<>();
        putIfPresent(m, "key", a.key());
        putIfPresent(m, "url", a.externalUrl());
        m.put("contentType", s(a.contentType()));
        m.put("bytes", n(a.bytes()));
        m.put("durationMillis", n(a.durationMillis()));
        return AttributeValue.fromM(m);
    }

    private static Audio audio(Map<String, AttributeValue> m) {
        return new Audio(str(m, "key"), str(m, "contentType"),
                Long.parseLong(m.get("bytes").n()), Long.parseLong(m.get("durationMillis").n()), str(m, "url"));
    }

    /** An upload as a map attribute: the episode's pending audio, the show's pending artwork. */
    static AttributeValue upload(Upload u) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("key", s(u.key()));
        m.put("contentType", s(u.contentType()));
        m.put("bytes", n(u.bytes()));
        m.put("requestedAt", s(u.requestedAt().toString()));
        putIfPresent(m, "rejectedReason", u.rejectedReason());
        return AttributeValue.fromM(m);
    }

    static Upload upload(Map<String, AttributeValue> m) {
        return new Upload(str(m, "key"), str(m, "contentType"), Long.parseLong(m.get("bytes").n()),
                Instant.parse(str(m, "requestedAt")), str(m, "rejectedReason"));
    }
}
