package dev.castline.domain;

/**
 * A processed audio file. The key is new for every upload, so a media URL never gets new bytes
 * (podcast apps cache by URL).
 */
public record Audio(String key, String contentType, long bytes, long durationMillis) {

    /** Whole seconds, as Apple recommends for {@code itunes:duration} and as the API reports. */
    public long durationSeconds() {
        return Math.round(durationMillis / 1000.0);
    }
}
