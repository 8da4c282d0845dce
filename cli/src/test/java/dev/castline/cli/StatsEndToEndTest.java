package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * castline stats against the local stack: an episode pushed with real audio, listeners fetching it
 * from /media (the stack logs the requests as CloudFront does and counts the log with the real
 * count-downloads function), and the counts as the host reads them (a table and a bar chart, or JSON).
 */
@ExtendWith(LocalStack.class)
class StatsEndToEndTest {
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

        // Listeners fetch the audio from /media as apps do; the stack logs it as CloudFront does, delivers the log and counts it.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        java.net.URI url = java.net.URI.create(stack.baseUrl() + "/media/" + key);
        fetch(url, "GET", "198.51.100.1", APPLE);
        fetch(url, "GET", "198.51.100.1", APPLE); // the same listener again: one download
        fetch(url, "GET", "198.51.100.2", APPLE);
        fetch(url, "GET", "198.51.100.3", OVERCAST);
        fetch(url, "HEAD", "198.51.100.4", APPLE);
        fetch(url, "GET", "198.51.100.5", BOT);
        assertThat(stack.deliverMediaLogs()).isPresent();

        // Other tests of this stack fetch /media too: the episode's own numbers are this test's.
        Cli.Run table = cli.ok("stats", "--since", "7d", "--episode", slug);
        assertThat(table.out()).contains(", " + slug + ": 3\n").containsPattern(today + " +3 +█{40}\n")
                .containsPattern(slug + " +3\n").containsPattern("Apple Podcasts +2\n").containsPattern("Overcast +1\n");
        JsonNode json = Api.JSON.readTree(cli.ok("stats", "--episode", slug, "--json").out());
        assertThat(json.path("total").asLong()).isEqualTo(3);
        assertThat(cli.run("stats", "--since", "soon").code()).isEqualTo(Exit.USAGE);
    }

    private static void fetch(java.net.URI url, String method, String ip, String agent) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(url)
                .header("X-Forwarded-For", ip).header("User-Agent", java.net.URLDecoder.decode(agent, StandardCharsets.UTF_8))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
    }


}
