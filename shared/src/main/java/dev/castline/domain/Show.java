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
 * @param txt              Podcasting 2.0 {@code podcast:txt} records, e.g. Apple's verification code; empty: none
 * @param license          {@code podcast:license} of the show's audio; null: none
 * @param location         {@code podcast:location}, the place the show is about; null: none
 * @param podroll          {@code podcast:podroll}: shows the host recommends; empty: none
 * @param updateFrequency  {@code podcast:updateFrequency}, the release schedule; null: none
 * @param block            {@code itunes:block}: keep the show out of Apple Podcasts
 * @param complete         {@code itunes:complete}: no episode will follow
 * @param newFeedUrl       {@code itunes:new-feed-url}: where the feed has moved; null: it has not
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
        java.util.Map<String, String> subscribeLinks,
        java.util.List<TxtRecord> txt,
        License license,
        Location location,
        java.util.List<RemoteItem> podroll,
        UpdateFrequency updateFrequency,
        boolean block,
        boolean complete,
        String newFeedUrl) {

    public Show {
        txt = txt == null ? java.util.List.of() : java.util.List.copyOf(txt);
        podroll = podroll == null ? java.util.List.of() : java.util.List.copyOf(podroll);
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

    /** A show without the Podcasting 2.0 and Apple settings beyond the basics. */
    public Show(String title, String author, String description, String language, String artworkUrl, String appleCategory,
                String appleSubcategory, boolean explicit, String ownerName, String ownerEmail, String siteBaseUrl,
                String copyright, String fundingUrl, String fundingText, String feedUrl, String podcastGuid, boolean serial,
                boolean locked, Integer feedItemLimit, java.util.Map<String, String> subscribeLinks) {
        this(title, author, description, language, artworkUrl, appleCategory, appleSubcategory, explicit, ownerName, ownerEmail,
                siteBaseUrl, copyright, fundingUrl, fundingText, feedUrl, podcastGuid, serial, locked, feedItemLimit, subscribeLinks,
                null, null, null, null, null, false, false, null);
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
