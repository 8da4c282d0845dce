package dev.castline.feedimport;

import dev.castline.feedimport.XmlWalker.El;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * An open feed, read one item at a time: only the current item and the channel's fields are held,
 * never the document. Opening reads the channel up to its first {@code <item>}, so {@link #show()}
 * already holds the settings (and {@code podcast:locked}) before any item is read; channel fields
 * written after the items are added as they are met.
 *
 * <p>{@link #hasNext()} and {@link #next()} deliver only importable items: those with a guid and an
 * enclosure with a usable URL, whose guid was not delivered before. Every other item is skipped and
 * said so in {@link #problems()}, as is every value that was present but unreadable. A feed that
 * cannot be read at all throws {@link FeedImportException} from {@code open}, {@code hasNext} or
 * {@code next}; items delivered before that stay valid, so a careful caller reads the whole feed
 * once (a dry run) before writing anything.
 *
 * <p>Not thread-safe; close it (try-with-resources) to release the input.
 */
public final class FeedCursor implements Iterator<ImportedItem>, AutoCloseable {
    private static final int MAX_SUMMARY_BYTES = 4000;

    private final XmlWalker xml;
    private final FeedLimits limits;
    private final MissingGuid missingGuid;
    private final URI feedUrl;
    private final List<ImportProblem> problems;
    private final Map<String, Integer> delivered = new HashMap<>();
    private final Channel channel = new Channel();
    private int itemIndex = -1;
    private ImportedItem next;
    private boolean done;

    FeedCursor(XmlWalker xml, FeedLimits limits, MissingGuid missingGuid, URI feedUrl, List<ImportProblem> problems) {
        this.xml = xml;
        this.limits = limits;
        this.missingGuid = missingGuid;
        this.feedUrl = feedUrl;
        this.problems = problems;
        try {
            enterChannel();
            advance();
        } catch (RuntimeException e) {
            xml.close();
            throw e;
        }
    }

    /** The channel as read so far (all of it once {@link #hasNext()} has returned false). */
    public ImportedShow show() {
        URI base = base();
        return new ImportedShow(
                HtmlToMarkdown.line(channel.title),
                HtmlToMarkdown.line(channel.author),
                HtmlToMarkdown.plainText(channel.description != null ? channel.description : channel.summary),
                channel.language,
                Urls.resolve(channel.itunesImage != null ? channel.itunesImage : channel.imageUrl, base),
                channel.categories,
                channel.explicit,
                channel.ownerName == null && channel.ownerEmail == null ? null
                        : new ImportedShow.Owner(HtmlToMarkdown.line(channel.ownerName), channel.ownerEmail),
                HtmlToMarkdown.line(channel.copyright),
                channel.funding.stream()
                        .map(f -> new ImportedShow.Funding(Urls.resolve(f.url(), base), f.text()))
                        .filter(f -> f.url() != null).toList(),
                channel.persons.stream().map(p -> person(p, base)).toList(),
                channel.locked,
                Urls.resolve(channel.newFeedUrl, null),
                Urls.resolve(channel.link, feedUrl),
                Urls.resolve(channel.selfUrl, feedUrl),
                Urls.resolve(channel.nextUrl, base),
                channel.podcastGuid,
                channel.serial);
    }

    /** What was skipped, repaired or unreadable so far, in feed order. */
    public List<ImportProblem> problems() {
        return List.copyOf(problems);
    }

    /** How many {@code <item>} elements have been read so far, delivered or not. */
    public int itemsRead() {
        return itemIndex + 1;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                advance();
            } catch (RuntimeException e) {
                done = true;
                throw e;
            }
        }
        return next != null;
    }

    @Override
    public ImportedItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportedItem item = next;
        next = null;
        return item;
    }

    @Override
    public void close() {
        done = true;
        xml.close();
    }

    // ---- channel

    private void enterChannel() {
        El root = xml.root();
        if (!root.name().equals("rss")) {
            throw new FeedImportException(switch (root.name()) {
                case "feed" -> "This is an Atom feed, not RSS: podcast feeds are RSS 2.0";
                case "RDF" -> "This is an RSS 1.0 (RDF) feed: podcast feeds are RSS 2.0";
                case "html" -> "This is a web page, not a feed: look for the page's RSS link";
                default -> "The root element is <" + root.name() + ">, not <rss>: this is not a podcast feed";
            });
        }
        El child;
        while ((child = xml.nextChild()) != null) {
            if (child.is(Ns.RSS, "channel")) {
                return;
            }
            xml.skip();
        }
        throw new FeedImportException("The feed has no <channel>");
    }

    /** Reads on to the next importable item, or to the channel's end. */
    private void advance() {
        El child;
        while (!done && (child = xml.nextChild()) != null) {
            if (child.is(Ns.RSS, "item")) {
                itemIndex++;
                if (itemIndex >= limits.maxItems()) {
                    throw new FeedImportException("The feed has more than " + limits.maxItems() + " items, the import's limit");
                }
                ImportedItem item = item();
                if (item != null) {
                    next = item;
                    return;
                }
            } else {
                channelField(child);
            }
        }
        done = true;
    }

    private void channelField(El el) {
        Channel c = channel;
        switch (el.ns()) {
            case RSS -> {
                switch (el.name()) {
                    case "title" -> c.title = first(c.title, xml.text(false));
                    case "link" -> c.link = first(c.link, xml.text(false).strip());
                    case "description" -> c.description = first(c.description, xml.text(true));
                    case "language" -> c.language = first(c.language, blankToNull(xml.text(false)));
                    case "copyright" -> c.copyright = first(c.copyright, xml.text(false));
                    case "image" -> {
                        El sub;
                        while ((sub = xml.nextChild()) != null) {
                            if (sub.is(Ns.RSS, "url")) {
                                c.imageUrl = first(c.imageUrl, xml.text(false).strip());
                            } else {
                                xml.skip();
                            }
                        }
                    }
                    default -> xml.skip();
                }
            }
            case ITUNES -> {
                switch (el.name()) {
                    case "author" -> c.author = first(c.author, xml.text(false));
                    case "summary" -> c.summary = first(c.summary, xml.text(true));
                    case "explicit" -> c.explicit = explicit(xml.text(false), ImportProblem.CHANNEL, null);
                    case "image" -> {
                        c.itunesImage = first(c.itunesImage, el.attr("href"));
                        xml.skip();
                    }
                    case "category" -> category(el);
                    case "owner" -> {
                        El sub;
                        while ((sub = xml.nextChild()) != null) {
                            if (sub.is(Ns.ITUNES, "name")) {
                                c.ownerName = first(c.ownerName, xml.text(false));
                            } else if (sub.is(Ns.ITUNES, "email")) {
                                c.ownerEmail = first(c.ownerEmail, blankToNull(xml.text(false)));
                            } else {
                                xml.skip();
                            }
                        }
                    }
                    case "new-feed-url" -> c.newFeedUrl = first(c.newFeedUrl, xml.text(false).strip());
                    case "type" -> {
                        String type = HtmlToMarkdown.lower(xml.text(false));
                        c.serial = switch (type) {
                            case "serial" -> true;
                            case "episodic" -> false;
                            default -> {
                                problem(ImportProblem.CHANNEL, null, "itunes:type \"" + type + "\" is neither episodic nor serial: ignored");
                                yield null;
                            }
                        };
                    }
                    default -> xml.skip();
                }
            }
            case ATOM -> {
                if (el.name().equals("link")) {
                    String rel = el.attr("rel") == null ? "alternate" : el.attr("rel").toLowerCase(Locale.ROOT);
                    if (rel.equals("self")) {
                        c.selfUrl = first(c.selfUrl, el.attr("href"));
                    } else if (rel.equals("next")) {
                        c.nextUrl = first(c.nextUrl, el.attr("href"));
                    }
                }
                xml.skip();
            }
            case PODCAST -> {
                switch (el.name()) {
                    case "locked" -> {
                        String value = HtmlToMarkdown.lower(xml.text(false));
                        boolean locked = value.equals("yes") || value.equals("true");
                        if (!locked && !value.equals("no") && !value.equals("false")) {
                            problem(ImportProblem.CHANNEL, null, "podcast:locked \"" + value + "\" is neither yes nor no: read as no");
                        }
                        c.locked = new ImportedShow.Locked(locked, el.attr("owner"));
                    }
                    case "funding" -> {
                        String url = el.attr("url");
                        String text = HtmlToMarkdown.line(xml.text(false));
                        if (url != null) {
                            c.funding.add(new ImportedShow.Funding(url, text));
                        }
                    }
                    case "person" -> c.persons.add(rawPerson(el));
                    case "guid" -> c.podcastGuid = first(c.podcastGuid, blankToNull(xml.text(false)));
                    default -> xml.skip();
                }
            }
            default -> xml.skip();
        }
    }

    private void category(El el) {
        String name = HtmlToMarkdown.line(el.attr("text"));
        String sub = null;
        El child;
        while ((child = xml.nextChild()) != null) {
            if (sub == null && child.is(Ns.ITUNES, "category")) {
                sub = HtmlToMarkdown.line(child.attr("text"));
            }
            xml.skip();
        }
        if (name != null) {
            channel.categories.add(new ImportedShow.Category(name, sub));
        }
    }

    // ---- items

    /** Reads one item; null when it is skipped (the reason is in the problems). */
    private ImportedItem item() {
        Item it = new Item();
        El el;
        while ((el = xml.nextChild()) != null) {
            itemField(it, el);
        }
        int index = itemIndex;
        String guid = blankToNull(it.guid == null ? null : it.guid.strip());
        URI base = base();

        if (it.enclosureUrl == null && !it.hadEnclosure) {
            problem(index, guid, "no enclosure: skipped (nothing to play)");
            return null;
        }
        String enclosureUrl = Urls.resolve(it.enclosureUrl, base);
        if (enclosureUrl == null) {
            problem(index, guid, it.enclosureUrl == null ? "the enclosure has no url: skipped"
                    : "the enclosure URL \"" + it.enclosureUrl + "\" is not a usable http(s) URL"
                    + (base == null ? " (and the feed's own URL is unknown)" : "") + ": skipped");
            return null;
        }
        boolean permaLink = it.permaLink;
        if (guid == null) {
            if (missingGuid == MissingGuid.USE_ENCLOSURE_URL) {
                guid = enclosureUrl;
                permaLink = false;
                problem(index, null, "no guid: the enclosure URL is used as its guid, as asked");
            } else {
                problem(index, null, "no guid: skipped (a guid is never invented; the CLI can be asked to use the enclosure URL)");
                return null;
            }
        }
        Integer first = delivered.get(guid);
        if (first != null) {
            problem(index, guid, "duplicate guid: the same as item " + first + ": skipped");
            return null;
        }
        delivered.put(guid, index);

        Instant published = null;
        String date = blankToNull(it.pubDate != null ? it.pubDate : it.dcDate);
        if (date == null) {
            problem(index, guid, "no pubDate");
        } else {
            var parsed = FeedDates.parse(date);
            if (parsed.isEmpty()) {
                problem(index, guid, "pubDate \"" + date.strip() + "\" cannot be read");
            } else {
                published = parsed.get().instant();
                if (parsed.get().note() != null) {
                    problem(index, guid, "pubDate \"" + date.strip() + "\": " + parsed.get().note());
                }
            }
        }
        String title = HtmlToMarkdown.line(it.title != null ? it.title : it.itunesTitle);
        if (title == null) {
            problem(index, guid, "no title");
        }
        Long duration = null;
        if (it.duration != null && !it.duration.isBlank()) {
            OptionalLong ms = Durations.parseMillis(it.duration);
            if (ms.isPresent()) {
                duration = ms.getAsLong();
            } else {
                problem(index, guid, "itunes:duration \"" + it.duration.strip() + "\" cannot be read");
            }
        }
        Long length = null;
        if (it.enclosureLength != null) {
            String l = it.enclosureLength.strip();
            if (l.matches("\\d{1,18}")) {
                length = Long.parseLong(l);
            } else if (!l.isEmpty()) {
                problem(index, guid, "enclosure length \"" + l + "\" is not a number of bytes");
            }
        }
        String notesSource = it.contentEncoded != null && !it.contentEncoded.isBlank() ? it.contentEncoded
                : it.description != null && !it.description.isBlank() ? it.description : it.itunesSummary;
        String summarySource = it.itunesSummary != null && !it.itunesSummary.isBlank() ? it.itunesSummary
                : it.description != null && !it.description.isBlank() ? it.description : it.contentEncoded;
        Integer season = number(it.season, "itunes:season", index, guid);
        if (season == null) {
            season = number(it.podcastSeason, "podcast:season", index, guid);
        }
        Integer episode = number(it.episode, "itunes:episode", index, guid);
        if (episode == null) {
            episode = number(it.podcastEpisode, "podcast:episode", index, guid);
        }
        String type = null;
        if (it.episodeType != null) {
            type = HtmlToMarkdown.lower(it.episodeType);
            if (!type.equals("full") && !type.equals("trailer") && !type.equals("bonus")) {
                problem(index, guid, "itunes:episodeType \"" + type + "\" is not full, trailer or bonus: ignored");
                type = null;
            }
        }
        Boolean explicit = it.explicit == null ? null : explicit(it.explicit, index, guid);
        List<ImportedChapter> chapters = new ArrayList<>();
        for (String[] c : it.psc) {
            OptionalLong start = Durations.parseMillis(c[0]);
            if (start.isEmpty()) {
                problem(index, guid, "psc:chapter start \"" + c[0] + "\" cannot be read: chapter left out");
                continue;
            }
            chapters.add(new ImportedChapter(start.getAsLong(), HtmlToMarkdown.line(c[1]),
                    Urls.resolve(c[2], base), Urls.resolve(c[3], base), true));
        }
        chapters.sort(Comparator.comparingLong(ImportedChapter::startMillis));
        String chaptersUrl = null;
        if (it.chaptersUrl != null) {
            chaptersUrl = Urls.resolve(it.chaptersUrl, base);
            if (chaptersUrl == null) {
                problem(index, guid, "podcast:chapters url \"" + it.chaptersUrl + "\" is not a usable http(s) URL");
            }
        }
        List<ImportedTranscript> transcripts = new ArrayList<>();
        for (String[] t : it.transcripts) {
            String url = Urls.resolve(t[0], base);
            if (url == null) {
                problem(index, guid, "podcast:transcript url \"" + t[0] + "\" is not a usable http(s) URL");
            } else {
                transcripts.add(new ImportedTranscript(url, HtmlToMarkdown.lower(t[1]), blankToNull(t[2]), HtmlToMarkdown.lower(t[3])));
            }
        }
        return new ImportedItem(index, guid, permaLink, title, published,
                HtmlToMarkdown.markdown(notesSource, base),
                HtmlToMarkdown.truncateUtf8(HtmlToMarkdown.plainText(summarySource), MAX_SUMMARY_BYTES),
                season, episode, type, explicit,
                new ImportedEnclosure(enclosureUrl, it.enclosureType == null ? null : HtmlToMarkdown.lower(it.enclosureType), length),
                duration, chapters, chaptersUrl,
                it.persons.stream().map(p -> person(p, base)).filter(p -> p.name() != null).toList(),
                transcripts,
                Urls.resolve(it.link, base),
                Urls.resolve(it.image, base));
    }

    private void itemField(Item it, El el) {
        switch (el.ns()) {
            case RSS -> {
                switch (el.name()) {
                    case "guid" -> {
                        if (it.guid == null) {
                            it.permaLink = !"false".equalsIgnoreCase(el.attr("isPermaLink"));
                            it.guid = xml.text(false);
                        } else {
                            xml.skip();
                        }
                    }
                    case "title" -> it.title = first(it.title, xml.text(false));
                    case "link" -> it.link = first(it.link, xml.text(false).strip());
                    case "description" -> it.description = first(it.description, xml.text(true));
                    case "pubDate" -> it.pubDate = first(it.pubDate, xml.text(false));
                    case "enclosure" -> {
                        if (!it.hadEnclosure) {
                            it.hadEnclosure = true;
                            it.enclosureUrl = el.attr("url");
                            it.enclosureType = el.attr("type");
                            it.enclosureLength = el.attrs().get("length");
                        }
                        xml.skip();
                    }
                    default -> xml.skip();
                }
            }
            case ITUNES -> {
                switch (el.name()) {
                    case "title" -> it.itunesTitle = first(it.itunesTitle, xml.text(false));
                    case "duration" -> it.duration = first(it.duration, xml.text(false));
                    case "season" -> it.season = first(it.season, xml.text(false));
                    case "episode" -> it.episode = first(it.episode, xml.text(false));
                    case "episodeType" -> it.episodeType = first(it.episodeType, blankToNull(xml.text(false)));
                    case "explicit" -> it.explicit = first(it.explicit, blankToNull(xml.text(false)));
                    case "summary" -> it.itunesSummary = first(it.itunesSummary, xml.text(true));
                    case "image" -> {
                        it.image = first(it.image, el.attr("href"));
                        xml.skip();
                    }
                    default -> xml.skip();
                }
            }
            case CONTENT -> {
                if (el.name().equals("encoded")) {
                    it.contentEncoded = first(it.contentEncoded, xml.text(true));
                } else {
                    xml.skip();
                }
            }
            case DC -> {
                if (el.name().equals("date")) {
                    it.dcDate = first(it.dcDate, xml.text(false));
                } else {
                    xml.skip();
                }
            }
            case PODCAST -> {
                switch (el.name()) {
                    case "season" -> it.podcastSeason = first(it.podcastSeason, xml.text(false));
                    case "episode" -> it.podcastEpisode = first(it.podcastEpisode, xml.text(false));
                    case "chapters" -> {
                        it.chaptersUrl = first(it.chaptersUrl, el.attr("url"));
                        xml.skip();
                    }
                    case "person" -> it.persons.add(rawPerson(el));
                    case "transcript" -> {
                        it.transcripts.add(new String[] {el.attr("url"), el.attr("type"), el.attr("language"), el.attr("rel")});
                        xml.skip();
                    }
                    default -> xml.skip();
                }
            }
            case PSC -> {
                if (el.name().equals("chapters")) {
                    El ch;
                    while ((ch = xml.nextChild()) != null) {
                        if (ch.is(Ns.PSC, "chapter") && it.psc.size() < 10_000) {
                            it.psc.add(new String[] {ch.attr("start"), ch.attr("title"), ch.attr("href"), ch.attr("image")});
                        }
                        xml.skip();
                    }
                } else {
                    xml.skip();
                }
            }
            default -> xml.skip();
        }
    }

    // ---- values

    private ImportedPerson rawPerson(El el) {
        String name = xml.text(false);
        return new ImportedPerson(name, el.attr("role"), el.attr("group"), el.attr("href"), el.attr("img"));
    }

    private static ImportedPerson person(ImportedPerson raw, URI base) {
        return new ImportedPerson(HtmlToMarkdown.line(raw.name()),
                raw.role() == null ? "host" : raw.role().toLowerCase(Locale.ROOT),
                raw.group() == null ? "cast" : raw.group().toLowerCase(Locale.ROOT),
                Urls.resolve(raw.href(), base), Urls.resolve(raw.img(), base));
    }

    private Boolean explicit(String text, int index, String guid) {
        String v = HtmlToMarkdown.lower(text);
        return switch (v) {
            case "yes", "true", "explicit" -> true;
            case "no", "false", "clean" -> false;
            default -> {
                problem(index, guid, "itunes:explicit \"" + v + "\" is neither true nor false: ignored");
                yield null;
            }
        };
    }

    private Integer number(String text, String what, int index, String guid) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        if (v.matches("\\d{1,9}") && Integer.parseInt(v) > 0) {
            return Integer.parseInt(v);
        }
        problem(index, guid, what + " \"" + v + "\" is not a positive whole number: ignored");
        return null;
    }

    /** What relative URLs resolve against: the feed's own URL, else its self link, else its website. */
    private URI base() {
        if (feedUrl != null) {
            return feedUrl;
        }
        URI self = Urls.base(channel.selfUrl);
        return self != null ? self : Urls.base(channel.link);
    }

    private void problem(int index, String guid, String message) {
        problems.add(new ImportProblem(index, guid, message));
    }

    private static String first(String current, String value) {
        return current != null ? current : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The channel's raw fields, as written. */
    private static final class Channel {
        String title;
        String link;
        String description;
        String summary;
        String language;
        String copyright;
        String imageUrl;
        String itunesImage;
        String author;
        Boolean explicit;
        String ownerName;
        String ownerEmail;
        String newFeedUrl;
        Boolean serial;
        String selfUrl;
        String nextUrl;
        String podcastGuid;
        ImportedShow.Locked locked;
        final List<ImportedShow.Category> categories = new ArrayList<>();
        final List<ImportedShow.Funding> funding = new ArrayList<>();
        final List<ImportedPerson> persons = new ArrayList<>();
    }

    /** One item's raw fields, as written. */
    private static final class Item {
        String guid;
        boolean permaLink = true;
        String title;
        String itunesTitle;
        String link;
        String description;
        String contentEncoded;
        String itunesSummary;
        String pubDate;
        String dcDate;
        boolean hadEnclosure;
        String enclosureUrl;
        String enclosureType;
        String enclosureLength;
        String duration;
        String season;
        String episode;
        String podcastSeason;
        String podcastEpisode;
        String episodeType;
        String explicit;
        String image;
        String chaptersUrl;
        final List<ImportedPerson> persons = new ArrayList<>();
        final List<String[]> transcripts = new ArrayList<>();
        final List<String[]> psc = new ArrayList<>();
    }
}
