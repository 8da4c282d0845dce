package dev.castline.functions.feed;

/**
 * How many pages the current edition of the feed has, as this container last rendered it. A
 * request for a page past the end of an edition already rendered is then a 404 without reading a
 * single episode; a new edition (any change, a scheduled episode coming due) forgets it.
 */
final class PageCount {
    private record Known(String edition, int count) {
    }

    private volatile Known known;

    void remember(String edition, int count) {
        known = new Known(edition, count);
    }

    boolean pastTheEnd(String edition, int page) {
        Known k = known;
        return k != null && k.edition().equals(edition) && page > k.count();
    }
}
