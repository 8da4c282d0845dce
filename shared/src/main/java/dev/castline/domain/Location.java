package dev.castline.domain;

/**
 * A Podcasting 2.0 {@code podcast:location}: the place the show is about.
 *
 * @param name a human-readable place name, at most 128 characters
 * @param geo  optional, an RFC 5870 geo URI, e.g. {@code geo:30.2672,97.7431}
 * @param osm  optional, an OpenStreetMap type and id, e.g. {@code R113314}
 */
public record Location(String name, String geo, String osm) {
}
