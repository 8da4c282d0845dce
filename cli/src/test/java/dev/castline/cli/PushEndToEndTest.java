package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The host's workflow against the whole local stack: an episode file in the seed's shape, pushed
 * with a real MP3, published; pushed again (nothing sent but reads); pulled and pushed back
 * (nothing again); a dry run that changes nothing; a release scheduled with --at that appears
 * when the stack's clock reaches it.
 */
@ExtendWith(LocalStack.class)
class PushEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final LocalStack.Running running;

    PushEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    /** The fixture copied into a fresh folder under a file name of the test's own (its slug), with the MP3 beside it. */
    private Path episodeFile(Cli cli, String slug) throws IOException {
        Path file = cli.workingDir().resolve("2021-03-09-" + slug + ".md");
        Files.writeString(file, EpisodeParserTest.fixtureText(), StandardCharsets.UTF_8);
        try (InputStream mp3 = getClass().getResourceAsStream("/audio/cbr.mp3")) {
            Files.copy(mp3, cli.workingDir().resolve("episode.mp3"));
        }
        return file;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(running.stack().baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Api.JSON.readTree(response.body()) : null;
    }

    private String text(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(running.stack().baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private long version(String slug) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(running.stack().baseUrl() + "/api/v1/admin/slugs/" + slug))
                .header("Authorization", "Bearer " + running.stack().adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        return Api.JSON.readTree(response.body()).path("version").asLong();
    }

    @Test
    void aSeedShapedFileIsPublishedWithItsChaptersLinksGuestAndTags() throws Exception {
        Cli cli = Cli.on(running);
        String slug = "tidepool-published";
        Path file = episodeFile(cli, slug);

        Cli.Run first = cli.ok("push", file.toString(), "--audio", "episode.mp3", "--publish");

        assertThat(first.out()).contains(slug + ": published").contains("create the episode").contains("upload the audio").contains("publish now");
        assertThat(first.err()).contains("guest_avatar: 'ada-fielding' is not a URL")
                .contains("mp3_bytes says 1212121, but the audio has 12121 bytes")
                .contains("mp3_duration says 1:11:40, but the audio lasts 0:03");
        JsonNode episode = get("/api/v1/episodes/" + slug);
        assertThat(episode).as("public JSON").isNotNull();
        assertThat(episode.path("title").asText()).isEqualTo("Tidepool Sells Recipe Courses with Rails");
        assertThat(episode.path("chapters")).hasSize(6);
        assertThat(episode.path("chapters").get(0).path("startTime").asInt()).isEqualTo(159);
        assertThat(episode.path("chapters").get(5).path("url").asText()).isEqualTo("https://twitter.com/adafielding");
        assertThat(episode.path("links").findValuesAsText("kind")).containsExactly("reference", "reference", "library", "library");
        assertThat(episode.path("links").get(1).path("title").asText()).isEqualTo("An interview on another podcast");
        assertThat(episode.path("guests").get(0).path("name").asText()).isEqualTo("Ada Fielding");
        assertThat(episode.path("guests").get(0).path("socialHandle").asText()).isEqualTo("@adafielding");
        assertThat(episode.path("tags")).extracting(JsonNode::asText).containsExactly("rails", "ruby", "lets-encrypt", "s3");
        assertThat(episode.path("showNotes").asText()).contains("Ada Fielding goes over building a").doesNotContain("{{");

        String page = text("/episodes/" + slug);
        assertThat(page).contains("Motivation for using Ruby on Rails").contains("https://podcasts.example.org/113")
                .contains("https://github.com/example/interactor").contains("Ada Fielding").contains("lets-encrypt");
        String feed = text("/feed.xml");
        assertThat(feed).contains("Tidepool Sells Recipe Courses with Rails").contains("Ada Fielding</podcast:person>")
                .contains("/episodes/" + slug + "/chapters.json");
        assertThat(text("/episodes/" + slug + "/chapters.json")).contains("Action Cable is embedded into the main web server");

        // Second push: reads only. No PATCH, no upload request, no PUT to the store, no new version.
        long before = version(slug);
        Cli.Run second = cli.ok("push", file.toString(), "--audio", "episode.mp3", "--publish");
        assertThat(second.out()).contains(slug + ": up to date (published)");
        assertThat(second.requests()).extracting(Cli.Request::method).containsOnly("GET", "HEAD");
        assertThat(second.requests()).noneMatch(r -> r.uri().getPath().endsWith("/audio"));
        assertThat(version(slug)).isEqualTo(before);

        // pull -> push: the pulled file changes nothing either.
        cli.ok("pull", slug, "-o", "pulled.md");
        String pulled = Files.readString(cli.workingDir().resolve("pulled.md"));
        assertThat(pulled).contains("- 2:39 -- Motivation for using Ruby on Rails").contains("###### 📄 References")
                .contains("guest_twitter: \"adafielding\"").contains("mp3_bytes: \"12121\"");
        Cli.Run again = cli.ok("push", "pulled.md", "--audio", "episode.mp3");
        assertThat(again.out()).contains(slug + ": up to date (published)");
        assertThat(again.requests()).extracting(Cli.Request::method).containsOnly("GET", "HEAD");
        assertThat(version(slug)).isEqualTo(before);
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndChangesNothing() throws Exception {
        Cli cli = Cli.on(running);
        String slug = "tidepool-dry-run";
        Path file = episodeFile(cli, slug);

        Cli.Run dry = cli.ok("push", file.toString(), "--audio", "episode.mp3", "--publish", "--dry-run", "--json");

        JsonNode plan = Api.JSON.readTree(dry.out());
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("created").asBoolean()).isTrue();
        assertThat(plan.path("audioUploaded").asBoolean()).isTrue();
        assertThat(plan.path("release").asText()).isEqualTo("publish now");
        assertThat(dry.requests()).extracting(Cli.Request::method).containsOnly("GET");
        assertThat(cli.run("open", slug).code()).isEqualTo(Exit.NOT_FOUND);

        cli.ok("push", file.toString(), "--audio", "episode.mp3");
        long before = version(slug);
        Files.writeString(file, Files.readString(file).replace("title: \"Tidepool Sells", "title: \"Tidepool Now Sells"));
        Cli.Run changed = cli.ok("push", file.toString(), "--audio", "episode.mp3", "--dry-run");
        assertThat(changed.out()).contains("would update title").doesNotContain("upload");
        assertThat(changed.requests()).extracting(Cli.Request::method).containsOnly("GET", "HEAD");
        assertThat(version(slug)).isEqualTo(before);
    }

    @Test
    void aReleaseScheduledWithAtAppearsWhenItsTimeComes() throws Exception {
        Cli cli = Cli.on(running);
        String slug = "tidepool-scheduled";
        Path file = episodeFile(cli, slug);
        Instant at = running.clock().instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        Cli.Run push = cli.ok("push", file.toString(), "--audio", "episode.mp3", "--at", at.toString(), "--json");

        assertThat(Api.JSON.readTree(push.out()).path("status").asText()).isEqualTo("scheduled");
        assertThat(get("/api/v1/episodes/" + slug)).as("not public before its time").isNull();
        assertThat(text("/feed.xml")).doesNotContain("/episodes/" + slug + "/");
        assertThat(cli.ok("push", file.toString(), "--audio", "episode.mp3", "--at", at.toString()).out()).contains("up to date (scheduled)");

        running.clock().advance(Duration.ofHours(2).plusMinutes(1));

        JsonNode episode = get("/api/v1/episodes/" + slug);
        assertThat(episode).as("public once its time came").isNotNull();
        assertThat(episode.path("publishedAt").asText()).isEqualTo(at.toString());
        assertThat(text("/feed.xml")).contains("/episodes/" + slug + "/chapters.json");
        assertThat(cli.ok("episodes", "--status", "published", "--json").out()).contains("\"slug\" : \"" + slug + "\"");
    }
}
