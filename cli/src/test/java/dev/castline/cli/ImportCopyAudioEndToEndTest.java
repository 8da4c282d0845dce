package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code castline import feed --copy-audio}: real MP3 and M4A fixtures served by another host on
 * this machine are streamed into Castline's bucket and processed; Castline's media then serves the
 * same bytes, with a duration within 0.1 s of ffprobe's; a second run copies nothing.
 */
@ExtendWith(LocalStack.class)
class ImportCopyAudioEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final LocalStack.Running running;

    ImportCopyAudioEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    private static byte[] resource(String path) throws Exception {
        try (InputStream in = ImportCopyAudioEndToEndTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** ffprobe's duration of the file, in seconds; null when ffprobe is not installed. */
    private static Double ffprobe(Path file) throws Exception {
        try {
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Double.parseDouble(out) : null;
        } catch (java.io.IOException notInstalled) {
            return null;
        }
    }

    @Test
    void enclosuresAreCopiedIntoTheBucketAndServedByteForByte(@TempDir Path tmp) throws Exception {
        byte[] mp3 = resource("/audio/cbr.mp3");
        byte[] m4a = resource("/audio/moov-last.m4a");
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Copied</title>
                <item><title>Copied MP3</title><guid>copy-fixture-mp3</guid><pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate>
                  <enclosure url="media/one.mp3" length="%d" type="audio/mpeg"/><itunes:duration>9:59</itunes:duration></item>
                <item><title>Copied M4A</title><guid>copy-fixture-m4a</guid><pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate>
                  <enclosure url="media/two.m4a" length="%d" type="audio/x-m4a"/></item>
                </channel></rss>
                """.formatted(mp3.length, m4a.length);
        try (FeedServer server = new FeedServer()) {
            server.bytes("/copy/feed.xml", "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8))
                    .bytes("/copy/media/one.mp3", "audio/mpeg", mp3)
                    .bytes("/copy/media/two.m4a", "audio/x-m4a", m4a);
            Cli cli = Cli.on(running);
            String url = server.url("/copy/feed.xml").toString();

            Cli.Run first = cli.ok("import", "feed", url, "--copy-audio");

            assertThat(first.out()).contains("imported 2 episode(s)").contains("audio copied for 2");
            Map<String, SyndEntry> entries = ImportFeeds.castlineFeed(running);
            Map<String, byte[]> sources = Map.of("copy-fixture-mp3", mp3, "copy-fixture-m4a", m4a);
            for (var source : sources.entrySet()) {
                SyndEntry entry = entries.get(source.getKey());
                assertThat(entry).as(source.getKey()).isNotNull();
                String media = entry.getEnclosures().get(0).getUrl();
                assertThat(media).as("Castline's own media URL").doesNotContain("127.0.0.1:" + server.url("/").getPort());
                HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(URI.create(media)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(served.body()).as("the same bytes").isEqualTo(source.getValue());
                assertThat(entry.getEnclosures().get(0).getLength()).isEqualTo(source.getValue().length);

                Path copy = tmp.resolve(source.getKey() + (source.getKey().endsWith("mp3") ? ".mp3" : ".m4a"));
                Files.write(copy, source.getValue());
                Double probed = ffprobe(copy);
                String slug = ImportFeeds.pagePath(entry).replaceFirst("^/episodes/", "");
                HttpResponse<String> admin = HTTP.send(HttpRequest.newBuilder(URI.create(running.stack().baseUrl() + "/api/v1/admin/slugs/" + slug))
                        .header("Authorization", "Bearer " + running.stack().adminToken()).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode audio = Api.JSON.readTree(admin.body()).path("audio");
                assertThat(audio.has("external")).as("no longer external").isFalse();
                double seconds = audio.path("durationSeconds").asDouble();
                if (probed != null) {
                    assertThat(seconds).as("probed duration of %s against ffprobe's", source.getKey()).isCloseTo(probed, within(0.1));
                }
            }

            Cli.Run second = cli.ok("import", "feed", url, "--copy-audio");
            assertThat(second.out()).contains("imported 0 episode(s); 2 already there").contains("audio copied for 0");
            assertThat(second.requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");
            assertThat(second.requests("GET")).noneMatch(r -> r.uri().getPath().startsWith("/copy/media/"));
            assertThat(List.copyOf(server.asked())).filteredOn(p -> p.startsWith("/copy/media/")).hasSize(2);
        }
    }
}
