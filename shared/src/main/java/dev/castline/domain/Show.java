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
 * @param subscribeLinks   the show's page on podcast apps, by {@link PodcastApp} setting name, in the apps' order; empty: none
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
        Integer feedItemLimit,
        java.util.Map<String, String> subscribeLinks) {

    public Show {
        java.util.Map<String, String> ordered = new java.util.LinkedHashMap<>();
        if (subscribeLinks != null) {
            for (PodcastApp app : PodcastApp.values()) {
                if (subscribeLinks.get(app.wireName()) != null) {
                    ordered.put(app.wireName(), subscribeLinks.get(app.wireName()));
                }
            }
            for (var link : subscribeLinks.entrySet()) {
                if (link.getValue() != null) {
                    ordered.putIfAbsent(link.getKey(), link.getValue()); // unknown names: kept for ShowRules to refuse
                }
            }
        }
        subscribeLinks = java.util.Collections.unmodifiableMap(ordered);
    }

    /** A show without subscribe links (most callers' shape before they were a setting). */
    public Show(String title, String author, String description, String language, String artworkUrl, String appleCategory,
                String appleSubcategory, boolean explicit, String ownerName, String ownerEmail, String siteBaseUrl,
                String copyright, String fundingUrl, String fundingText, String feedUrl, String podcastGuid, boolean serial,
                boolean locked, Integer feedItemLimit) {
        this(title, author, description, language, artworkUrl, appleCategory, appleSubcategory, explicit, ownerName, ownerEmail,
                siteBaseUrl, copyright, fundingUrl, fundingText, feedUrl, podcastGuid, serial, locked, feedItemLimit, null);
    }
}
