package dev.castline.functions.site;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.castline.domain.Episode;
import dev.castline.domain.Show;
import dev.castline.http.Json;
import java.io.IOException;
import java.time.Duration;

/**
 * schema.org descriptions search engines read from a page: {@code PodcastSeries} on the home page,
 * {@code PodcastEpisode} on an episode page. Written inside a {@code <script>} element, so the
 * characters that could end it or open markup are escaped as JSON escapes ({@code \u003c}…), which
 * leaves the data unchanged for any JSON reader.
 */
final class JsonLd {
    private JsonLd() {
    }

    static String series(Show show, String artwork) {
        return safe(Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("@context", "https://schema.org");
            json.writeStringField("@type", "PodcastSeries");
            seriesFields(json, show);
            Json.optionalString(json, "description", show.description());
            Json.optionalString(json, "image", artwork);
            Json.optionalString(json, "webFeed", show.feedUrl());
            if (show.author() != null) {
                json.writeObjectFieldStart("author");
                json.writeStringField("@type", "Person");
                json.writeStringField("name", show.author());
                json.writeEndObject();
            }
            json.writeEndObject();
        }));
    }

    static String episode(Show show, Episode e, String canonical, String audioUrl, String artwork) {
        return safe(Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("@context", "https://schema.org");
            json.writeStringField("@type", "PodcastEpisode");
            json.writeStringField("url", canonical);
            json.writeStringField("name", e.title());
            json.writeStringField("datePublished", Times.isoDay(e.publishAt()));
            Json.optionalString(json, "description", e.summary());
            Json.optionalString(json, "image", artwork);
            if (e.audio() != null) {
                json.writeStringField("timeRequired", Duration.ofSeconds(e.audio().durationSeconds()).toString());
                json.writeObjectFieldStart("associatedMedia");
                json.writeStringField("@type", "MediaObject");
                json.writeStringField("contentUrl", audioUrl);
                json.writeStringField("encodingFormat", e.audio().contentType());
                json.writeEndObject();
            }
            json.writeObjectFieldStart("partOfSeries");
            json.writeStringField("@type", "PodcastSeries");
            seriesFields(json, show);
            json.writeEndObject();
            json.writeEndObject();
        }));
    }

    private static void seriesFields(JsonGenerator json, Show show) throws IOException {
        json.writeStringField("name", show.title());
        json.writeStringField("url", SitePages.absolute(show, "/"));
    }

    /** JSON that can sit inside a script element: no '<', '>' or '&' outside escapes (they only occur in strings). */
    static String safe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
