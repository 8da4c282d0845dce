package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code castline import feed} against the whole local stack, with another host played by a local
 * HTTP server (feeds, chapters files): every importable item comes out in Castline's own feed, as
 * Rome and podcast-partytime read it, with its guid, title, date, enclosure and duration; chapters
 * and persons survive; the first run writes one DynamoDB transaction per episode and the show's
 * settings, and a second run writes nothing (counted by the stack, per DynamoDB and S3 operation).
 */
@ExtendWith(LocalStack.class)
class ImportFeedEndToEndTest {
    /** Real hosts' feeds: beside the repository ({@code ../shared/real-feeds}), or {@code -Dcastline.realFeeds=DIR}. */
    static final Path REAL_FEEDS = System.getProperty("castline.realFeeds") != null ? Path.of(System.getProperty("castline.realFeeds"))
            : Path.of(System.getProperty("castline.root", "..")).resolve("../shared/real-feeds").normalize();
    /** Feeds shaped like each big host's, which the feed-import module's tests read too: one folder for both. */
    static final Path HOST_FIXTURES = Path.of(System.getProperty("castline.root", "..")).resolve("feed-import/src/test/resources/feeds")
            .toAbsolutePath().normalize();
    static FeedServer server;

    private final LocalStack.Running running;

    ImportFeedEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ImportFeedEndToEndTest.class.getResourceAsStream("/import/" + name)) {
            return in.readAllBytes();
        }
    }

    @BeforeAll
    static void otherHost() throws IOException {
        server = new FeedServer()
                .bytes("/libsyn/rss", "application/rss+xml", fixture("libsyn-style.xml"))
                .bytes("/anchor/feed.xml", "application/rss+xml; charset=utf-8", fixture("anchor-style.xml"))
                .bytes("/anchor/chapters/ep2.json", "application/json+chapters", """
                        {"version": "1.2.0", "chapters": [
                          {"startTime": 0, "title": "Hello"},
                          {"startTime": 95.5, "title": "What compost is", "url": "https://soil.example.org/compost"},
                          {"startTime": 100, "title": "An image change", "toc": false},
                          {"startTime": 1800, "title": "Worms"}]}
                        """.getBytes(StandardCharsets.UTF_8))
                .bytes("/script/feed.xml", "text/xml", fixture("script-everywhere.xml"))
                .bytes("/locked/feed.xml", "text/xml", fixture("locked.xml"))
                .redirect("/moved/feed", 301, "/libsyn/rss");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private JsonNode publicEpisode(SyndEntry entry) throws Exception {
        return ImportFeeds.publicEpisode(running, entry);
    }

    @Test
    void aLibsynShapedFeedComesOutInCastlinesFeedAndASecondRunWritesNothing() throws Exception {
        Cli cli = Cli.on(running);
        URI url = server.url("/moved/feed"); // a 301 first, as a moved feed does

        ImportFeeds.Measured firstRun = ImportFeeds.measure(running, () -> cli.ok("import", "feed", url.toString()));
        Cli.Run first = firstRun.run();

        List<ImportFeeds.Expected> expected = ImportFeeds.expected(fixture("libsyn-style.xml"), server.url("/libsyn/rss"));
        assertThat(expected).extracting(ImportFeeds.Expected::guid).containsExactly("libsyn-fixture-3", "libsyn-fixture-2", "libsyn-fixture-1");
        assertThat(first.out()).contains("imported 3 episode(s); 0 already there").contains("301").contains("itunes:new-feed-url")
                .contains("Keep the guids");
        assertThat(first.err()).contains("skipped").contains("libsyn-fixture-note").contains("[3/3] created: Trailer");
        Map<String, SyndEntry> feed = ImportFeeds.castlineFeed(running);
        ImportFeeds.assertCarried(expected, feed);
        ImportFeeds.assertImportWrites(firstRun, expected, feed);
        ImportFeeds.assertReadByPartytime(expected, ImportFeeds.partytime(running));

        JsonNode ep3 = publicEpisode(feed.get("libsyn-fixture-3"));
        assertThat(ep3.path("chapters")).hasSize(3);
        assertThat(ep3.path("chapters").get(1).path("startTime").asDouble()).isEqualTo(330.5);
        assertThat(ep3.path("chapters").get(1).path("url").asText()).isEqualTo("https://tides.example.org/spring");
        assertThat(ep3.path("season").asInt()).isEqualTo(1);
        assertThat(ep3.path("episode").asInt()).isEqualTo(3);
        assertThat(ep3.path("showNotes").asText()).contains("Why spring tides are high.").contains("<li>The sun</li>")
                .contains("<a href=\"https://tides.example.org/\">Tide charts</a>");
        JsonNode trailer = publicEpisode(feed.get("libsyn-fixture-1"));
        assertThat(trailer.path("episodeType").asText()).isEqualTo("trailer");
        assertThat(trailer.path("explicit").asBoolean()).isTrue();

        JsonNode show = Api.JSON.readTree(cli.ok("show", "--json").out());
        assertThat(show.path("title").asText()).isEqualTo("Tide Tables");
        assertThat(show.path("author").asText()).isEqualTo("Marina Coast");
        assertThat(show.path("appleCategory").asText()).isEqualTo("Science");
        assertThat(show.path("appleSubcategory").asText()).isEqualTo("Earth Sciences");
        assertThat(show.path("fundingUrl").asText()).isEqualTo("https://tidetables.example.com/support");
        assertThat(show.path("siteBaseUrl").asText()).as("kept: the feed cannot say it").isEqualTo(running.stack().baseUrl().toString());

        // Again: the same answers, nothing written (no PUT, PATCH or DELETE; every import answered 200; no write reaches DynamoDB or S3).
        ImportFeeds.Measured secondRun = ImportFeeds.measure(running, () -> cli.ok("import", "feed", url.toString()));
        Cli.Run second = secondRun.run();
        assertThat(second.out()).contains("imported 0 episode(s); 3 already there; show settings up to date");
        assertThat(second.requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");
        assertThat(second.requests("POST")).hasSize(3).allMatch(r -> r.uri().getPath().equals("/api/v1/admin/imports"));
        ImportFeeds.assertNoWrites(secondRun);
        assertThat(ImportFeeds.castlineFeed(running).keySet()).containsAll(feed.keySet());
    }

    @Test
    void podcasting20TagsRelativeUrlsAndAChaptersFileSurvive() throws Exception {
        Cli cli = Cli.on(running);

        ImportFeeds.Measured measured = ImportFeeds.measure(running, () -> cli.ok("import", "feed", server.url("/anchor/feed.xml").toString()));
        Cli.Run run = measured.run();

        List<ImportFeeds.Expected> expected = ImportFeeds.expected(fixture("anchor-style.xml"), server.url("/anchor/feed.xml"));
        assertThat(expected).extracting(ImportFeeds.Expected::url)
                .containsExactly("http://cdn.anchor.example/garden/ep2.m4a", server.url("/anchor/media/ep1.mp3").toString());
        assertThat(run.err()).contains("item 3: no guid").contains("https://gardenhour.example.com/episodes/seeds")
                .contains("transcript link(s) not carried");
        assertThat(server.asked()).contains("/anchor/chapters/ep2.json");
        Map<String, SyndEntry> feed = ImportFeeds.castlineFeed(running);
        ImportFeeds.assertCarried(expected, feed);
        ImportFeeds.assertImportWrites(measured, expected, feed);
        ImportFeeds.assertReadByPartytime(expected, ImportFeeds.partytime(running));
        ImportFeeds.assertChaptersAndPersons(expected, feed, running, true);

        JsonNode ep2 = publicEpisode(feed.get("anchor-fixture-2"));
        assertThat(ep2.path("chapters")).extracting(c -> c.path("title").asText()).containsExactly("Hello", "What compost is", "Worms");
        assertThat(ep2.path("chapters").get(1).path("startTime").asDouble()).isEqualTo(95.5);
        assertThat(ep2.path("guests")).extracting(g -> g.path("name").asText()).containsExactly("Ivy Moss", "Rowan Field");
        assertThat(ep2.path("guests").get(0).path("role").asText()).isEqualTo("guest");
        assertThat(ep2.path("guests").get(0).path("avatarUrl").asText()).isEqualTo("https://soil.example.org/ivy.jpg");
        String chapters = ImportFeeds.get(URI.create(running.stack().baseUrl() + ImportFeeds.pagePath(feed.get("anchor-fixture-2")) + "/chapters.json"));
        assertThat(chapters).contains("What compost is");
        String raw = ImportFeeds.get(URI.create(running.stack().baseUrl() + "/feed.xml"));
        assertThat(raw).contains("Ivy Moss</podcast:person>");
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
        Cli cli = Cli.on(running);
        byte[] feed = new String(fixture("libsyn-style.xml"), StandardCharsets.UTF_8).replace("libsyn-fixture-", "dry-run-fixture-")
                .getBytes(StandardCharsets.UTF_8);
        Path file = cli.workingDir().resolve("old-feed.xml");
        Files.write(file, feed);

        ImportFeeds.Measured measured = ImportFeeds.measure(running, () -> cli.ok("import", "feed", "old-feed.xml", "--dry-run"));
        Cli.Run dry = measured.run();

        assertThat(dry.out()).contains("dry run: nothing changed").contains("would import dry-run-fixture-3  2021-03-02T15:30:00Z  Episode 3: Spring & Neap")
                .contains("would import dry-run-fixture-1");
        assertThat(dry.requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");
        assertThat(dry.requests("POST")).hasSize(3)
                .allMatch(r -> r.uri().getPath().equals("/api/v1/admin/imports") && "dryRun=true".equals(r.uri().getQuery()));
        ImportFeeds.assertNoWrites(measured);
        assertThat(ImportFeeds.castlineFeed(running)).doesNotContainKey("dry-run-fixture-3");

        Cli.Run limited = cli.ok("import", "feed", file.toString(), "--limit", "1");
        assertThat(limited.out()).contains("imported 1 episode(s)");
        assertThat(ImportFeeds.castlineFeed(running)).containsKey("dry-run-fixture-3").doesNotContainKey("dry-run-fixture-2");
    }

    @Test
    void aLockedFeedIsImportedOnlyByItsOwner() throws Exception {
        Cli cli = Cli.on(running);
        String url = server.url("/locked/feed.xml").toString();

        ImportFeeds.Measured measured = ImportFeeds.measure(running, () -> cli.run("import", "feed", url));
        Cli.Run refused = measured.run();

        assertThat(refused.code()).isEqualTo(Exit.CONFLICT);
        ImportFeeds.assertNoWrites(measured);
        assertThat(refused.err()).contains("podcast:locked").contains("owner@locked.example.com").contains("--owner-confirmed");
        assertThat(refused.requests()).noneMatch(r -> r.uri().getPath().startsWith("/api/"));
        assertThat(ImportFeeds.castlineFeed(running)).doesNotContainKey("locked-fixture-1");

        cli.ok("import", "feed", url, "--owner-confirmed");
        assertThat(ImportFeeds.castlineFeed(running)).containsKey("locked-fixture-1");
        JsonNode show = Api.JSON.readTree(cli.ok("show", "--json").out());
        assertThat(show.path("locked").asBoolean()).isTrue();
    }

    @Test
    void scriptInEveryFieldIsShownAsText() throws Exception {
        Cli cli = Cli.on(running);

        cli.ok("import", "feed", server.url("/script/feed.xml").toString());

        Map<String, SyndEntry> feed = ImportFeeds.castlineFeed(running);
        SyndEntry entry = feed.get("script-fixture-1");
        assertThat(entry).isNotNull();
        String page = ImportFeeds.get(URI.create(running.stack().baseUrl() + ImportFeeds.pagePath(entry)));
        String raw = ImportFeeds.get(URI.create(running.stack().baseUrl() + "/feed.xml"));
        String json = ImportFeeds.get(URI.create(running.stack().baseUrl() + "/api/v1/episodes/" + ImportFeeds.pagePath(entry).substring(10)));
        for (String shown : List.of(page, raw)) {
            assertThat(shown).doesNotContain("<script>alert").doesNotContain("onerror=\"alert").doesNotContain("href=\"javascript:")
                    .doesNotContain("onclick=").doesNotContain("<b onmouseover");
        }
        assertThat(json).doesNotContain("javascript:");
        String chapters = ImportFeeds.get(URI.create(running.stack().baseUrl() + ImportFeeds.pagePath(entry) + "/chapters.json"));
        assertThat(chapters).doesNotContain("<script>");
        cli.ok("show", "set", "title=Running Locally", "author=Castline Tests");
    }

    static Stream<Arguments> hostFixtures() throws IOException {
        assertThat(HOST_FIXTURES).as("the feed-import module's host fixtures (castline.root=%s)", System.getProperty("castline.root"))
                .isDirectory();
        List<Path> feeds;
        try (Stream<Path> files = Files.list(HOST_FIXTURES)) {
            feeds = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(feeds).as("feeds in %s", HOST_FIXTURES).isNotEmpty();
        return feeds.stream().map(f -> Arguments.of(Named.of(f.getFileName().toString(), f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostFixtures")
    void aFeedShapedLikeABigHostsComesOutInCastlinesFeedAndASecondRunWritesNothing(Path fixture) throws Exception {
        importedTwiceWritingOnlyTheFirstTime("/hosts/" + fixture.getFileName(), Files.readAllBytes(fixture));
    }

    static Stream<Path> realFeeds() throws IOException {
        if (!Files.isDirectory(REAL_FEEDS)) {
            return Stream.of(REAL_FEEDS.resolve("absent"));
        }
        return Files.list(REAL_FEEDS).filter(f -> f.toString().endsWith(".xml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realFeeds")
    void aRealFeedComesOutInCastlinesFeedAndASecondRunWritesNothing(Path realFeed) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(realFeed), "the real feeds are not here (" + REAL_FEEDS
                + "): the compatibility test of real hosts' feeds is skipped");
        importedTwiceWritingOnlyTheFirstTime("/real/" + realFeed.getFileName(), Files.readAllBytes(realFeed));
    }

    /**
     * Serves the feed at {@code path} and imports it twice. Offline: chapters files are not fetched
     * (those of the fixtures and the real feeds are on the Internet; enclosures are never fetched
     * without {@code --copy-audio}), so the chapters written in the feed are the ones compared.
     */
    private void importedTwiceWritingOnlyTheFirstTime(String path, byte[] bytes) throws Exception {
        Cli cli = Cli.on(running);
        server.bytes(path, "application/rss+xml", bytes);
        String url = server.url(path).toString();
        List<ImportFeeds.Expected> expected = ImportFeeds.expected(bytes, URI.create(url));
        assertThat(expected).as("importable items of %s", path).isNotEmpty();

        ImportFeeds.Measured first = ImportFeeds.measure(running, () -> cli.ok("import", "feed", url, "--no-chapters-fetch", "--no-transcripts-fetch", "--owner-confirmed"));

        assertThat(first.run().out()).contains("imported " + expected.size() + " episode(s); 0 already there");
        Map<String, SyndEntry> feed = ImportFeeds.castlineFeed(running);
        ImportFeeds.assertCarried(expected, feed);
        ImportFeeds.assertImportWrites(first, expected, feed);
        ImportFeeds.assertReadByPartytime(expected, ImportFeeds.partytime(running));
        ImportFeeds.assertChaptersAndPersons(expected, feed, running, false);

        ImportFeeds.Measured second = ImportFeeds.measure(running, () -> cli.ok("import", "feed", url, "--no-chapters-fetch", "--no-transcripts-fetch", "--owner-confirmed"));
        assertThat(second.run().out()).contains("imported 0 episode(s); " + expected.size() + " already there; show settings up to date");
        assertThat(second.run().requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");
        ImportFeeds.assertNoWrites(second);
        cli.ok("show", "set", "title=Running Locally", "author=Castline Tests");
    }
}
