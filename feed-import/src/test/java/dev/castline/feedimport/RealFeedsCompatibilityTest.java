package dev.castline.feedimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every feed in the shared folder of real feeds (written by other hosts and tools; read in place,
 * never copied here) against an independent read of the same file: a DOM parse with the JDK's
 * RFC 1123 formatter. Every item with an enclosure must come out with the same guid, title, date,
 * enclosure and duration. Skips, saying so, when the folder is absent (it lives next to the
 * repository: {@code ../shared/real-feeds}, or {@code -Dcastline.realFeeds=DIR}).
 */
class RealFeedsCompatibilityTest {
    private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    record Expected(String guid, String title, Instant date, String enclosureUrl, Long durationMillis) {
    }

    static Path folder() {
        String explicit = System.getProperty("castline.realFeeds");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String root = System.getProperty("castline.root", "..");
        return Path.of(root).resolve("../shared/real-feeds").normalize();
    }

    @TestFactory
    Stream<DynamicTest> every_real_feed_reads_like_an_independent_dom_read() throws Exception {
        Path dir = folder();
        assumeTrue(Files.isDirectory(dir), "No real feeds at " + dir + ": compatibility test skipped");
        List<Path> feeds;
        try (Stream<Path> files = Files.list(dir)) {
            feeds = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assumeTrue(!feeds.isEmpty(), "No .xml feeds in " + dir + ": compatibility test skipped");
        return feeds.stream().map(feed -> DynamicTest.dynamicTest(feed.getFileName().toString(), () -> check(feed)));
    }

    private static void check(Path feed) throws Exception {
        Map<String, Expected> expected = domRead(feed);
        List<ImportedItem> items = new ArrayList<>();
        FeedSummary summary;
        try (InputStream in = Files.newInputStream(feed)) {
            summary = new FeedReader().read(in, null, items::add);
        }
        assertThat(summary.show().title()).isNotBlank();
        assertThat(items).extracting(ImportedItem::guid).containsExactlyElementsOf(expected.keySet());
        for (ImportedItem item : items) {
            Expected e = expected.get(item.guid());
            assertThat(item.title()).as("title of %s", item.guid()).isEqualTo(e.title());
            assertThat(item.publishedAt()).as("date of %s", item.guid()).isEqualTo(e.date());
            assertThat(item.enclosure().url()).as("enclosure of %s", item.guid()).isEqualTo(e.enclosureUrl());
            assertThat(item.durationMillis()).as("duration of %s", item.guid()).isEqualTo(e.durationMillis());
            assertThat(item.descriptionMarkdown()).doesNotContainIgnoringCase("<script");
        }
        assertThat(summary.problems()).as("problems").noneMatch(p -> p.message().contains("cannot be read"));
    }

    /** A deliberately simple read: DOM, namespace-aware, DOCTYPE disallowed, stray ampersands escaped. */
    private static Map<String, Expected> domRead(Path feed) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // One real feed holds "&gtgt;", which no XML parser accepts and every podcast app reads as text.
        String text = Files.readString(feed).stripLeading()
                .replaceAll("&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)", "&amp;");
        Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
        Element channel = child(doc.getDocumentElement(), "channel");
        Map<String, Expected> out = new LinkedHashMap<>();
        for (Node n = channel.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element item) || !"item".equals(item.getLocalName()) || item.getNamespaceURI() != null) {
                continue;
            }
            Element enclosure = child(item, "enclosure");
            Element guid = child(item, "guid");
            if (enclosure == null || enclosure.getAttribute("url").isBlank() || guid == null) {
                continue;
            }
            Element duration = itunes(item, "duration");
            out.putIfAbsent(guid.getTextContent().strip(), new Expected(
                    guid.getTextContent().strip(),
                    child(item, "title").getTextContent().strip().replaceAll("\\s+", " "),
                    ZonedDateTime.parse(child(item, "pubDate").getTextContent().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
                    enclosure.getAttribute("url").strip(),
                    duration == null ? null : seconds(duration.getTextContent().strip()) * 1000));
        }
        return out;
    }

    private static Long seconds(String clock) {
        long total = 0;
        for (String part : clock.split(":")) {
            total = total * 60 + Long.parseLong(part);
        }
        return total;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && e.getNamespaceURI() == null) {
                return e;
            }
        }
        return null;
    }

    private static Element itunes(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ITUNES.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }
}
