package dev.castline.domain;

/**
 * A Podcasting 2.0 {@code podcast:soundbite}: a moment of the episode's audio worth sharing.
 * Times are kept in milliseconds, like chapters, and shown in seconds.
 *
 * @param title optional; apps use the episode's title without one
 */
public record Soundbite(long startMillis, long durationMillis, String title) {
}
