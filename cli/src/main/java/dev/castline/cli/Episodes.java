package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Episodes in the admin API's JSON, and the way between them and {@link EpisodeDoc}. */
final class Episodes {
    static final String ADMIN = "/api/v1/admin";

    private Episodes() {
    }

    static String path(String id) {
        return ADMIN + "/episodes/" + Api.encode(id);
    }

    /** Where an episode's transcript is put ({@code PUT}, with {@code ?language=} when known). */
    static String transcriptPath(String id) {
        return path(id) + "/transcript";
    }

    /** The episode this slug is (or was) the slug of. */
    static Optional<Api.Response> bySlug(Api api, String slug) {
        return api.find(ADMIN + "/slugs/" + Api.encode(slug));
    }

    static Api.Response requireBySlug(Api api, String slug) {
        return bySlug(api, slug).orElseThrow(() -> new Exit.Failure(Exit.NOT_FOUND, "no episode has the slug '" + slug + "'"));
    }

    /** The episode as a file would describe it (no audio path; the audio's size and duration as the checked values). */
    static EpisodeDoc docOf(JsonNode e) {
        List<EpisodeDoc.Chapter> chapters = new ArrayList<>();
        for (JsonNode c : e.path("chapters")) {
            chapters.add(new EpisodeDoc.Chapter(c.path("startTime").decimalValue().movePointRight(3).longValue(), c.path("title").asText(),
                    text(c, "url")));
        }
        List<EpisodeDoc.Guest> guests = new ArrayList<>();
        for (JsonNode g : e.path("guests")) {
            guests.add(new EpisodeDoc.Guest(g.path("name").asText(), g.path("role").asText("guest"), text(g, "website"), text(g, "avatarUrl"),
                    text(g, "socialHandle")));
        }
        List<String> tags = new ArrayList<>();
        e.path("tags").forEach(t -> tags.add(t.asText()));
        List<EpisodeDoc.Link> links = new ArrayList<>();
        for (JsonNode l : e.path("links")) {
            links.add(new EpisodeDoc.Link(l.path("kind").asText(), l.path("url").asText(), text(l, "title")));
        }
        JsonNode audio = e.path("audio");
        Long bytes = audio.has("bytes") ? audio.get("bytes").asLong() : null;
        Long millis = audio.has("durationSeconds") ? audio.get("durationSeconds").decimalValue().movePointRight(3).longValue() : null;
        String status = e.path("status").asText();
        Instant publishAt = !status.equals("draft") && e.hasNonNull("publishAt") ? Instant.parse(e.get("publishAt").asText()) : null;
        return new EpisodeDoc(e.path("slug").asText(), e.path("title").asText(), text(e, "summary"), text(e, "showNotes"), chapters, guests,
                tags, links, e.hasNonNull("season") ? e.get("season").asInt() : null, e.hasNonNull("episode") ? e.get("episode").asInt() : null,
                e.path("episodeType").asText("full"), e.path("explicit").asBoolean(false), publishAt, null, bytes, millis, List.of());
    }

    /** The fields of {@code desired} that differ from {@code current}, as the API names them, with their new JSON values. */
    static Map<String, JsonNode> changes(EpisodeDoc desired, EpisodeDoc current) {
        Map<String, JsonNode> wanted = fields(desired);
        Map<String, JsonNode> now = fields(current);
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        wanted.forEach((name, value) -> {
            if (!Objects.equals(value, now.get(name))) {
                changed.put(name, value);
            }
        });
        return changed;
    }

    /** Every field push writes, as JSON; absent optional values as JSON null. */
    static Map<String, JsonNode> fields(EpisodeDoc d) {
        Map<String, JsonNode> f = new LinkedHashMap<>();
        var json = Api.JSON.getNodeFactory();
        f.put("slug", json.textNode(d.slug()));
        f.put("title", json.textNode(d.title()));
        f.put("summary", d.summary() == null ? json.nullNode() : json.textNode(d.summary()));
        f.put("showNotes", d.showNotes() == null ? json.nullNode() : json.textNode(d.showNotes()));
        ArrayNode chapters = json.arrayNode();
        for (EpisodeDoc.Chapter c : d.chapters()) {
            ObjectNode chapter = chapters.addObject();
            chapter.put("startTime", BigDecimal.valueOf(c.startMillis()).movePointLeft(3).stripTrailingZeros());
            chapter.put("title", c.title());
            if (c.url() != null) {
                chapter.put("url", c.url());
            }
        }
        f.put("chapters", chapters);
        ArrayNode guests = json.arrayNode();
        for (EpisodeDoc.Guest g : d.guests()) {
            ObjectNode guest = guests.addObject();
            guest.put("name", g.name());
            guest.put("role", g.role());
            putOptional(guest, "website", g.website());
            putOptional(guest, "avatarUrl", g.avatarUrl());
            putOptional(guest, "socialHandle", g.socialHandle());
        }
        f.put("guests", guests);
        ArrayNode tags = json.arrayNode();
        d.tags().forEach(tags::add);
        f.put("tags", tags);
        ArrayNode links = json.arrayNode();
        for (EpisodeDoc.Link l : d.links()) {
            ObjectNode link = links.addObject();
            link.put("kind", l.kind());
            link.put("url", l.url());
            putOptional(link, "title", l.title());
        }
        f.put("links", links);
        f.put("season", d.season() == null ? json.nullNode() : json.numberNode(d.season()));
        f.put("episode", d.episode() == null ? json.nullNode() : json.numberNode(d.episode()));
        f.put("episodeType", json.textNode(d.episodeType() == null ? "full" : d.episodeType()));
        f.put("explicit", json.booleanNode(Boolean.TRUE.equals(d.explicit())));
        return f;
    }

    /** A PATCH body of these fields. */
    static ObjectNode body(Map<String, JsonNode> fields) {
        ObjectNode body = Api.JSON.createObjectNode();
        fields.forEach(body::set);
        return body;
    }

    private static void putOptional(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
