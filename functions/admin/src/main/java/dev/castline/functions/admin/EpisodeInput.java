package dev.castline.functions.admin;

import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.domain.ShowNotes;
import dev.castline.http.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a host may write into an episode through the admin API, applied field by field onto an
 * episode: absent fields keep their value, {@code null} clears an optional one. Publication
 * (status, time) and audio have their own routes; id, guid and version are never written.
 */
final class EpisodeInput {
    static final Set<String> FIELDS = Set.of("slug", "title", "summary", "showNotes", "chapters", "guests", "tags", "links",
            "season", "episode", "episodeType", "explicit");

    private EpisodeInput() {
    }

    static Episode.Builder apply(BodyNode body, Episode.Builder episode) {
        if (body.has("slug")) {
            episode.slug(required(body, "slug"));
        }
        if (body.has("title")) {
            episode.title(required(body, "title"));
        }
        if (body.has("summary")) {
            episode.summary(JsonBody.text(body, "summary"));
        }
        if (body.has("showNotes")) {
            String markdown = JsonBody.text(body, "showNotes");
            episode.showNotes(markdown, markdown == null ? null : ShowNotes.toHtml(markdown));
        }
        if (body.has("chapters")) {
            episode.chapters(chapters(JsonBody.array(body, "chapters")));
        }
        if (body.has("guests")) {
            episode.guests(guests(JsonBody.array(body, "guests")));
        }
        if (body.has("tags")) {
            episode.tags(tags(JsonBody.array(body, "tags")));
        }
        if (body.has("links")) {
            episode.links(links(JsonBody.array(body, "links")));
        }
        if (body.has("season")) {
            episode.season(JsonBody.integer(body, "season"));
        }
        if (body.has("episode")) {
            episode.episodeNumber(JsonBody.integer(body, "episode"));
        }
        if (body.has("episodeType")) {
            episode.episodeType(EpisodeType.fromWire(required(body, "episodeType"), "episodeType"));
        }
        if (body.has("explicit")) {
            Boolean explicit = JsonBody.bool(body, "explicit");
            if (explicit == null) {
                throw ApiException.badRequest("explicit", "explicit must be true or false");
            }
            episode.explicit(explicit);
        }
        return episode;
    }

    private static String required(BodyNode body, String field) {
        String value = JsonBody.text(body, field);
        if (value == null) {
            throw ApiException.badRequest(field, field + " cannot be null");
        }
        return value;
    }

    private static List<Chapter> chapters(BodyNode array) {
        List<Chapter> chapters = new ArrayList<>();
        if (array == null) {
            return chapters;
        }
        for (int i = 0; i < array.size(); i++) {
            BodyNode c = object(array.get(i), "chapters[" + i + "]");
            BodyNode start = c.get("startTime");
            String at = "chapters[" + i + "].startTime";
            if (start == null || !start.isNumber()) {
                throw ApiException.badRequest(at, at + " must be a number of seconds");
            }
            BigDecimal millis = start.decimalValue().movePointRight(3);
            if (millis.signum() < 0 || millis.stripTrailingZeros().scale() > 0 || millis.compareTo(BigDecimal.valueOf(100L * 3600 * 1000)) > 0) {
                throw ApiException.badRequest(at, at + " must be from 0 to 360000 seconds, to the millisecond");
            }
            chapters.add(new Chapter(millis.longValueExact(), JsonBody.text(c, "title"), JsonBody.text(c, "url")));
        }
        return chapters;
    }

    private static List<Guest> guests(BodyNode array) {
        List<Guest> guests = new ArrayList<>();
        if (array == null) {
            return guests;
        }
        for (int i = 0; i < array.size(); i++) {
            BodyNode g = object(array.get(i), "guests[" + i + "]");
            String role = JsonBody.text(g, "role");
            guests.add(new Guest(JsonBody.text(g, "name"), role == null ? "guest" : role, JsonBody.text(g, "website"),
                    JsonBody.text(g, "avatarUrl"), JsonBody.text(g, "socialHandle")));
        }
        return guests;
    }

    private static List<String> tags(BodyNode array) {
        List<String> tags = new ArrayList<>();
        if (array == null) {
            return tags;
        }
        for (int i = 0; i < array.size(); i++) {
            BodyNode t = array.get(i);
            if (!t.isTextual()) {
                throw ApiException.badRequest("tags[" + i + "]", "tags[" + i + "] must be a string");
            }
            tags.add(t.asText());
        }
        return tags;
    }

    private static List<Link> links(BodyNode array) {
        List<Link> links = new ArrayList<>();
        if (array == null) {
            return links;
        }
        for (int i = 0; i < array.size(); i++) {
            BodyNode l = object(array.get(i), "links[" + i + "]");
            String kind = JsonBody.text(l, "kind");
            links.add(new Link(LinkKind.fromWire(kind == null ? "" : kind, "links[" + i + "].kind"), JsonBody.text(l, "url"),
                    JsonBody.text(l, "title")));
        }
        return links;
    }

    private static BodyNode object(BodyNode node, String field) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(field, field + " must be an object");
        }
        return node;
    }
}
