package dev.castline.domain;

/**
 * Show-level settings: what the feed's channel carries and what every episode shares (the seeds'
 * "Support the Show" text is the funding link, not episode data). Audio's public base URL is not
 * here but in each function's configuration: it is a property of the deployment (the CloudFront
 * domain), not of the show.
 *
 * @param language         ISO 639 code with an optional region, e.g. {@code en-us}
 * @param appleCategory    a top-level category of Apple's taxonomy
 * @param appleSubcategory optional, one of that category's subcategories
 * @param siteBaseUrl      public base URL of the show's site: episode pages are {@code siteBaseUrl/episodes/{slug}}
 * @param feedUrl          the public URL of the feed, as podcast apps subscribe to it
 * @param podcastGuid      Podcasting 2.0 {@code podcast:guid}: derived from the feed URL once, then never changed
 * @param serial           {@code itunes:type serial} (listen in order) rather than episodic
 * @param locked           {@code podcast:locked}: other platforms must not import the feed
 * @param feedItemLimit    how many episodes the main feed holds before paging; null: all that fit
 */
public record Show(
        String title,
        String author,
        String description,
        String language,
        String artworkUrl,
        String appleCategory,
        String appleSubcategory,
        boolean explicit,
        String ownerName,
        String ownerEmail,
        String siteBaseUrl,
        String copyright,
        String fundingUrl,
        String fundingText,
        String feedUrl,
        String podcastGuid,
        boolean serial,
        boolean locked,
        Integer feedItemLimit) {
}
