package dev.castline.feed;

import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.Guest;
import dev.castline.domain.Show;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the podcast feed (RSS 2.0 with the iTunes, Podcasting 2.0, Podlove Simple Chapters,
 * content and Atom namespaces) as a stream, straight into the response buffer: no DOM, no
 * intermediate strings per item. Every text goes through {@link XmlText#clean}, so the output is
 * well-formed whatever the data. What each element means is in FEED-RULES.md.
 */
public final class FeedWriter {
    public static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static final String PODCAST = "https://podcastindex.org/namespace/1.0";
    public static final String PSC = "http://podlove.org/simple-chapters";
    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    /**
     * RFC 2822 dates, as RSS wants them, with a two-digit day as in Apple's examples:
     * {@code Sat, 15 Jun 2019 19:00:00 GMT}. English names whatever the JVM's locale.
     */
    static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /**
     * Which page of the feed is written (RFC 5005 paging), 1 being the newest.
     *
     * @param count how many pages there are
     */
    public record Page(int number, int count) {
        public static final Page ONLY = new Page(1, 1);

        public boolean isPaged() {
            return count > 1;
        }
    }

    private final String mediaBaseUrl;

    /** @param mediaBaseUrl where audio keys are served from, without a trailing slash */
    public FeedWriter(String mediaBaseUrl) {
        this.mediaBaseUrl = mediaBaseUrl;
    }

    /**
     * @param items         this page's episodes, newest first; each must have audio
     * @param lastBuildDate when the feed's data last changed
     */
    public void write(Show show, List<Episode> items, Page page, Instant lastBuildDate, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("itunes", ITUNES);
        xml.writeNamespace("podcast", PODCAST);
        xml.writeNamespace("psc", PSC);
        xml.writeNamespace("atom", ATOM);
        xml.writeNamespace("content", CONTENT);
        xml.writeStartElement("channel");
        channel(xml, show, page, lastBuildDate);
        for (Episode episode : items) {
            item(xml, show, episode);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    /** Writes one item alone (not a document): the feed's pager uses it to measure items. */
    void writeItemFragment(Show show, Episode episode, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        item(xml, show, episode);
        xml.flush();
        xml.close();
    }

    private void channel(XMLStreamWriter xml, Show show, Page page, Instant lastBuildDate) throws XMLStreamException {
        text(xml, "title", show.title());
        text(xml, "link", show.siteBaseUrl());
        text(xml, "description", show.description());
        text(xml, "language", show.language());
        text(xml, "copyright", show.copyright());
        if (lastBuildDate != null) {
            text(xml, "lastBuildDate", RFC_2822.format(lastBuildDate));
        }
        text(xml, "generator", "Castline");
        atomLink(xml, "self", pageUrl(show, page.number()));
        if (page.isPaged()) {
            atomLink(xml, "first", pageUrl(show, 1));
            if (page.number() > 1) {
                atomLink(xml, "previous", pageUrl(show, page.number() - 1));
            }
            if (page.number() < page.count()) {
                atomLink(xml, "next", pageUrl(show, page.number() + 1));
            }
            atomLink(xml, "last", pageUrl(show, page.count()));
        }
        text(xml, ITUNES, "itunes", "author", show.author());
        emptyWithAttribute(xml, ITUNES, "itunes", "image", "href", show.artworkUrl());
        xml.writeStartElement("itunes", "category", ITUNES);
        xml.writeAttribute("text", XmlText.clean(show.appleCategory()));
        if (show.appleSubcategory() != null) {
            emptyWithAttribute(xml, ITUNES, "itunes", "category", "text", show.appleSubcategory());
        }
        xml.writeEndElement();
        text(xml, ITUNES, "itunes", "explicit", Boolean.toString(show.explicit()));
        text(xml, ITUNES, "itunes", "type", show.serial() ? "serial" : "episodic");
        xml.writeStartElement("itunes", "owner", ITUNES);
        text(xml, ITUNES, "itunes", "name", show.ownerName());
        text(xml, ITUNES, "itunes", "email", show.ownerEmail());
        xml.writeEndElement();
        text(xml, PODCAST, "podcast", "guid", show.podcastGuid());
        xml.writeStartElement("podcast", "locked", PODCAST);
        xml.writeAttribute("owner", XmlText.clean(show.ownerEmail()));
        xml.writeCharacters(show.locked() ? "yes" : "no");
        xml.writeEndElement();
        if (show.fundingUrl() != null) {
            xml.writeStartElement("podcast", "funding", PODCAST);
            xml.writeAttribute("url", XmlText.clean(show.fundingUrl()));
            xml.writeCharacters(XmlText.clean(show.fundingText() == null ? "Support the show" : show.fundingText()));
            xml.writeEndElement();
        }
        xml.writeStartElement("podcast", "person", PODCAST);
        xml.writeAttribute("role", "host");
        xml.writeCharacters(XmlText.clean(show.author()));
        xml.writeEndElement();
        text(xml, PODCAST, "podcast", "medium", "podcast");
    }

    private void item(XMLStreamWriter xml, Show show, Episode e) throws XMLStreamException {
        xml.writeStartElement("item");
        text(xml, "title", e.title());
        text(xml, "link", trimSlash(show.siteBaseUrl()) + "/episodes/" + e.slug());
        text(xml, "description", e.summary());
        if (e.showNotesHtml() != null && !e.showNotesHtml().isEmpty()) {
            xml.writeStartElement("content", "encoded", CONTENT);
            cdata(xml, e.showNotesHtml());
            xml.writeEndElement();
        }
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(XmlText.clean(e.guid()));
        xml.writeEndElement();
        text(xml, "pubDate", RFC_2822.format(e.publishAt()));
        xml.writeEmptyElement("enclosure");
        xml.writeAttribute("url", XmlText.clean(mediaBaseUrl + "/" + e.audio().key()));
        xml.writeAttribute("length", Long.toString(e.audio().bytes()));
        xml.writeAttribute("type", e.audio().contentType());
        text(xml, ITUNES, "itunes", "duration", Long.toString(e.audio().durationSeconds()));
        text(xml, ITUNES, "itunes", "episodeType", e.episodeType().wireName());
        if (e.season() != null) {
            text(xml, ITUNES, "itunes", "season", e.season().toString());
        }
        if (e.episodeNumber() != null) {
            text(xml, ITUNES, "itunes", "episode", e.episodeNumber().toString());
        }
        text(xml, ITUNES, "itunes", "explicit", Boolean.toString(e.explicit()));
        if (e.season() != null) {
            text(xml, PODCAST, "podcast", "season", e.season().toString());
        }
        if (e.episodeNumber() != null) {
            text(xml, PODCAST, "podcast", "episode", e.episodeNumber().toString());
        }
        if (!e.chapters().isEmpty()) {
            xml.writeEmptyElement("podcast", "chapters", PODCAST);
            xml.writeAttribute("url", XmlText.clean(chaptersUrl(show, e)));
            xml.writeAttribute("type", "application/json+chapters");
            xml.writeStartElement("psc", "chapters", PSC);
            xml.writeAttribute("version", "1.2");
            for (Chapter c : e.chapters()) {
                xml.writeEmptyElement("psc", "chapter", PSC);
                xml.writeAttribute("start", normalPlayTime(c.startMillis()));
                xml.writeAttribute("title", XmlText.clean(c.title()));
                if (c.url() != null) {
                    xml.writeAttribute("href", XmlText.clean(c.url()));
                }
            }
            xml.writeEndElement();
        }
        for (Guest g : e.guests()) {
            xml.writeStartElement("podcast", "person", PODCAST);
            xml.writeAttribute("role", XmlText.clean(g.role().toLowerCase(java.util.Locale.ROOT)));
            if (g.website() != null) {
                xml.writeAttribute("href", XmlText.clean(g.website()));
            }
            if (g.avatarUrl() != null) {
                xml.writeAttribute("img", XmlText.clean(g.avatarUrl()));
            }
            xml.writeCharacters(XmlText.clean(g.name()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The chapters JSON sits beside the feed: {@code <feed's folder>/episodes/{slug}/chapters.json}. */
    public static String chaptersUrl(Show show, Episode e) {
        return URI.create(show.feedUrl()).resolve("episodes/" + e.slug() + "/chapters.json").toString();
    }

    public static String pageUrl(Show show, int page) {
        return page == 1 ? show.feedUrl() : show.feedUrl() + (show.feedUrl().contains("?") ? "&" : "?") + "page=" + page;
    }

    /** Normal Play Time as Podlove wants it: {@code 7:48}, {@code 1:35:52}, {@code 35:12.250}. */
    static String normalPlayTime(long millis) {
        long seconds = millis / 1000;
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        String clock = h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
        long fraction = millis % 1000;
        return fraction == 0 ? clock : clock + String.format(Locale.ROOT, ".%03d", fraction);
    }

    /** CDATA cannot hold "]]>": split there, so the sequence spans two sections. */
    private static void cdata(XMLStreamWriter xml, String raw) throws XMLStreamException {
        String data = XmlText.clean(raw);
        int end;
        while ((end = data.indexOf("]]>")) >= 0) {
            xml.writeCData(data.substring(0, end + 2));
            data = data.substring(end + 2);
        }
        xml.writeCData(data);
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(XmlText.clean(value));
            xml.writeEndElement();
        }
    }

    private static void text(XMLStreamWriter xml, String ns, String prefix, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement(prefix, name, ns);
            xml.writeCharacters(XmlText.clean(value));
            xml.writeEndElement();
        }
    }

    private static void emptyWithAttribute(XMLStreamWriter xml, String ns, String prefix, String name, String attribute, String value)
            throws XMLStreamException {
        xml.writeEmptyElement(prefix, name, ns);
        xml.writeAttribute(attribute, XmlText.clean(value));
    }

    private static void atomLink(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("atom", "link", ATOM);
        xml.writeAttribute("href", XmlText.clean(href));
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", "application/rss+xml");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
