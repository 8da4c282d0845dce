package dev.castline.domain;

import java.util.regex.Pattern;

/** Every rule show settings must satisfy; the first violation is thrown naming the field. */
public final class ShowRules {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-zA-Z]{2,8})*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    public static final int MAX_FEED_ITEM_LIMIT = 10_000;

    private ShowRules() {
    }

    public static Show validate(Show s) {
        Text.requireLine("title", s.title(), 255);
        Text.requireLine("author", s.author(), 255);
        Text.optionalBlock("description", s.description(), 4000);
        if (s.description() == null || s.description().isBlank()) {
            throw new ValidationException("description", "is required");
        }
        Text.requireUtf8BytesAtMost("description", s.description(), 4000);
        if (s.language() == null || !LANGUAGE.matcher(s.language()).matches()) {
            throw new ValidationException("language", "must be an ISO 639 language code, optionally with a region, e.g. en-us");
        }
        Text.requireHttpUrl("artworkUrl", s.artworkUrl());
        if (!AppleCategories.isCategory(s.appleCategory())) {
            throw new ValidationException("appleCategory", "must be one of Apple Podcasts' top-level categories, e.g. Technology");
        }
        if (s.appleSubcategory() != null && !AppleCategories.isSubcategory(s.appleCategory(), s.appleSubcategory())) {
            throw new ValidationException("appleSubcategory", "must be a subcategory of " + s.appleCategory() + " in Apple Podcasts' list");
        }
        Text.requireLine("ownerName", s.ownerName(), 255);
        if (s.ownerEmail() == null || s.ownerEmail().length() > 254 || !EMAIL.matcher(s.ownerEmail()).matches()) {
            throw new ValidationException("ownerEmail", "must be an email address");
        }
        Text.requireHttpUrl("siteBaseUrl", s.siteBaseUrl());
        Text.optionalLine("copyright", s.copyright(), 255);
        Text.optionalHttpUrl("fundingUrl", s.fundingUrl());
        Text.optionalLine("fundingText", s.fundingText(), 128);
        Text.requireHttpUrl("feedUrl", s.feedUrl());
        if (s.podcastGuid() == null || !UUID_TEXT.matcher(s.podcastGuid()).matches()) {
            throw new ValidationException("podcastGuid", "must be a version 5 UUID in lowercase");
        }
        for (var link : s.subscribeLinks().entrySet()) {
            if (PodcastApp.ofWireName(link.getKey()).isEmpty()) {
                throw new ValidationException("subscribeLinks." + link.getKey(), "is not a podcast app Castline knows; known: "
                        + java.util.Arrays.stream(PodcastApp.values()).map(PodcastApp::wireName).collect(java.util.stream.Collectors.joining(", ")));
            }
            Text.requireHttpUrl("subscribeLinks." + link.getKey(), link.getValue());
        }
        Podcasting20Rules.txt("txt", s.txt());
        Podcasting20Rules.license("license", s.license());
        Podcasting20Rules.location("location", s.location());
        Podcasting20Rules.podroll("podroll", s.podroll(), s.podcastGuid());
        Podcasting20Rules.updateFrequency("updateFrequency", s.updateFrequency());
        Text.optionalHttpUrl("newFeedUrl", s.newFeedUrl());
        if (s.newFeedUrl() != null && s.newFeedUrl().equals(s.feedUrl())) {
            throw new ValidationException("newFeedUrl", "must be the feed's new address, not feedUrl itself");
        }
        if (s.feedItemLimit() != null && (s.feedItemLimit() < 1 || s.feedItemLimit() > MAX_FEED_ITEM_LIMIT)) {
            throw new ValidationException("feedItemLimit", "must be a whole number from 1 to " + MAX_FEED_ITEM_LIMIT);
        }
        return s;
    }
}
