package dev.castline.functions.admin;

import dev.castline.domain.Chapter;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.License;
import dev.castline.domain.Link;
import dev.castline.domain.SocialInteract;
import dev.castline.domain.Soundbite;
import dev.castline.domain.LinkKind;
import dev.castline.host.EpisodeEdit;
import dev.castline.http.JsonBody;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The episode fields a host writes through the admin API, read from a request body into an
 * {@link EpisodeEdit}: a field that is absent keeps its value, {@code null} clears an optional one.
 * Types are checked here (each a 400 naming the field); the episode's rules are the domain's.
 */
final class EpisodeInput {
    static final Set<String> FIELDS = Set.of("slug", "title", "summary", "showNotes", "chapters", "guests", "tags", "links",
            "season", "episode", "episodeType", "explicit", "soundbites", "socialInteracts", "license");
    static final Set<String> CHAPTER_FIELDS = Set.of("startTime", "title", "url");
    static final Set<String> GUEST_FIELDS = Set.of("name", "role", "website", "avatarUrl", "socialHandle");
    static final Set<String> LINK_FIELDS = Set.of("kind", "url", "title");
    static final Set<String> SOUNDBITE_FIELDS = Set.of("startTime", "duration", "title");
    static final Set<String> SOCIAL_INTERACT_FIELDS = Set.of("protocol", "uri", "accountId", "accountUrl", "priority");
    static final Set<String> LICENSE_FIELDS = Set.of("identifier", "url");
    private static final BigDecimal MAX_CHAPTER_MILLIS = BigDecimal.valueOf(100L * 3600 * 1000);

    private EpisodeInput() {
    }

    static EpisodeEdit read(JsonBody body) {
        EpisodeEdit edit = new EpisodeEdit();
        if (body.has("slug")) {
            edit.slug(body.requiredText("slug"));
        }
        if (body.has("title")) {
            edit.title(body.requiredText("title"));
        }
        if (body.has("summary")) {
            edit.summary(body.text("summary"));
        }
        if (body.has("showNotes")) {
            edit.showNotes(body.text("showNotes"));
        }
        if (body.has("chapters")) {
            edit.chapters(chapters(body.objects("chapters", CHAPTER_FIELDS)));
        }
        if (body.has("guests")) {
            edit.guests(guests(body.objects("guests", GUEST_FIELDS)));
        }
        if (body.has("tags")) {
            edit.tags(body.texts("tags"));
        }
        if (body.has("links")) {
            edit.links(links(body.objects("links", LINK_FIELDS)));
        }
        if (body.has("season")) {
            edit.season(body.integer("season"));
        }
        if (body.has("episode")) {
            edit.episodeNumber(body.integer("episode"));
        }
        if (body.has("episodeType")) {
            edit.episodeType(EpisodeType.fromWire(body.requiredText("episodeType"), "episodeType"));
        }
        if (body.has("explicit")) {
            Boolean explicit = body.bool("explicit");
            if (explicit == null) {
                throw body.bad("explicit", "must be true or false");
            }
            edit.explicit(explicit);
        }
        if (body.has("soundbites")) {
            edit.soundbites(soundbites(body.objects("soundbites", SOUNDBITE_FIELDS)));
        }
        if (body.has("socialInteracts")) {
            edit.socialInteracts(socialInteracts(body.objects("socialInteracts", SOCIAL_INTERACT_FIELDS)));
        }
        if (body.has("license")) {
            JsonBody license = body.object("license", LICENSE_FIELDS);
            edit.license(license == null ? null : new License(license.text("identifier"), license.text("url")));
        }
        return edit;
    }

    private static List<Soundbite> soundbites(List<JsonBody> items) {
        if (items == null) {
            return null;
        }
        List<Soundbite> bites = new ArrayList<>(items.size());
        for (JsonBody b : items) {
            bites.add(new Soundbite(millis(b, "startTime"), millis(b, "duration"), b.text("title")));
        }
        return bites;
    }

    /** Seconds, to the millisecond, from 0 to 100 hours. */
    private static long millis(JsonBody b, String field) {
        BigDecimal seconds = b.number(field);
        if (seconds == null) {
            throw b.bad(field, "must be a number of seconds");
        }
        BigDecimal millis = seconds.movePointRight(3);
        if (millis.signum() < 0 || millis.compareTo(MAX_CHAPTER_MILLIS) > 0 || millis.stripTrailingZeros().scale() > 0) {
            throw b.bad(field, "must be from 0 to 360000 seconds, to the millisecond");
        }
        return millis.longValueExact();
    }

    private static List<SocialInteract> socialInteracts(List<JsonBody> items) {
        if (items == null) {
            return null;
        }
        List<SocialInteract> list = new ArrayList<>(items.size());
        for (JsonBody s : items) {
            list.add(new SocialInteract(s.text("protocol"), s.text("uri"), s.text("accountId"), s.text("accountUrl"), s.integer("priority")));
        }
        return list;
    }

    private static List<Chapter> chapters(List<JsonBody> items) {
        if (items == null) {
            return null;
        }
        List<Chapter> chapters = new ArrayList<>(items.size());
        for (JsonBody c : items) {
            BigDecimal start = c.number("startTime");
            if (start == null) {
                throw c.bad("startTime", "must be a number of seconds");
            }
            BigDecimal millis = start.movePointRight(3);
            if (millis.signum() < 0 || millis.compareTo(MAX_CHAPTER_MILLIS) > 0 || millis.stripTrailingZeros().scale() > 0) {
                throw c.bad("startTime", "must be from 0 to 360000 seconds, to the millisecond");
            }
            chapters.add(new Chapter(millis.longValueExact(), c.text("title"), c.text("url")));
        }
        return chapters;
    }

    private static List<Guest> guests(List<JsonBody> items) {
        if (items == null) {
            return null;
        }
        List<Guest> guests = new ArrayList<>(items.size());
        for (JsonBody g : items) {
            String role = g.text("role");
            guests.add(new Guest(g.text("name"), role == null ? "guest" : role, g.text("website"), g.text("avatarUrl"),
                    g.text("socialHandle")));
        }
        return guests;
    }

    private static List<Link> links(List<JsonBody> items) {
        if (items == null) {
            return null;
        }
        List<Link> links = new ArrayList<>(items.size());
        for (JsonBody l : items) {
            String kind = l.text("kind");
            links.add(new Link(LinkKind.fromWire(kind == null ? "" : kind, l.path("kind")), l.text("url"), l.text("title")));
        }
        return links;
    }
}
