package dev.castline.feed;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.http.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Podcasting 2.0 JSON chapters: {@code {"version":"1.2.0","chapters":[{"startTime":159,"title":"…"}]}}. */
public final class ChaptersJson {
    private ChaptersJson() {
    }

    public static byte[] of(Episode episode) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("version", "1.2.0");
            chapters(json, episode.chapters());
            json.writeEndObject();
        }).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "chapters": [{startTime, title, url?}]}, times in seconds: also in the API's episode views. */
    public static void chapters(JsonGenerator json, List<Chapter> chapters) throws IOException {
        json.writeArrayFieldStart("chapters");
        for (Chapter c : chapters) {
            json.writeStartObject();
            json.writeFieldName("startTime");
            json.writeNumber(seconds(c.startMillis()));
            json.writeStringField("title", c.title());
            Json.optionalString(json, "url", c.url());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Milliseconds as seconds, without a needless fraction: 159000 → 159, 2120250 → 2120.25. */
    public static BigDecimal seconds(long millis) {
        BigDecimal s = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
