package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.api.Paths;
import dev.castline.media.AudioInfo;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample show plays: every sample episode's media URL, as the JSON API and the feed give it,
 * serves an MP3 of exactly the size the episode claims, lasting its duration, and a player can
 * fetch the frame where a chapter starts with a byte range.
 */
@ExtendWith(CastlineLocalExtension.class)
class SampleAudioEndToEndTest {
    private final CastlineLocal stack;

    SampleAudioEndToEndTest(CastlineLocal stack) {
        this.stack = stack;
    }

    @Test
    void everySampleEpisodesMediaUrlAnswersWithTheSizeTheEpisodeClaims() {
        assertThat(stack.sampleSlugs()).isNotEmpty();
        for (String slug : stack.sampleSlugs()) {
            JsonNode audio = episode(slug).get("audio");
            assertThat(audio.get("type").asText()).isEqualTo("audio/mpeg");

            HttpResponse<byte[]> head = Http.send(HttpRequest.newBuilder(URI.create(audio.get("url").asText()))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

            assertThat(head.statusCode()).as(slug).isEqualTo(200);
            assertThat(head.headers().firstValue("content-type")).as(slug).contains("audio/mpeg");
            assertThat(head.headers().firstValue("content-length")).as(slug).contains(audio.get("bytes").asText());
            assertThat(head.headers().firstValue("accept-ranges")).as(slug).contains("bytes");
        }
    }

    @Test
    void anEpisodesAudioLastsItsDurationAndSeeksToItsLastChapter() {
        JsonNode episode = episode(stack.sampleSlugs().getFirst());
        String url = episode.get("audio").get("url").asText();
        long bytes = episode.get("audio").get("bytes").asLong();

        HttpResponse<byte[]> whole = Http.send(HttpRequest.newBuilder(URI.create(url)).GET().build());

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("content-type")).contains("audio/mpeg");
        assertThat(whole.headers().firstValue("content-length")).contains(Long.toString(bytes));
        assertThat(whole.body()).hasSize((int) bytes);
        AudioInfo info = SampleData.measure(whole.body());
        assertThat(info.bytes()).isEqualTo(bytes);
        assertThat(Math.round(info.durationMillis() / 1000.0)).isEqualTo(episode.get("durationSeconds").asLong());

        // The frame playing at the last chapter's start: after the Info frame, one frame per 36 ms.
        JsonNode chapters = episode.get("chapters");
        long startMillis = chapters.get(chapters.size() - 1).get("startTime").asLong() * 1000;
        long first = SampleAudio.FRAME_BYTES + startMillis / SampleAudio.FRAME_MILLIS * SampleAudio.FRAME_BYTES;
        long last = first + SampleAudio.FRAME_BYTES - 1;
        assertThat(last).isLessThan(bytes);

        HttpResponse<byte[]> frame = Http.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=" + first + "-" + last).GET().build());

        assertThat(frame.statusCode()).isEqualTo(206);
        assertThat(frame.headers().firstValue("content-range")).contains("bytes " + first + "-" + last + "/" + bytes);
        assertThat(frame.body()).hasSize(SampleAudio.FRAME_BYTES).startsWith(0xFF, 0xF3, 0x18, 0xC4);
    }

    @Test
    void theFeedsEnclosureClaimsTheSameUrlAndSize() {
        JsonNode audio = episode(stack.sampleSlugs().getFirst()).get("audio");

        HttpResponse<byte[]> feed = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + Paths.FEED)).GET().build());

        assertThat(feed.statusCode()).isEqualTo(200);
        Matcher enclosure = Pattern.compile("<enclosure url=\"" + Pattern.quote(audio.get("url").asText()) + "\" length=\"(\\d+)\" type=\"audio/mpeg\"")
                .matcher(new String(feed.body(), StandardCharsets.UTF_8));
        assertThat(enclosure.find()).isTrue();
        assertThat(enclosure.group(1)).isEqualTo(audio.get("bytes").asText());
    }

    /**
     * A browser's {@code <audio>} that seeks drops its open download for a new range: the stack
     * takes that as the listener leaving, not as a failure with a stack trace.
     */
    @Test
    void aListenerHangingUpMidDownloadIsNoFailure() throws Exception {
        URI url = URI.create(episode(stack.sampleSlugs().getFirst()).get("audio").get("url").asText());
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096); // so the server is still sending when the listener leaves
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()));
                socket.getOutputStream().write(("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getAuthority()
                        + "\r\nRange: bytes=0-\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] start = socket.getInputStream().readNBytes(1024);
                assertThat(new String(start, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 206");
                socket.setSoLinger(true, 0); // close with a reset, as a browser cancelling a request may
            }
            Thread.sleep(1000); // the server's next write meets the reset
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("failed");
        HttpResponse<byte[]> again = Http.send(HttpRequest.newBuilder(url).header("Range", "bytes=0-1").GET().build());
        assertThat(again.statusCode()).isEqualTo(206);
    }

    private JsonNode episode(String slug) {
        LambdaResponse response = Http.get(URI.create(stack.baseUrl() + Paths.apiEpisode(slug)));
        assertThat(response.status()).isEqualTo(200);
        return Events.json(response.body());
    }
}
