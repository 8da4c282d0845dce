package dev.castline.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Guest;
import dev.castline.domain.License;
import dev.castline.domain.Link;
import dev.castline.domain.SocialInteract;
import dev.castline.domain.Soundbite;
import dev.castline.domain.MediaKey;
import dev.castline.feed.ChaptersJson;
import dev.castline.http.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The public JSON representation of episodes. A summary is what listings show; the full episode
 * adds show notes, chapters, links and feed metadata. Absent optional values are omitted, except
 * {@code nextCursor}, which is always present (null on the last page) so clients can loop on it.
 */
public final class EpisodeJson {
    private final String mediaBaseUrl;

    /** @param mediaBaseUrl where audio keys are served from, without a trailing slash */
    public EpisodeJson(String mediaBaseUrl) {
        this.mediaBaseUrl = mediaBaseUrl;
    }

    public String page(List<EpisodeSummary> items, String nextCursor) {
        return Json.page(items, this::summaryFields, nextCursor);
    }

    public String episode(Episode e) {
        return Json.write(json -> {
            json.writeStartObject();
            summaryFields(json, e.toSummary());
            json.writeStringField("guid", e.guid());
            json.writeStringField("showNotes", e.showNotesHtml() == null ? "" : e.showNotesHtml());
            ChaptersJson.chapters(json, e.chapters());
            links(json, e.links());
            numbering(json, e);
            podcasting20(json, e);
            json.writeEndObject();
        });
    }

    /** Soundbites, comment threads and license, each only when set: shared with the host's view. */
    public static void podcasting20(JsonGenerator json, Episode e) throws IOException {
        if (!e.soundbites().isEmpty()) {
            json.writeArrayFieldStart("soundbites");
            for (Soundbite b : e.soundbites()) {
                json.writeStartObject();
                json.writeFieldName("startTime");
                json.writeNumber(ChaptersJson.seconds(b.startMillis()));
                json.writeFieldName("duration");
                json.writeNumber(ChaptersJson.seconds(b.durationMillis()));
                Json.optionalString(json, "title", b.title());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (!e.socialInteracts().isEmpty()) {
            json.writeArrayFieldStart("socialInteracts");
            for (SocialInteract s : e.socialInteracts()) {
                json.writeStartObject();
                json.writeStringField("protocol", s.protocol());
                Json.optionalString(json, "uri", s.uri());
                Json.optionalString(json, "accountId", s.accountId());
                Json.optionalString(json, "accountUrl", s.accountUrl());
                if (s.priority() != null) {
                    json.writeNumberField("priority", s.priority());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (e.license() != null) {
            license(json, e.license());
        }
    }

    public static void license(JsonGenerator json, License l) throws IOException {
        json.writeObjectFieldStart("license");
        json.writeStringField("identifier", l.identifier());
        Json.optionalString(json, "url", l.url());
        json.writeEndObject();
    }

    private void summaryFields(JsonGenerator json, EpisodeSummary s) throws IOException {
        json.writeStringField("slug", s.slug());
        json.writeStringField("title", s.title());
        Json.optionalString(json, "summary", s.summary());
        json.writeStringField("publishedAt", isoSeconds(s.publishAt()));
        Audio audio = s.audio();
        if (audio != null) {
            json.writeNumberField("durationSeconds", audio.durationSeconds());
        }
        Json.stringArray(json, "tags", s.tags());
        guests(json, s.guests());
        if (audio != null) {
            json.writeObjectFieldStart("audio");
            json.writeStringField("url", audio.url(mediaBaseUrl));
            json.writeStringField("type", audio.contentType());
            json.writeNumberField("bytes", audio.bytes());
            json.writeEndObject();
        }
    }

    /** Season, episode number, type and explicit flag: shared with the host's view. */
    public static void numbering(JsonGenerator json, Episode e) throws IOException {
        if (e.season() != null) {
            json.writeNumberField("season", e.season());
        }
        if (e.episodeNumber() != null) {
            json.writeNumberField("episode", e.episodeNumber());
        }
        json.writeStringField("episodeType", e.episodeType().wireName());
        json.writeBooleanField("explicit", e.explicit());
    }

    public static void links(JsonGenerator json, List<Link> links) throws IOException {
        json.writeArrayFieldStart("links");
        for (Link l : links) {
            json.writeStartObject();
            json.writeStringField("kind", l.kind().wireName());
            json.writeStringField("url", l.url());
            Json.optionalString(json, "title", l.title());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    public static void guests(JsonGenerator json, List<Guest> guests) throws IOException {
        json.writeArrayFieldStart("guests");
        for (Guest g : guests) {
            json.writeStartObject();
            json.writeStringField("name", g.name());
            json.writeStringField("role", g.role());
            Json.optionalString(json, "website", g.website());
            Json.optionalString(json, "avatarUrl", g.avatarUrl());
            Json.optionalString(json, "socialHandle", g.socialHandle());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** ISO-8601 in UTC to the second: {@code 2020-06-29T00:00:00Z}. */
    static String isoSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
