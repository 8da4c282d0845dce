package dev.castline.feedimport;

/**
 * Bounds on what one feed may make the reader do. Every bound, when crossed, stops the read with a
 * {@link FeedImportException} naming it, before the rest of the input is read.
 *
 * @param maxBytes      bytes read from the input in all (a 50 MB feed fits the default)
 * @param maxTextChars  characters in one element's text (a description, a title), and in any run of
 *                      input without markup
 * @param maxItems      {@code <item>} elements in the channel
 * @param maxDepth      nesting of elements
 * @param maxElements   elements in the whole document (junk made of many tiny elements)
 * @param prologChars   characters before the root element (declaration, comments)
 */
public record FeedLimits(long maxBytes, int maxTextChars, int maxItems, int maxDepth, long maxElements, int prologChars) {
    public static final FeedLimits DEFAULTS = new FeedLimits(64L * 1024 * 1024, 1_000_000, 20_000, 48, 2_000_000, 64 * 1024);

    public FeedLimits {
        if (maxBytes <= 0 || maxTextChars <= 0 || maxItems <= 0 || maxDepth <= 0 || maxElements <= 0 || prologChars <= 0) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    public FeedLimits withMaxBytes(long bytes) {
        return new FeedLimits(bytes, maxTextChars, maxItems, maxDepth, maxElements, prologChars);
    }

    public FeedLimits withMaxItems(int items) {
        return new FeedLimits(maxBytes, maxTextChars, items, maxDepth, maxElements, prologChars);
    }

    public FeedLimits withMaxTextChars(int chars) {
        return new FeedLimits(maxBytes, chars, maxItems, maxDepth, maxElements, prologChars);
    }
}
