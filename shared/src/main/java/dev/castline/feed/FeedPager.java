package dev.castline.feed;

import dev.castline.domain.Episode;
import dev.castline.domain.Show;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the feed into RFC 5005 pages so that no page outgrows what a Lambda response can carry.
 * A page holds the show's {@code feedItemLimit} episodes (all, when unset), fewer if that many
 * would pass {@link #MAX_PAGE_BYTES}: then every page holds as many as fit even if each were as
 * large as the largest item, so page boundaries depend only on the data, never on the request.
 */
public final class FeedPager {
    /**
     * Uncompressed size limit of one page. A Lambda response carries at most 6 MB, and an
     * uncompressed feed goes out as is: 4 MiB leaves room for headers, and gzip (base64-encoded)
     * is always smaller.
     */
    public static final int MAX_PAGE_BYTES = 4 * 1024 * 1024;

    /** A rendered page of the feed. */
    public record Rendered(byte[] xml, FeedWriter.Page page) {
    }

    private final FeedWriter writer;
    private final int maxPageBytes;

    public FeedPager(FeedWriter writer) {
        this(writer, MAX_PAGE_BYTES);
    }

    /** @param maxPageBytes a smaller limit, for tests that need an oversized feed without megabytes of data */
    public FeedPager(FeedWriter writer, int maxPageBytes) {
        this.writer = writer;
        this.maxPageBytes = maxPageBytes;
    }

    /**
     * @param episodes every public episode with audio, newest first (its trailers are every page's {@code podcast:trailer}s)
     * @return empty when {@code pageNumber} is past the last page
     */
    public Optional<Rendered> render(Show show, List<Episode> episodes, int pageNumber, Instant lastBuildDate) {
        int configured = show.feedItemLimit() == null ? Math.max(1, episodes.size()) : show.feedItemLimit();
        int pageSize;
        if (configured >= episodes.size()) {
            // The usual case: one page holds everything, if it fits.
            Optional<Rendered> whole = renderPage(show, episodes, 1, configured, lastBuildDate);
            if (whole.orElseThrow().xml().length <= maxPageBytes) {
                return pageNumber == 1 ? whole : Optional.empty();
            }
            pageSize = pageSizeThatFits(show, episodes, lastBuildDate);
        } else {
            pageSize = Math.min(configured, pageSizeThatFits(show, episodes, lastBuildDate));
        }
        return renderPage(show, episodes, pageNumber, pageSize, lastBuildDate);
    }

    private Optional<Rendered> renderPage(Show show, List<Episode> episodes, int number, int pageSize, Instant lastBuildDate) {
        List<Episode> trailers = FeedWriter.trailers(episodes);
        int count = Math.max(1, (episodes.size() + pageSize - 1) / pageSize);
        if (number < 1 || number > count) {
            return Optional.empty();
        }
        List<Episode> items = episodes.subList(Math.min(episodes.size(), (number - 1) * pageSize),
                Math.min(episodes.size(), number * pageSize));
        FeedWriter.Page page = new FeedWriter.Page(number, count);
        return Optional.of(new Rendered(writer.render(show, trailers, items, page, lastBuildDate), page));
    }

    private int pageSizeThatFits(Show show, List<Episode> episodes, Instant lastBuildDate) {
        long largest = writer.largestItemBytes(show, episodes);
        // The channel with every paging link, measured on an empty page.
        long room = maxPageBytes - writer.documentBytes(show, FeedWriter.trailers(episodes), List.of(), new FeedWriter.Page(2, 3), lastBuildDate);
        return (int) Math.max(1, room / Math.max(1, largest));
    }
}
