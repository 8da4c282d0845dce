package dev.castline.domain;

/**
 * A Podcasting 2.0 {@code podcast:license} of the show's or an episode's audio.
 *
 * @param identifier an SPDX identifier such as {@code cc-by-4.0}, or the short name of a custom license
 * @param url        the license's full text; required for a custom license
 */
public record License(String identifier, String url) {
}
