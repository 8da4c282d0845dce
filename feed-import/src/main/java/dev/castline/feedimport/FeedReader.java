package dev.castline.feedimport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a podcast's RSS feed as other hosts write it, for {@code castline import feed}: streamed
 * (StAX, one item at a time; a 50 MB feed never sits in memory), hardened (no DTD, no external
 * entity, no network access, bounded by {@link FeedLimits}), lenient where real feeds are sloppy
 * (dates, durations, relative URLs, undeclared prefixes) and honest about it: what it skips or
 * cannot read is listed as {@link ImportProblem}s, never guessed silently. Encodings are the
 * exception to leniency: bytes that are not in the feed's encoding are refused
 * ({@link FeedEncodingException}) unless the caller names the encoding to read them as.
 *
 * <pre>{@code
 * FeedReader reader = new FeedReader();
 * try (FeedCursor feed = reader.open(in, URI.create("https://old.example/feed.xml"))) {
 *     if (feed.show().isLocked()) { ... }
 *     while (feed.hasNext()) { ImportedItem item = feed.next(); ... }
 *     feed.problems().forEach(System.out::println);
 * }
 * }</pre>
 *
 * Fetching the feed (redirects, size, time-outs) and the chapters JSON is the caller's job; this
 * reads bytes.
 */
public final class FeedReader {
    private final FeedLimits limits;
    private final MissingGuid missingGuid;
    private final Charset encoding;

    /** Default limits; items without a guid are skipped. */
    public FeedReader() {
        this(FeedLimits.DEFAULTS, MissingGuid.SKIP);
    }

    public FeedReader(FeedLimits limits, MissingGuid missingGuid) {
        this(limits, missingGuid, null);
    }

    /**
     * @param encoding the encoding to read every feed's bytes as, whatever it declares (still
     *                 strictly: a byte not in it is refused); null: the feed's own (its byte-order
     *                 mark, else its declaration, else UTF-8)
     */
    public FeedReader(FeedLimits limits, MissingGuid missingGuid, Charset encoding) {
        this.limits = limits;
        this.missingGuid = missingGuid;
        this.encoding = encoding;
    }

    /**
     * Opens a feed and reads its channel up to the first item.
     *
     * @param in      the feed's bytes; closed with the cursor
     * @param feedUrl where the feed was fetched from, to resolve relative URLs against; null for a
     *                file (the channel's {@code atom:link rel=self}, else its {@code link}, is used)
     * @throws FeedImportException when the feed cannot be read at all ({@link FeedEncodingException}
     *                             when its bytes are not in its encoding: from here, or later from the
     *                             cursor, where the bad byte is)
     */
    public FeedCursor open(InputStream in, URI feedUrl) {
        List<ImportProblem> problems = new ArrayList<>();
        Consumer<String> channelProblem = message -> problems.add(ImportProblem.channel(message));
        XmlWalker xml;
        try {
            xml = new XmlWalker(new GuardReader(FeedInput.open(in, limits, encoding, channelProblem), limits, channelProblem),
                    limits, channelProblem);
        } catch (IOException e) {
            close(in);
            throw new FeedImportException("The feed could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(in);
            throw e;
        }
        return new FeedCursor(xml, limits, missingGuid, feedUrl == null ? null : Urls.base(feedUrl.toString()), problems);
    }

    /**
     * Reads a whole feed, handing each importable item to {@code each} as it is read.
     *
     * @throws FeedImportException when the feed cannot be read at all (items already handed over stay so)
     */
    public FeedSummary read(InputStream in, URI feedUrl, Consumer<? super ImportedItem> each) {
        try (FeedCursor feed = open(in, feedUrl)) {
            int delivered = 0;
            while (feed.hasNext()) {
                each.accept(feed.next());
                delivered++;
            }
            return new FeedSummary(feed.show(), feed.itemsRead(), delivered, feed.problems());
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
