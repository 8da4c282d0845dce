package dev.castline.feedimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: read a fixture or a string through the reader and keep everything it gave. */
final class Feeds {
    record Read(ImportedShow show, List<ImportedItem> items, List<ImportProblem> problems, int itemsInFeed) {
        ImportedItem item(String guid) {
            return items.stream().filter(i -> i.guid().equals(guid)).findFirst().orElseThrow(() -> new AssertionError("no item " + guid));
        }

        List<String> problemsOf(int index) {
            return problems.stream().filter(p -> p.itemIndex() == index).map(ImportProblem::message).toList();
        }

        List<String> channelProblems() {
            return problems.stream().filter(ImportProblem::isChannel).map(ImportProblem::message).toList();
        }
    }

    private Feeds() {
    }

    static Read fixture(String name, String feedUrl) {
        try (InputStream in = Feeds.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name);
            }
            return read(in, feedUrl == null ? null : URI.create(feedUrl), new FeedReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read string(String xml) {
        return bytes(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Read bytes(byte[] xml) {
        return read(new ByteArrayInputStream(xml), URI.create("https://feeds.example/show.xml"), new FeedReader());
    }

    static Read read(InputStream in, URI feedUrl, FeedReader reader) {
        List<ImportedItem> items = new ArrayList<>();
        FeedSummary summary = reader.read(in, feedUrl, items::add);
        return new Read(summary.show(), items, summary.problems(), summary.itemsInFeed());
    }

    /** A minimal feed around the given channel fields and items. */
    static String rss(String channelAndItems) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">\n<channel>\n<title>T</title>\n"
                + channelAndItems + "\n</channel>\n</rss>\n";
    }

    static String item(String guid, String inner) {
        return "<item><guid>" + guid + "</guid><title>Item " + guid + "</title><pubDate>Tue, 05 Mar 2019 10:00:00 GMT</pubDate>"
                + "<enclosure url=\"https://media.example/" + guid + ".mp3\" length=\"1\" type=\"audio/mpeg\"/>" + inner + "</item>";
    }
}
