package dev.castline.domain;

/**
 * Show-level settings: what the feed's channel carries and what every episode shares (the seeds'
 * "Support the Show" text is the funding link, not episode data).
 *
 * @param appleCategory    a top-level category of Apple's taxonomy
 * @param appleSubcategory optional, nested under the category
 * @param siteBaseUrl      public base URL of the site (episode links)
 * @param mediaBaseUrl     public base URL audio is served from (CloudFront, or /media locally)
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
        String websiteUrl,
        String copyright,
        String fundingUrl,
        String fundingText,
        String siteBaseUrl,
        String mediaBaseUrl) {
}
