package dev.castline.domain;

/**
 * A Podcasting 2.0 {@code podcast:txt}: free-form text for a third party, such as the code Apple
 * gives a host to prove it controls the feed ({@code purpose="applepodcastsverify"}).
 *
 * @param purpose optional, what the text is for, at most 128 characters
 * @param value   the text, at most 4000 characters
 */
public record TxtRecord(String purpose, String value) {
}
