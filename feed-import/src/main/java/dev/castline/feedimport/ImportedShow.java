package dev.castline.feedimport;

import java.util.List;

/**
 * The channel of an imported feed: what becomes the show's settings. Text is plain (markup removed,
 * entities decoded); URLs are absolute http(s), resolved against the feed URL. Any field may be null
 * (or a list empty) when the feed does not carry it.
 *
 * @param title          {@code title}
 * @param author         {@code itunes:author}
 * @param description    plain text of {@code description}, else {@code itunes:summary}
 * @param language       {@code language} as written, e.g. {@code en-us}
 * @param artworkUrl     {@code itunes:image href}, else {@code image/url}
 * @param categories     {@code itunes:category text} with its first nested subcategory, in feed order
 * @param explicit       {@code itunes:explicit} (true/yes/explicit, false/no/clean); null when absent or unreadable
 * @param owner          {@code itunes:owner}
 * @param copyright      {@code copyright}
 * @param funding        {@code podcast:funding}
 * @param persons        channel-level {@code podcast:person}
 * @param locked         {@code podcast:locked}: null when absent
 * @param newFeedUrl     {@code itunes:new-feed-url}: the feed has moved there
 * @param link           {@code link}: the show's website
 * @param selfUrl        {@code atom:link rel="self"}
 * @param nextPageUrl    {@code atom:link rel="next"} (RFC 5005 paging): more items on another page
 * @param podcastGuid    {@code podcast:guid}
 * @param serial         {@code itunes:type serial}; null when absent
 */
public record ImportedShow(
        String title,
        String author,
        String description,
        String language,
        String artworkUrl,
        List<Category> categories,
        Boolean explicit,
        Owner owner,
        String copyright,
        List<Funding> funding,
        List<ImportedPerson> persons,
        Locked locked,
        String newFeedUrl,
        String link,
        String selfUrl,
        String nextPageUrl,
        String podcastGuid,
        Boolean serial) {

    public ImportedShow {
        categories = List.copyOf(categories);
        funding = List.copyOf(funding);
        persons = List.copyOf(persons);
    }

    /** An Apple category and, when the feed nests one, its subcategory (null otherwise). */
    public record Category(String name, String subcategory) {
    }

    public record Owner(String name, String email) {
    }

    /** {@code podcast:funding url="…"}text{@code </podcast:funding>}. */
    public record Funding(String url, String text) {
    }

    /**
     * {@code podcast:locked}: when {@code locked}, the show's owner asked that no other platform
     * import it; the CLI stops unless the host confirms being that owner.
     */
    public record Locked(boolean locked, String owner) {
    }

    /** True when the feed asks not to be imported ({@code podcast:locked} yes). */
    public boolean isLocked() {
        return locked != null && locked.locked();
    }
}
