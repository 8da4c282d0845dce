package dev.castline.domain;

/**
 * A show the host recommends: a Podcasting 2.0 {@code podcast:remoteItem} of the {@code podcast:podroll}.
 *
 * @param feedGuid the other show's {@code podcast:guid}
 * @param feedUrl  optional, its feed, for apps that cannot look a guid up
 * @param title    optional, its title, so apps can show it without fetching the feed
 */
public record RemoteItem(String feedGuid, String feedUrl, String title) {
}
