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

    /**
     * How long browsers and CDNs may keep what a media URL serves: for ever, since a key never gets
     * new bytes.
     */
    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

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
    /**
     * How a rendition's name ends: {@code -{side}}. A UUID (every upload's id) never ends so, its
     * last group having 12 characters, so no upload's key is ever taken for a rendition's.
     */
    private static final Pattern RENDITION_SUFFIX = Pattern.compile("(.+)-([1-9][0-9]{0,3})");

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
                if (!known || (kind == Kind.ARTWORK && RENDITION_SUFFIX.matcher(m.group(3)).matches())) {
                    return Optional.empty(); // a rendition is not an upload: see parseRendition
                }
                return Optional.of(new MediaKey(kind, m.group(2), m.group(3), m.group(4)));
            }
        }
        return Optional.empty();
    }

    /**
     * The key a URL of ours names ({@link #url} read back); empty for a URL of another host, or
     * one that names no media key (a rendition's included).
     */
    public static Optional<MediaKey> ofUrl(String mediaBaseUrl, String url) {
        String prefix = mediaBaseUrl + "/";
        return url != null && url.startsWith(prefix) ? parse(url.substring(prefix.length())) : Optional.empty();
    }

    /**
     * The key of this artwork's copy {@code side} pixels a side (one of
     * {@link Artwork#RENDITION_SIDES}): {@code artwork/show/{uploadId}-{side}.{extension}}, beside
     * the original and in its format. The one place a rendition's key is made: the upload
     * processor writes there, the pages link there, the local stack's sample is put there.
     */
    public String rendition(int side) {
        if (kind != Kind.ARTWORK || !Artwork.RENDITION_SIDES.contains(side)) {
            throw new IllegalArgumentException("no rendition of " + side + " px for " + value());
        }
        return kind.prefix + "/" + owner + "/" + uploadId + "-" + side + "." + extension.toLowerCase(Locale.ROOT);
    }

    /** The keys of all this artwork's renditions, by side, ascending. */
    public java.util.List<String> renditions() {
        return Artwork.RENDITION_SIDES.stream().map(this::rendition).toList();
    }

    /** A rendition: a smaller copy of an artwork, made when the artwork was accepted, never uploaded. */
    public record Rendition(MediaKey original, int side) {
        public String value() {
            return original.rendition(side);
        }
    }

    /** The rendition {@code key} names, if it is one ({@link #rendition} read back). */
    public static Optional<Rendition> parseRendition(String key) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Matcher name = RENDITION_SUFFIX.matcher(m.group(3));
        if (!name.matches()) {
            return Optional.empty();
        }
        int side = Integer.parseInt(name.group(2));
        return parse(m.group(1) + "/" + m.group(2) + "/" + name.group(1) + "." + m.group(4))
                .filter(original -> original.kind() == Kind.ARTWORK && Artwork.RENDITION_SIDES.contains(side))
                .map(original -> new Rendition(original, side));
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
     * or {@link #parseRendition} accepts).
     */
    public static String withheld(String key) {
        return WITHHELD_PREFIX + key;
    }

    public static final String WITHHELD_PREFIX = "withheld/";
}
