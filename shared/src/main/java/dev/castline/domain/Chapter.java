package dev.castline.domain;

/**
 * A chapter mark: the seeds' "Topics Include" lines. Times are kept in milliseconds so that
 * fractional starts (Podlove's {@code 35:12.250}) survive; they are shown in seconds.
 *
 * @param url optional, absolute http(s)
 */
public record Chapter(long startMillis, String title, String url) {
}
