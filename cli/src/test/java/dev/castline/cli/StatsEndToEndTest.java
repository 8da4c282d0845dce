package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.functions.downloads.CountDownloadsHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * castline stats against the local stack: an episode pushed with real audio, a CDN log of
 * listeners fetching it counted by the real count-downloads function, and the counts as the host
 * reads them (a table and a bar chart, or JSON).
 */
@ExtendWith(LocalStack.class)
class StatsEndToEndTest {
    private static final String FIELDS = "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";
    private static final String APPLE = "Podcasts/1650.20%20CFNetwork/1408.0.4%20Darwin/22.5.0";
    private static final String OVERCAST = "Overcast/3.0%20(+http://overcast.fm/;%20iOS%20podcast%20app)";
    private static final String BOT = "Googlebot/2.1%20(+http://www.google.com/bot.html)";

    private final LocalStack.Running running;

    StatsEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    @Test
    void downloadsCountedFromTheCdnLogAreWhatTheHostReads() throws Exception {
        Cli cli = Cli.on(running);
        String slug = "counted-episode";
        Path file = cli.workingDir().resolve(slug + ".md");
        Files.writeString(file, "---\ntitle: \"Counted Episode\"\naudio: episode.mp3\n---\nNotes.\n", StandardCharsets.UTF_8);
        try (InputStream mp3 = getClass().getResourceAsStream("/audio/cbr.mp3")) {
            Files.copy(mp3, cli.workingDir().resolve("episode.mp3"));
        }
        cli.ok("push", file.toString(), "--publish");
        var stack = running.stack();
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.baseUrl() + "/api/v1/admin/slugs/" + slug))
                .header("Authorization", "Bearer " + stack.adminToken()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode audio = Api.JSON.readTree(answer.body()).path("audio");
        String key = audio.path("key").asText();
        long bytes = audio.path("bytes").asLong();
        assertThat(key).as("the published episode's audio key").startsWith("audio/");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        StringBuilder log = new StringBuilder("#Version: 1.0\n").append(FIELDS).append('\n');
        line(log, today, "198.51.100.1", "GET", key, 200, bytes, APPLE);
        line(log, today, "198.51.100.1", "GET", key, 200, bytes, APPLE); // the same listener again: one download
        line(log, today, "198.51.100.2", "GET", key, 200, bytes, APPLE);
        line(log, today, "198.51.100.3", "GET", key, 200, bytes, OVERCAST);
        line(log, today, "198.51.100.4", "HEAD", key, 200, 0, APPLE);
        line(log, today, "198.51.100.5", "GET", key, 200, bytes, BOT);
        new CountDownloadsHandler(stack.config(), stack.adminConfig().media(), stack.dynamo(), stack.s3(), Clock.systemUTC())
                .process("cli-stats-test", Instant.now(), new ByteArrayInputStream(gzip(log.toString())));

        Cli.Run table = cli.ok("stats", "--since", "7d");
        assertThat(table.out()).contains(": 3\n").containsPattern(today + " +3 +█{40}\n")
                .containsPattern(slug + " +3\n").containsPattern("Apple Podcasts +2\n").containsPattern("Overcast +1\n");
        JsonNode json = Api.JSON.readTree(cli.ok("stats", "--episode", slug, "--json").out());
        assertThat(json.path("total").asLong()).isEqualTo(3);
        assertThat(cli.run("stats", "--since", "soon").code()).isEqualTo(Exit.USAGE);
    }

    private static void line(StringBuilder log, String date, String ip, String method, String key, int status, long bytes, String agent) {
        // The fields of the header above, in its order: what CloudFront writes for one request.
        log.append(String.join("\t", date, "12:00:00", "FRA56-P1", Long.toString(bytes), ip, method, "d111111abcdef8.cloudfront.net",
                "/" + key, Integer.toString(status), "-", agent, "-", "-", "Hit", "req", "media.example.com", "https", "180", "0.010", "-",
                "TLSv1.3", "TLS_AES_128_GCM_SHA256", "Hit", "HTTP/2.0", "-", "-", "50123", "0.004", "Hit", "audio/mpeg",
                Long.toString(bytes), "-", "-")).append('\n');
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
