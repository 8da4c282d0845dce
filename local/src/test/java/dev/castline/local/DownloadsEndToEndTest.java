package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Download counting end to end on the local stack: listeners fetch an episode's audio from
 * {@code /media} as apps do (whole, in ranges, probing, twice, with HEAD, as a bot); the stack logs
 * the requests as CloudFront does and counts the log with the count-downloads function; the
 * admin API reports what the IAB rules make of them, and no address is kept.
 */
@ExtendWith(CastlineLocalExtension.class)
class DownloadsEndToEndTest {
    private static final String APPLE = "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0";
    private static final String POCKET_CASTS = "Pocket Casts";
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private static final String BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private final CastlineLocal stack;

    DownloadsEndToEndTest(CastlineLocal stack) {
        this.stack = stack;
        org.junit.jupiter.api.Assumptions.assumeTrue(stack.emitsObjectCreatedEvents(), "needs the embedded S3's events");
    }

    @Test
    void listenersFetchingTheAudioAreCountedByTheRulesAndNoAddressIsKept() throws Exception {
        byte[] mp3 = SampleAudio.silence(120_000);
        String id = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"Counted by the CDN log\"}", 201).get("id").asText();
        new AdminApi(stack).uploadAudio(id, mp3);
        JsonNode published = admin("POST", "/api/v1/admin/episodes/" + id + "/publish", "", 200);
        String slug = published.get("slug").asText();
        URI audio = URI.create(published.get("audio").get("url").asText());

        fetch(audio, "GET", "198.51.100.1", APPLE, null);                 // the whole file: a download
        fetch(audio, "GET", "198.51.100.1", APPLE, null);                 // the same listener again: still one
        fetch(audio, "GET", "198.51.100.2", OVERCAST, "bytes=0-1");       // a probe: nothing
        fetch(audio, "GET", "198.51.100.3", POCKET_CASTS, "bytes=0-39999");
        fetch(audio, "GET", "198.51.100.3", POCKET_CASTS, "bytes=40000-79999"); // two ranges past the first minute: a download
        fetch(audio, "GET", "198.51.100.4", APPLE, "bytes=0-29999");
        fetch(audio, "GET", "198.51.100.4", APPLE, "bytes=0-29999");      // the same half-minute twice: not a minute
        fetch(audio, "HEAD", "198.51.100.5", APPLE, null);                // HEAD: nothing
        fetch(audio, "GET", "198.51.100.6", BOT, null);                   // a bot: nothing

        assertThat(stack.deliverMediaLogs()).as("the requests were logged and counted").isPresent();

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode stats = admin("GET", "/api/v1/admin/stats?from=" + today + "&to=" + today + "&episode=" + slug, null, 200);
        assertThat(stats.get("total").asLong()).isEqualTo(2);
        assertThat(stats.get("days").get(0).get("date").asText()).isEqualTo(today);
        assertThat(stats.get("days").get(0).get("downloads").asLong()).isEqualTo(2);
        assertThat(stats.get("episodes").get(0).get("slug").asText()).isEqualTo(slug);
        assertThat(stats.get("byApp").get("Apple Podcasts").asLong()).isEqualTo(1);
        assertThat(stats.get("byApp").get("Pocket Casts").asLong()).isEqualTo(1);

        // Delivered again (a retry, a duplicate delivery): nothing more.
        fetch(audio, "GET", "198.51.100.1", APPLE, null);
        stack.deliverMediaLogs();
        assertThat(admin("GET", "/api/v1/admin/stats?from=" + today + "&to=" + today + "&episode=" + slug, null, 200).get("total").asLong())
                .isEqualTo(2);

        for (var item : stack.dynamo().scanPaginator(r -> r.tableName(CastlineLocal.TABLE)).items()) {
            for (AttributeValue value : item.values()) {
                assertThat(String.valueOf(value)).as("no listener's address in the table").doesNotContain("198.51.100.");
            }
        }
        admin("POST", "/api/v1/admin/episodes/" + id + "/unpublish", "", 200); // leave the shared stack's show as the sample
        admin("DELETE", "/api/v1/admin/episodes/" + id, null, 204);
    }

    private static void fetch(URI audio, String method, String ip, String agent, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(audio).header("X-Forwarded-For", ip).header("User-Agent", agent)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (range != null) {
            request.header("Range", range);
        }
        int status = Http.send(request.build()).statusCode();
        assertThat(status).isIn(200, 206);
    }

    private JsonNode admin(String method, String path, String body, int expected) {
        return new AdminApi(stack).call(method, path, body, expected);
    }
}
