package dev.castline.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a media file lives in the bucket: {@code {kind}/{owner}/{uploadId}.{extension}}. The
 * upload id is new for every upload, so a media URL never gets new bytes (podcast apps and
 * browsers cache by URL). The one definition of the key format and of the URL a key is served at.
 *
 * @param owner the episode's id for audio; {@value #SHOW} for the show's artwork
 */
public record MediaKey(Kind kind, String owner, String uploadId, String extension) {
    /** The owner of the show's own media (its artwork). */
    public static final String SHOW = "show";


    /** What a key holds; each kind has its own prefix in the bucket. */
    public enum Kind {
        AUDIO("audio"),
        ARTWORK("artwork");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The key prefix of this kind, with its slash: {@code audio/}. */
        public String prefix() {
            return prefix + "/";
        }
    }

    private static final Pattern KEY = Pattern.compile("([a-z]+)/([A-Za-z0-9-]{1,64})/([A-Za-z0-9-]{1,64})\\.([a-z0-9]{1,8})");

    /** A new key for an upload of audio in {@code format} to this episode. */
    public static MediaKey newAudio(String episodeId, AudioFormat format) {
        return new MediaKey(Kind.AUDIO, episodeId, UUID.randomUUID().toString(), format.extension());
    }

    /** A new key for an upload of the show's artwork in {@code format}. */
    public static MediaKey newShowArtwork(ImageFormat format) {
        return new MediaKey(Kind.ARTWORK, SHOW, UUID.randomUUID().toString(), format.extension());
    }

    /** The key this text is, if it has the format (and an extension its kind knows). */
    public static Optional<MediaKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.prefix.equals(m.group(1))) {
                boolean known = switch (kind) {
                    case AUDIO -> AudioFormat.ofExtension(m.group(4)).isPresent();
                    case ARTWORK -> ImageFormat.ofExtension(m.group(4)).isPresent();
                };
                if (!known) {
                    return Optional.empty();
                }
                return Optional.of(new MediaKey(kind, m.group(2), m.group(3), m.group(4)));
            }
        }
        return Optional.empty();
    }

    /** The audio format an audio key's extension names. */
    public Optional<AudioFormat> audioFormat() {
        return kind == Kind.AUDIO ? AudioFormat.ofExtension(extension) : Optional.empty();
    }

    /** The image format an artwork key's extension names. */
    public Optional<ImageFormat> imageFormat() {
        return kind == Kind.ARTWORK ? ImageFormat.ofExtension(extension) : Optional.empty();
    }

    public String value() {
        return kind.prefix + "/" + owner + "/" + uploadId + "." + extension.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }

    /**
     * The public URL of a media key: {@code {mediaBaseUrl}/{key}}, the CloudFront distribution
     * on AWS and the stack's {@code /media} on one machine. Enclosures, the API and the host's
     * views all link media through this.
     *
     * @param mediaBaseUrl without a trailing slash
     */
    public static String url(String mediaBaseUrl, String key) {
        return mediaBaseUrl + urlPath(key);
    }

    /** The path of a media key's URL under the media base URL: what a CDN invalidation names. */
    public static String urlPath(String key) {
        return "/" + key;
    }

    /**
     * Where the audio of an unpublished episode waits: the same key under {@value #WITHHELD_PREFIX},
     * a prefix the media URL never serves (neither the CDN, whose bucket policy reads only the
     * kinds' prefixes, nor the local stack's {@code /media}, which serves only keys {@link #parse}
     * accepts).
     */
    public static String withheld(String key) {
        return WITHHELD_PREFIX + key;
    }

    public static final String WITHHELD_PREFIX = "withheld/";
}
