package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Transcripts from the host's files to apps, through the whole local stack: the episode file names
 * its transcript, push attaches it (and only when the file changed), `castline transcript` replaces
 * or removes it, and the feed's podcast:transcript URLs serve it in three formats to any site.
 */
@ExtendWith(LocalStack.class)
class TranscriptEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String VTT = """
            WEBVTT

            00:00.000 --> 00:01.500
            <v Ada Fielding>Welcome & hello.

            00:01.500 --> 00:03.000
            <v Nick>Thanks for coming on.
            """;
    private static final Pattern TRANSCRIPT = Pattern.compile("<podcast:transcript url=\"([^\"]+)\" type=\"([^\"]+)\" language=\"([^\"]+)\"( rel=\"captions\")?/>");

    private final LocalStack.Running running;

    TranscriptEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    @Test
    void aTranscriptNamedInTheEpisodeFileIsAttachedOnceAndServedWhereTheFeedSays() throws Exception {
        Cli cli = Cli.on(running);
        String slug = "transcribed-episode";
        Path file = cli.workingDir().resolve(slug + ".md");
        Files.writeString(file, """
                ---
                title: "Transcribed Episode"
                description: An episode with a transcript.
                audio: episode.mp3
                transcript: episode.vtt
                ---
                Notes.
                """, StandardCharsets.UTF_8);
        try (InputStream mp3 = getClass().getResourceAsStream("/audio/cbr.mp3")) {
            Files.copy(mp3, cli.workingDir().resolve("episode.mp3"));
        }
        Files.writeString(cli.workingDir().resolve("episode.vtt"), VTT, StandardCharsets.UTF_8);

        Cli.Run first = cli.ok("push", file.toString(), "--publish");
        assertThat(first.out()).contains("attach the transcript (new transcript)");
        assertThat(first.requests()).anyMatch(r -> r.method().equals("PUT") && r.uri().getPath().endsWith("/transcript"));

        Cli.Run second = cli.ok("push", file.toString(), "--publish");
        assertThat(second.out()).contains(slug + ": up to date");
        assertThat(second.requests()).as("the same file is not sent again").extracting(Cli.Request::method).containsOnly("GET", "HEAD");

        // No language given: the show's (another test of this stack may have imported a show in another one).
        String language = Api.JSON.readTree(text("/api/v1/show")).path("language").asText();
        String feed = text("/feed.xml");
        Matcher m = TRANSCRIPT.matcher(feed);
        List<String[]> tags = new java.util.ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("/" + slug + "/")) {
                tags.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
            }
        }
        assertThat(tags).extracting(t -> t[1]).containsExactly("text/vtt", "application/x-subrip", "application/json");
        for (String[] tag : tags) {
            assertThat(tag[2]).isEqualTo(language);
            HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(URI.create(tag[0])).header("Origin", "https://player.example").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).as(tag[0]).isEqualTo(200);
            assertThat(served.headers().firstValue("content-type")).hasValue(tag[1] + "; charset=utf-8");
            assertThat(served.headers().firstValue("access-control-allow-origin")).hasValue("*");
            assertThat(served.body()).contains("Ada Fielding").contains("Thanks for coming on.");
            String etag = served.headers().firstValue("etag").orElseThrow();
            HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(tag[0])).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(304);
        }
        assertThat(tags.get(0)[3]).as("the VTT is the captions").isEqualTo(" rel=\"captions\"");
        assertThat(text("/episodes/" + slug)).contains("Welcome &amp; hello.");

        Path srt = cli.workingDir().resolve("episode.srt");
        Files.writeString(srt, "1\n00:00:00,000 --> 00:00:02,000\nAda: A new first cue.\n", StandardCharsets.UTF_8);
        Cli.Run replaced = cli.ok("transcript", slug, srt.toString());
        assertThat(replaced.out()).contains("attached 1 cues (" + language + ") to " + slug);
        assertThat(text("/episodes/" + slug + "/transcript.vtt")).contains("<v Ada>A new first cue.");

        Cli.Run refused = cli.run("transcript", slug, Files.writeString(cli.workingDir().resolve("bad.vtt"), "WEBVTT\n\nnot a cue\nat all\n").toString());
        assertThat(refused.code()).isEqualTo(Exit.USAGE);
        assertThat(refused.err()).contains("line 4");

        assertThat(cli.ok("transcript", slug, "--remove").out()).contains("removed the transcript of " + slug);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(running.stack().baseUrl() + "/episodes/" + slug + "/transcript.json")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(text("/feed.xml")).doesNotContain(slug + "/transcript.");
    }

    private String text(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(running.stack().baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
