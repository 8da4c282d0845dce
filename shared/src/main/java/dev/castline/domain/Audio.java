package dev.castline.domain;

/**
 * An episode's audio: either a file Castline holds (its media key, new for every upload, so a
 * media URL never gets new bytes: podcast apps cache by URL), or, for an episode imported from
 * another host, the enclosure it already had there, kept as it was so apps see the same URL.
 *
 * @param key         the media key of audio Castline holds; null for external audio
 * @param contentType the enclosure's type
 * @param bytes       the enclosure's length
 * @param externalUrl the URL of audio another host serves; null for audio Castline holds
 */
public record Audio(String key, String contentType, long bytes, long durationMillis, String externalUrl) {

    public Audio {
        if ((key == null) == (externalUrl == null)) {
            throw new IllegalArgumentException("audio is either held (a key) or external (a URL), not both or neither");
        }
    }

    /** Audio Castline holds, under its media key. */
    public Audio(String key, String contentType, long bytes, long durationMillis) {
        this(key, contentType, bytes, durationMillis, null);
    }

    /** Audio another host serves, linked as is. */
    public static Audio external(String url, String contentType, long bytes, long durationMillis) {
        return new Audio(null, contentType, bytes, durationMillis, url);
    }

    public boolean isExternal() {
        return externalUrl != null;
    }

    /** Where listeners get it: the media URL of its key, or the external URL. The one place an enclosure URL is made. */
    public String url(String mediaBaseUrl) {
        return isExternal() ? externalUrl : MediaKey.url(mediaBaseUrl, key);
    }

    /** Whole seconds, as Apple recommends for {@code itunes:duration} and as the API reports. */
    public long durationSeconds() {
        return Math.round(durationMillis / 1000.0);
    }
}
