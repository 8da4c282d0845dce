package dev.castline.feedimport;

/**
 * {@code enclosure url length type}: the episode's audio as the old host serves it.
 *
 * @param url    absolute http(s)
 * @param type   MIME type as written (trimmed, lower-cased), or null when absent
 * @param length bytes as written, or null when absent or not a number (many hosts write 0)
 */
public record ImportedEnclosure(String url, String type, Long length) {
}
