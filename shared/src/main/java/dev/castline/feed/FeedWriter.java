package dev.castline.feed;

import dev.castline.domain.Chapter;
import dev.castline.domain.TranscriptFormat;
import dev.castline.api.Paths;
import dev.castline.domain.Episode;
import dev.castline.domain.MediaKey;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.License;
import dev.castline.domain.Location;
import dev.castline.domain.RemoteItem;
import dev.castline.domain.SocialInteract;
import dev.castline.domain.Soundbite;
import dev.castline.domain.TxtRecord;
import dev.castline.domain.UpdateFrequency;
import dev.castline.domain.Show;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Writes the podcast feed (RSS 2.0 with the iTunes, Podcasting 2.0, Podlove Simple Chapters,
 * content and Atom namespaces) as a stream, straight into the response buffer: no DOM, no
 * intermediate strings per item. {@link XmlOut} keeps it well-formed whatever the data. What
 * each element means is in docs/feed-rules.md.
 */
public final class FeedWriter {
    public static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static final String PODCAST = "https://podcastindex.org/namespace/1.0";
    public static final String PSC = "http://podlove.org/simple-chapters";
    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

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

    /** At most this many {@code podcast:trailer}s, the newest: apps play the newest one. */
    public static final int MAX_TRAILERS = 10;

    private final String mediaBaseUrl;

    /** @param mediaBaseUrl where audio keys are served from, without a trailing slash */
    public FeedWriter(String mediaBaseUrl) {
        this.mediaBaseUrl = mediaBaseUrl;
    }

    /**
     * A feed whose channel's trailers are the trailers among {@code items}: right when the page
     * holds every episode; a paged feed names them with {@link #write(Show, List, List, Page, Instant, OutputStream)}.
     *
     * @param items         this page's episodes, newest first; each must have audio
     * @param lastBuildDate when the feed's data last changed
     */
    public void write(Show show, List<Episode> items, Page page, Instant lastBuildDate, OutputStream out) {
        write(show, trailers(items), items, page, lastBuildDate, out);
    }

    /**
     * @param trailers      the show's public trailer episodes, newest first (see {@link #trailers}): the channel's {@code podcast:trailer}s
     * @param items         this page's episodes, newest first; each must have audio
     * @param lastBuildDate when the feed's data last changed
     */
    public void write(Show show, List<Episode> trailers, List<Episode> items, Page page, Instant lastBuildDate, OutputStream out) {
        XmlOut xml = new XmlOut(out);
        document(xml, show, trailers, items, page, lastBuildDate);
        xml.flush();
    }

    /** {@link #render(Show, List, List, Page, Instant)} with the trailers among {@code items}. */
    public byte[] render(Show show, List<Episode> items, Page page, Instant lastBuildDate) {
        return render(show, trailers(items), items, page, lastBuildDate);
    }

    /**
     * The feed as one byte array: written straight into the array that becomes the response body,
     * sized from the item count, with no stream or second buffer in between.
     */
    public byte[] render(Show show, List<Episode> trailers, List<Episode> items, Page page, Instant lastBuildDate) {
        XmlOut xml = new XmlOut(8 * 1024 + items.size() * 6 * 1024);
        document(xml, show, trailers, items, page, lastBuildDate);
        return xml.toBytes();
    }

    /**
     * The episodes of type trailer among {@code episodes} (public, with audio, newest first): the
     * newest {@value #MAX_TRAILERS}, each a {@code podcast:trailer} of the channel on every page.
     */
    public static List<Episode> trailers(List<Episode> episodes) {
        return episodes.stream().filter(e -> e.episodeType() == EpisodeType.TRAILER && e.audio() != null)
                .limit(MAX_TRAILERS).toList();
    }

    private void document(XmlOut xml, Show show, List<Episode> trailers, List<Episode> items, Page page, Instant lastBuildDate) {
        xml.declaration();
        xml.start("rss").attribute("version", "2.0")
                .attribute("xmlns:itunes", ITUNES)
                .attribute("xmlns:podcast", PODCAST)
                .attribute("xmlns:psc", PSC)
                .attribute("xmlns:atom", ATOM)
                .attribute("xmlns:content", CONTENT)
                .endStart();
        xml.open("channel");
        channel(xml, show, page, lastBuildDate);
        for (Episode trailer : trailers) {
            trailer(xml, trailer);
        }
        Links links = new Links(show);
        for (Episode episode : items) {
            item(xml, links, episode);
        }
        xml.close("channel").close("rss");
    }

    /** The size in bytes of the largest item, each written alone: the feed's pager sizes pages by it. */
    long largestItemBytes(Show show, List<Episode> episodes) {
        CountingStream counter = new CountingStream();
        XmlOut xml = new XmlOut(counter);
        Links links = new Links(show);
        long largest = 0;
        for (Episode episode : episodes) {
            long before = counter.count;
            item(xml, links, episode);
            xml.flush();
            largest = Math.max(largest, counter.count - before);
        }
        return largest;
    }

    /** The size in bytes of a whole document, written only to be counted. */
    long documentBytes(Show show, List<Episode> trailers, List<Episode> items, Page page, Instant lastBuildDate) {
        CountingStream counter = new CountingStream();
        write(show, trailers, items, page, lastBuildDate, counter);
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static void channel(XmlOut xml, Show show, Page page, Instant lastBuildDate) {
        xml.element("title", show.title())
                .element("link", show.siteBaseUrl())
                .element("description", asHtml(show.description()))
                .element("language", show.language())
                .element("copyright", show.copyright());
        if (lastBuildDate != null) {
            xml.element("lastBuildDate", rfc2822(lastBuildDate));
        }
        xml.element("generator", "Castline");
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
        xml.element("itunes:author", show.author());
        xml.start("itunes:image").attribute("href", show.artworkUrl()).endEmpty();
        xml.start("itunes:category").attribute("text", show.appleCategory());
        if (show.appleSubcategory() != null) {
            xml.endStart().start("itunes:category").attribute("text", show.appleSubcategory()).endEmpty().close("itunes:category");
        } else {
            xml.endEmpty();
        }
        xml.element("itunes:explicit", Boolean.toString(show.explicit()))
                .element("itunes:type", show.serial() ? "serial" : "episodic");
        xml.open("itunes:owner")
                .element("itunes:name", show.ownerName())
                .element("itunes:email", show.ownerEmail())
                .close("itunes:owner");
        xml.element("podcast:guid", show.podcastGuid());
        xml.start("podcast:locked").attribute("owner", show.ownerEmail()).endStart()
                .text(show.locked() ? "yes" : "no").close("podcast:locked");
        if (show.fundingUrl() != null) {
            xml.start("podcast:funding").attribute("url", show.fundingUrl()).endStart()
                    .text(show.fundingText() == null ? "Support the show" : show.fundingText()).close("podcast:funding");
        }
        xml.start("podcast:person").attribute("role", "host").endStart().text(show.author()).close("podcast:person");
        xml.element("podcast:medium", "podcast");
        // Apple: "Yes" is the only value that does anything, so the tags are written only when set.
        if (show.block()) {
            xml.element("itunes:block", "Yes");
        }
        if (show.complete()) {
            xml.element("itunes:complete", "Yes");
        }
        if (show.newFeedUrl() != null) {
            xml.element("itunes:new-feed-url", show.newFeedUrl());
        }
        if (show.license() != null) {
            license(xml, show.license());
        }
        Location location = show.location();
        if (location != null) {
            xml.start("podcast:location");
            if (location.geo() != null) {
                xml.attribute("geo", location.geo());
            }
            if (location.osm() != null) {
                xml.attribute("osm", location.osm());
            }
            xml.endStart().text(location.name()).close("podcast:location");
        }
        for (TxtRecord txt : show.txt()) {
            xml.start("podcast:txt");
            if (txt.purpose() != null) {
                xml.attribute("purpose", txt.purpose());
            }
            xml.endStart().text(txt.value()).close("podcast:txt");
        }
        UpdateFrequency frequency = show.updateFrequency();
        if (frequency != null) {
            xml.start("podcast:updateFrequency");
            if (frequency.complete()) {
                xml.attribute("complete", "true");
            }
            if (frequency.dtstart() != null) {
                xml.attribute("dtstart", frequency.dtstart());
            }
            if (frequency.rrule() != null) {
                xml.attribute("rrule", frequency.rrule());
            }
            xml.endStart().text(frequency.text()).close("podcast:updateFrequency");
        }
        if (!show.podroll().isEmpty()) {
            xml.open("podcast:podroll");
            for (RemoteItem r : show.podroll()) {
                xml.start("podcast:remoteItem").attribute("feedGuid", r.feedGuid());
                if (r.feedUrl() != null) {
                    xml.attribute("feedUrl", r.feedUrl());
                }
                if (r.title() != null) {
                    xml.attribute("title", r.title());
                }
                xml.endEmpty();
            }
            xml.close("podcast:podroll");
        }
    }

    /** A trailer episode as the channel's {@code podcast:trailer}: its enclosure, publish date and title. */
    private void trailer(XmlOut xml, Episode e) {
        xml.start("podcast:trailer")
                .attribute("url", e.audio().url(mediaBaseUrl))
                .attribute("pubdate", rfc2822(e.publishAt()))
                .attribute("length", Long.toString(e.audio().bytes()))
                .attribute("type", e.audio().contentType());
        if (e.season() != null) {
            xml.attribute("season", e.season().toString());
        }
        xml.endStart().text(e.title()).close("podcast:trailer");
    }

    private static void license(XmlOut xml, License license) {
        xml.start("podcast:license");
        if (license.url() != null) {
            xml.attribute("url", license.url());
        }
        xml.endStart().text(license.identifier()).close("podcast:license");
    }

    private void item(XmlOut xml, Links links, Episode e) {
        xml.open("item");
        xml.element("title", e.title())
                .element("link", links.episodePage(e))
                .element("description", asHtml(e.summary()));
        if (e.showNotesHtml() != null && !e.showNotesHtml().isEmpty()) {
            xml.open("content:encoded").cdata(e.showNotesHtml()).close("content:encoded");
        }
        xml.start("guid").attribute("isPermaLink", "false").endStart().text(e.guid()).close("guid");
        xml.element("pubDate", rfc2822(e.publishAt()));
        xml.start("enclosure")
                .attribute("url", e.audio().url(mediaBaseUrl))
                .attribute("length", Long.toString(e.audio().bytes()))
                .attribute("type", e.audio().contentType())
                .endEmpty();
        xml.element("itunes:duration", Long.toString(e.audio().durationSeconds()))
                .element("itunes:episodeType", e.episodeType().wireName());
        if (e.season() != null) {
            xml.element("itunes:season", e.season().toString());
        }
        if (e.episodeNumber() != null) {
            xml.element("itunes:episode", e.episodeNumber().toString());
        }
        xml.element("itunes:explicit", Boolean.toString(e.explicit()));
        if (e.season() != null) {
            xml.element("podcast:season", e.season().toString());
        }
        if (e.episodeNumber() != null) {
            xml.element("podcast:episode", e.episodeNumber().toString());
        }
        if (!e.chapters().isEmpty()) {
            xml.start("podcast:chapters").attribute("url", links.chapters(e))
                    .attribute("type", "application/json+chapters").endEmpty();
            xml.start("psc:chapters").attribute("version", "1.2").endStart();
            for (Chapter c : e.chapters()) {
                xml.start("psc:chapter").attribute("start", normalPlayTime(c.startMillis())).attribute("title", c.title());
                if (c.url() != null) {
                    xml.attribute("href", c.url());
                }
                xml.endEmpty();
            }
            xml.close("psc:chapters");
        }
        if (e.transcript() != null) {
            // One per format; the VTT is also the captions players may show (rel="captions").
            for (TranscriptFormat format : TranscriptFormat.values()) {
                xml.start("podcast:transcript").attribute("url", links.transcript(e, format)).attribute("type", format.contentType())
                        .attribute("language", e.transcript().language());
                if (format == TranscriptFormat.VTT) {
                    xml.attribute("rel", "captions");
                }
                xml.endEmpty();
            }
        }
        for (Soundbite b : e.soundbites()) {
            // A bite past the end of the audio (shorter audio attached since) has nothing to play.
            if (b.startMillis() + b.durationMillis() > e.audio().durationMillis()) {
                continue;
            }
            xml.start("podcast:soundbite").attribute("startTime", ChaptersJson.seconds(b.startMillis()).toPlainString())
                    .attribute("duration", ChaptersJson.seconds(b.durationMillis()).toPlainString());
            if (b.title() != null) {
                xml.endStart().text(b.title()).close("podcast:soundbite");
            } else {
                xml.endEmpty();
            }
        }
        for (SocialInteract s : e.socialInteracts()) {
            xml.start("podcast:socialInteract").attribute("protocol", s.protocol());
            if (s.uri() != null) {
                xml.attribute("uri", s.uri());
            }
            if (s.accountId() != null) {
                xml.attribute("accountId", s.accountId());
            }
            if (s.accountUrl() != null) {
                xml.attribute("accountUrl", s.accountUrl());
            }
            if (s.priority() != null) {
                xml.attribute("priority", s.priority().toString());
            }
            xml.endEmpty();
        }
        if (e.license() != null) {
            license(xml, e.license());
        }
        for (Guest g : e.guests()) {
            xml.start("podcast:person").attribute("role", g.role().toLowerCase(Locale.ROOT));
            if (g.website() != null) {
                xml.attribute("href", g.website());
            }
            if (g.avatarUrl() != null) {
                xml.attribute("img", g.avatarUrl());
            }
            xml.endStart().text(g.name()).close("podcast:person");
        }
        xml.close("item");
    }

    /** The URLs an item links to, with their bases worked out once per feed rather than per item. */
    private static final class Links {
        private final String episodeBase;
        private final String chaptersBase;

        Links(Show show) {
            String site = show.siteBaseUrl();
            this.episodeBase = (site.endsWith("/") ? site.substring(0, site.length() - 1) : site) + Paths.EPISODES;
            // The chapters JSON sits beside the feed: {feed's folder}/episodes/{slug}/chapters.json.
            this.chaptersBase = URI.create(show.feedUrl()).resolve(Paths.EPISODES.substring(1)).toString();
        }

        String episodePage(Episode e) {
            return episodeBase + e.slug();
        }

        String chapters(Episode e) {
            return chaptersBase + e.slug() + "/" + Paths.CHAPTERS_FILE;
        }

        /** Beside the chapters: {feed's folder}/episodes/{slug}/transcript.{vtt|srt|json}. */
        String transcript(Episode e, TranscriptFormat format) {
            return chaptersBase + e.slug() + "/" + Paths.TRANSCRIPT_FILE + format.extension();
        }
    }

    /**
     * Plain text as the HTML that readers take a {@code description} to be: {@code <}, {@code >},
     * {@code &} and quotes become character references, so no text a host typed can ever become
     * markup in an app that renders descriptions as HTML. (The XML writer then escapes the result
     * once more, as it does any text.)
     */
    static String asHtml(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    public static String pageUrl(Show show, int page) {
        return pageUrl(show.feedUrl(), page);
    }

    /** The URL of page {@code page} of the feed at {@code feedUrl}: page 1 is the feed itself. */
    public static String pageUrl(String feedUrl, int page) {
        return page == 1 ? feedUrl : feedUrl + (feedUrl.contains("?") ? "&" : "?") + "page=" + page;
    }

    /** Normal Play Time as Podlove wants it: {@code 7:48}, {@code 1:35:52}, {@code 35:12.250}. */
    static String normalPlayTime(long millis) {
        long seconds = millis / 1000;
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        // Built by hand: String.format costs a microsecond per call, thousands of times per feed.
        StringBuilder npt = new StringBuilder(12);
        if (h > 0) {
            npt.append(h).append(':');
            twoDigits(npt, m);
        } else {
            npt.append(m);
        }
        npt.append(':');
        twoDigits(npt, s);
        long fraction = millis % 1000;
        if (fraction != 0) {
            npt.append('.');
            if (fraction < 100) {
                npt.append('0');
            }
            if (fraction < 10) {
                npt.append('0');
            }
            npt.append(fraction);
        }
        return npt.toString();
    }

    /**
     * RFC 2822 dates, as RSS wants them, with a two-digit day as in Apple's examples:
     * {@code Sat, 15 Jun 2019 19:00:00 GMT}. Formatted by hand, not by a DateTimeFormatter: it runs
     * once per item of every feed, and the pattern would be parsed at every cold start.
     */
    static String rfc2822(Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(29);
        out.append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(out, t.getDayOfMonth());
        out.append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ').append(t.getYear()).append(' ');
        twoDigits(out, t.getHour());
        out.append(':');
        twoDigits(out, t.getMinute());
        out.append(':');
        twoDigits(out, t.getSecond());
        return out.append(" GMT").toString();
    }

    private static void twoDigits(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }

    private static void atomLink(XmlOut xml, String rel, String href) {
        xml.start("atom:link").attribute("href", href).attribute("rel", rel).attribute("type", "application/rss+xml").endEmpty();
    }
}
