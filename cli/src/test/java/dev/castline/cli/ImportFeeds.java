package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
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
}
