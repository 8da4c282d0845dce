package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.emulation.OperationCounts;
import dev.castline.feedimport.FeedCursor;
import dev.castline.feedimport.FeedReader;
import dev.castline.feedimport.ImportedItem;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/** What the import tests share: the items a feed should bring, and Castline's own feed as Rome reads it. */
final class ImportFeeds {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NEXT = Pattern.compile("<atom:link href=\"([^\"]+)\" rel=\"next\"");

    private ImportFeeds() {
    }

    /** An importable item as its feed states it, and so as Castline's feed must carry it. */
    record Expected(String guid, String title, Instant publishAt, String url, long length, String type, long durationSeconds,
                    ImportedItem item) {
    }

    /** The items of a feed that the import brings (the reader's, less those the mapping skips with a reason). */
    static List<Expected> expected(byte[] feed, URI feedUrl) {
        List<Expected> expected = new ArrayList<>();
        try (FeedCursor cursor = new FeedReader().open(new ByteArrayInputStream(feed), feedUrl)) {
            while (cursor.hasNext()) {
                ImportedItem item = cursor.next();
                FeedMapping.Mapped mapped = FeedMapping.item(item, item.chapters());
                if (mapped.body() == null) {
                    continue;
                }
                expected.add(new Expected(item.guid(), mapped.body().path("title").asText(), item.publishedAt().truncatedTo(ChronoUnit.SECONDS),
                        item.enclosure().url(), item.enclosure().length() == null ? 0 : item.enclosure().length(),
                        FeedMapping.mediaType(item.enclosure().type(), item.enclosure().url()),
                        item.durationMillis() == null ? 0 : Math.round(item.durationMillis() / 1000.0), item));
            }
        }
        return expected;
    }

    static String get(URI url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    /** Every item of Castline's feed, all pages, by guid, as Rome reads it. */
    static Map<String, SyndEntry> castlineFeed(LocalStack.Running running) throws Exception {
        Map<String, SyndEntry> entries = new LinkedHashMap<>();
        URI page = URI.create(running.stack().baseUrl() + "/feed.xml");
        for (int i = 0; page != null && i < 100; i++) {
            String xml = get(page);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
            for (SyndEntry entry : feed.getEntries()) {
                entries.put(entry.getUri(), entry);
            }
            Matcher next = NEXT.matcher(xml);
            page = next.find() ? URI.create(next.group(1).replace("&amp;", "&")) : null;
        }
        return entries;
    }

    /** Castline's feed carries each expected item with the same guid, title, date to the second, enclosure and duration. */
    static void assertCarried(List<Expected> expected, Map<String, SyndEntry> feed) {
        SoftAssertions soft = new SoftAssertions();
        for (Expected e : expected) {
            SyndEntry entry = feed.get(e.guid());
            soft.assertThat(entry).as("guid %s in Castline's feed", e.guid()).isNotNull();
            if (entry == null) {
                continue;
            }
            soft.assertThat(entry.getTitle()).as("title of %s", e.guid()).isEqualTo(e.title());
            soft.assertThat(entry.getPublishedDate().toInstant()).as("pubDate of %s", e.guid()).isEqualTo(e.publishAt());
            soft.assertThat(entry.getEnclosures()).as("enclosure of %s", e.guid()).hasSize(1);
            SyndEnclosure enclosure = entry.getEnclosures().get(0);
            soft.assertThat(enclosure.getUrl()).as("enclosure URL of %s", e.guid()).isEqualTo(e.url());
            soft.assertThat(enclosure.getLength()).as("length of %s", e.guid()).isEqualTo(e.length());
            soft.assertThat(enclosure.getType()).as("type of %s", e.guid()).isEqualTo(e.type());
            EntryInformation itunes = (EntryInformation) entry.getModule(ITunes.URI);
            soft.assertThat(itunes.getDuration().getMilliseconds() / 1000).as("duration of %s", e.guid()).isEqualTo(e.durationSeconds());
        }
        soft.assertAll();
    }

    /** The episode page's path of an item in Castline's feed ({@code /episodes/slug}). */
    static String pagePath(SyndEntry entry) {
        return URI.create(entry.getLink()).getPath();
    }

    /**
     * Castline's feed (every page) as podcast-partytime reads it, by guid: the parser the Podcast
     * Index uses, run with Node from the test tools ({@code bin/test} installs them).
     */
    static Map<String, com.fasterxml.jackson.databind.JsonNode> partytime(LocalStack.Running running) throws Exception {
        java.nio.file.Path module = java.nio.file.Path.of(System.getProperty("castline.root", "..")).toAbsolutePath().normalize()
                .resolve("tools/node_modules/podcast-partytime");
        assertThat(module.resolve("package.json")).as("podcast-partytime is not installed: run bin/test, which installs the test tools"
                + " (or: npm install --prefix tools)").exists();
        java.nio.file.Path script = java.nio.file.Path.of(ImportFeeds.class.getResource("/import/partytime.js").toURI());
        Map<String, com.fasterxml.jackson.databind.JsonNode> items = new LinkedHashMap<>();
        URI page = URI.create(running.stack().baseUrl() + "/feed.xml");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("castline-feed", ".xml");
        try {
            for (int i = 0; page != null && i < 100; i++) {
                String xml = get(page);
                java.nio.file.Files.writeString(file, xml);
                Process node = new ProcessBuilder("node", script.toString(), file.toString(), module.toString()).start();
                byte[] out = node.getInputStream().readAllBytes();
                String err = new String(node.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(node.waitFor()).as("podcast-partytime on %s: %s", page, err).isZero();
                for (com.fasterxml.jackson.databind.JsonNode item : Api.JSON.readTree(out).path("items")) {
                    items.put(item.path("guid").asText(), item);
                }
                Matcher next = NEXT.matcher(xml);
                page = next.find() ? URI.create(next.group(1).replace("&amp;", "&")) : null;
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        return items;
    }

    /** podcast-partytime reads each expected item from Castline's feed with the same values; persons and chapters too. */
    static void assertReadByPartytime(List<Expected> expected, Map<String, com.fasterxml.jackson.databind.JsonNode> feed) {
        SoftAssertions soft = new SoftAssertions();
        for (Expected e : expected) {
            com.fasterxml.jackson.databind.JsonNode item = feed.get(e.guid());
            soft.assertThat(item).as("guid %s as podcast-partytime reads Castline's feed", e.guid()).isNotNull();
            if (item == null) {
                continue;
            }
            soft.assertThat(item.path("title").asText()).as("title of %s", e.guid()).isEqualTo(e.title());
            soft.assertThat(Instant.parse(item.path("pubDate").asText())).as("pubDate of %s", e.guid()).isEqualTo(e.publishAt());
            soft.assertThat(item.path("url").asText()).as("enclosure URL of %s", e.guid()).isEqualTo(e.url());
            soft.assertThat(item.path("length").asLong()).as("length of %s", e.guid()).isEqualTo(e.length());
            soft.assertThat(item.path("type").asText()).as("type of %s", e.guid()).isEqualTo(e.type());
            soft.assertThat(item.path("duration").asLong()).as("duration of %s", e.guid()).isEqualTo(e.durationSeconds());
            List<String> persons = e.item().persons().stream().map(p -> p.name()).filter(n -> n != null && !n.isBlank())
                    .limit(FeedMapping.MAX_GUESTS).toList();
            List<String> people = new ArrayList<>();
            item.path("people").forEach(p -> people.add(p.asText()));
            soft.assertThat(people).as("persons of %s", e.guid()).containsAll(persons);
        }
        soft.assertAll();
    }

    /** A run of the CLI, and what the stack's functions sent to DynamoDB and S3 meanwhile (by operation name). */
    record Measured(Cli.Run run, OperationCounts.Snapshot dynamoDb, OperationCounts.Snapshot s3) {
    }

    /**
     * Runs the CLI and counts what the stack's functions send meanwhile. The media log is
     * delivered first, so no download count of earlier tests' requests writes beside it.
     */
    static Measured measure(LocalStack.Running running, Supplier<Cli.Run> run) {
        running.stack().deliverMediaLogs();
        OperationCounts.Snapshot dynamoDb = running.stack().dynamoDbOperations();
        OperationCounts.Snapshot s3 = running.stack().s3Operations();
        Cli.Run done = run.get();
        return new Measured(done, running.stack().dynamoDbOperations().since(dynamoDb), running.stack().s3Operations().since(s3));
    }

    /**
     * The writes of an import that created the episodes of {@code created} (now in {@code feed}):
     * exactly one DynamoDB transaction per episode, of 4 items (the episode, its slug, its guid,
     * and the show's feed version and count), one UpdateItem per show-settings PUT the API accepted
     * (a refused field is said so, and written nowhere), and nothing else; no S3 write. A
     * transaction is refused, writing nothing, only when the slug made from the title is taken: the
     * next one is tried ({@code trailer-2}), so an episode with slug {@code trailer-3} cost two.
     */
    static void assertImportWrites(Measured measured, List<Expected> created, Map<String, SyndEntry> feed) {
        long puts = measured.run().requests("PUT").size();
        long refused = measured.run().err().split("was refused \\(", -1).length - 1;
        long slugsTaken = 0;
        for (Expected e : created) {
            String slug = pagePath(feed.get(e.guid())).replaceFirst("^/episodes/", "");
            Matcher numbered = Pattern.compile("-(\\d+)$").matcher(slug);
            if (!slug.equals(dev.castline.domain.Slugs.fromTitle(e.title())) && numbered.find()) {
                slugsTaken += Integer.parseInt(numbered.group(1)) - 1;
            }
        }
        OperationCounts.Snapshot writes = measured.dynamoDb().only(OperationCounts.DYNAMODB_WRITES);
        Map<String, Long> expected = new TreeMap<>();
        if (!created.isEmpty()) {
            expected.put("TransactWriteItems", created.size() + slugsTaken);
        }
        if (puts > 0) {
            expected.put("UpdateItem", puts - refused);
        }
        expected.values().removeIf(n -> n == 0);
        String all = "all calls: " + measured.dynamoDb();
        assertThat(writes.calls()).as("DynamoDB writes of an import creating %d episode(s) (%s)", created.size(), all)
                .containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(writes.succeeded("TransactWriteItems")).as("transactions that wrote (%s)", all).isEqualTo(created.size());
        assertThat(writes.failed("TransactWriteItems")).as("transactions refused for a taken slug (%s)", all).isEqualTo(slugsTaken);
        assertThat(writes.failed("UpdateItem")).as("settings writes refused (%s)", all).isZero();
        assertThat(writes.items("TransactWriteItems")).as("items written by the transactions (%s)", all).isEqualTo(4L * created.size());
        assertThat(measured.s3().only(OperationCounts.S3_WRITES).calls()).as("S3 writes (all calls: %s)", measured.s3()).isEmpty();
    }

    /** Nothing written at all: no DynamoDB write of any kind, no S3 write. */
    static void assertNoWrites(Measured measured) {
        assertThat(measured.dynamoDb().only(OperationCounts.DYNAMODB_WRITES).calls()).as("DynamoDB writes (all calls: %s)", measured.dynamoDb())
                .isEmpty();
        assertThat(measured.s3().only(OperationCounts.S3_WRITES).calls()).as("S3 writes (all calls: %s)", measured.s3()).isEmpty();
    }

    /** The public API's view of an item of Castline's feed ({@code /api/v1/episodes/{slug}}). */
    static JsonNode publicEpisode(LocalStack.Running running, SyndEntry entry) throws Exception {
        String slug = pagePath(entry).replaceFirst("^/episodes/", "");
        return Api.JSON.readTree(get(URI.create(running.stack().baseUrl() + "/api/v1/episodes/" + slug)));
    }

    /**
     * Chapters and persons survive: an item's chapters written in the feed come out as the
     * episode's (at most as many as it had with a title and for the table of contents; exactly
     * the ones the import sent), and its named persons as its guests, in order, up to the limit.
     * {@code fetched} says the chapters files were fetched, so the inline chapters may be replaced.
     */
    static void assertChaptersAndPersons(List<Expected> expected, Map<String, SyndEntry> feed, LocalStack.Running running, boolean fetched)
            throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (Expected e : expected) {
            long inlineChapters = e.item().chapters().stream().filter(c -> c.toc() && c.title() != null && !c.title().isBlank()).count();
            List<String> persons = e.item().persons().stream().map(p -> p.name()).filter(n -> n != null && !n.isBlank())
                    .map(String::strip).limit(FeedMapping.MAX_GUESTS).toList();
            if (feed.get(e.guid()) == null || (inlineChapters == 0 && persons.isEmpty())) {
                continue;
            }
            JsonNode episode = publicEpisode(running, feed.get(e.guid()));
            if (inlineChapters > 0 && !(fetched && e.item().chaptersUrl() != null)) {
                JsonNode sent = FeedMapping.item(e.item(), e.item().chapters()).body().path("chapters");
                soft.assertThat(episode.path("chapters").size()).as("chapters of %s", e.guid()).isPositive()
                        .isLessThanOrEqualTo((int) inlineChapters);
                soft.assertThat(chapterList(episode.path("chapters"))).as("chapters of %s as imported", e.guid()).isEqualTo(chapterList(sent));
            }
            List<String> guests = new ArrayList<>();
            episode.path("guests").forEach(g -> guests.add(g.path("name").asText()));
            soft.assertThat(guests).as("persons of %s", e.guid()).isEqualTo(persons);
        }
        soft.assertAll();
    }

    private static List<String> chapterList(JsonNode chapters) {
        List<String> list = new ArrayList<>();
        chapters.forEach(c -> list.add(c.path("startTime").decimalValue().stripTrailingZeros().toPlainString() + " " + c.path("title").asText()));
        return list;
    }
}
