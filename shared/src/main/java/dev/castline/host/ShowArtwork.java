package dev.castline.host;

import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
import dev.castline.domain.Upload;
import dev.castline.domain.ValidationException;
import dev.castline.media.ArtworkRenditions;
import dev.castline.media.ImageInfo;
import dev.castline.media.UnsupportedImageException;
import dev.castline.store.ConflictException;
import dev.castline.store.ShowStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The show's artwork, uploaded like audio and served from the media URL, so no page, feed or app
 * fetches it from a third party.
 *
 * <ul>
 *   <li>A request names the format and size; the show records the pending upload under a new
 *       key, so only that object can become the artwork, and a stale or duplicate event changes
 *       nothing.</li>
 *   <li>A file that is a JPEG or PNG meeting {@link Artwork}'s rules gets its renditions
 *       ({@link ArtworkRenditions}: smaller copies beside it, for the pages), then becomes the
 *       show's {@code artworkUrl} (the feed's {@code itunes:image}, the pages' and the API's
 *       artwork); artwork it replaces that was ours is deleted, renditions included. Anything
 *       else is refused: the upload is marked rejected with the reason, and the object deleted.</li>
 *   <li>Renditions first: the show never names an artwork whose renditions are not all written.
 *       If writing one fails, the failure is thrown, the show keeps its artwork and still waits
 *       for the upload, and the retried event writes them again (same keys, same bytes).</li>
 * </ul>
 */
public final class ShowArtwork {
    private static final int CONFLICT_ATTEMPTS = 3;

    /** Reads an image's header; empty when the object no longer exists. */
    @FunctionalInterface
    public interface Prober {
        Optional<ImageInfo> probe(String key) throws UnsupportedImageException, IOException;
    }

    /** A signed upload URL and the upload the show now waits for. */
    public record Requested(UploadSigner.Signed signed, MediaKey key, Upload upload) {
    }

    private final ShowStore shows;
    private final MediaObjects media;
    private final String mediaBaseUrl;
    private final Clock clock;

    /** @param mediaBaseUrl where media keys are served, without a trailing slash */
    public ShowArtwork(ShowStore shows, MediaObjects media, String mediaBaseUrl, Clock clock) {
        this.shows = shows;
        this.media = media;
        this.mediaBaseUrl = mediaBaseUrl;
        this.clock = clock;
    }

    /** Signs a URL for one image of this type and size, and records it as the show's pending artwork upload. */
    public Requested request(Uploads.Signing signing, String contentType, long bytes) {
        ImageFormat format = ImageFormat.ofContentType(contentType)
                .orElseThrow(() -> new ValidationException("contentType", "must be " + ImageFormat.contentTypeList()));
        long max = Math.min(signing.maxBytes(), Artwork.MAX_BYTES);
        if (bytes < 1 || bytes > max) {
            throw new ValidationException("bytes", "must be the file's size, from 1 to " + max);
        }
        MediaKey key = MediaKey.newShowArtwork(format);
        Upload upload = new Upload(key.value(), format.contentType(), bytes, clock.instant(), null);
        shows.requestArtwork(upload);
        return new Requested(signing.signer().sign(key, format.contentType(), bytes, signing.urlTtl()), key, upload);
    }

    /**
     * Decides what the object at {@code key} becomes. Idempotent: an object that is not the
     * show's pending artwork upload changes nothing. Transient faults are thrown, so the caller's
     * event is retried.
     */
    public Uploads.Outcome process(String key, Prober prober) throws IOException {
        // A rendition's key is no upload's (MediaKey.parse refuses it): the processor hears of the
        // renditions it writes, and leaves them be.
        Optional<MediaKey> parsed = MediaKey.parse(key).filter(k -> k.kind() == MediaKey.Kind.ARTWORK && k.owner().equals(MediaKey.SHOW));
        if (parsed.isEmpty()) {
            return Uploads.Outcome.IGNORED;
        }
        String url = MediaKey.url(mediaBaseUrl, key);
        boolean rendered = false;
        for (int attempt = 1; ; attempt++) {
            ShowStore.Snapshot snapshot = shows.load();
            if (snapshot.show().isPresent() && url.equals(snapshot.show().get().artworkUrl())) {
                return Uploads.Outcome.IGNORED; // the artwork already: a duplicate event
            }
            Optional<Upload> pending = snapshot.artworkUpload().filter(u -> u.key().equals(key) && u.isPending());
            if (pending.isEmpty()) {
                deleteWithRenditions(parsed.get());
                return Uploads.Outcome.DISCARDED;
            }
            Optional<ImageInfo> info;
            String refusal;
            try {
                info = prober.probe(key);
                refusal = info.flatMap(i -> i.format().contentType().equals(pending.get().contentType())
                        ? Artwork.refusal(i.width(), i.height(), i.colour())
                        : Optional.of("the file is " + i.format().describe() + ", but the upload announced "
                                + ImageFormat.ofContentType(pending.get().contentType()).map(ImageFormat::describe).orElse(pending.get().contentType())))
                        .orElse(null);
            } catch (UnsupportedImageException e) {
                info = Optional.empty();
                refusal = e.reason();
            }
            if (info.isEmpty() && refusal == null) {
                return Uploads.Outcome.IGNORED; // the object is gone: a later upload replaced it
            }
            if (refusal == null && !rendered) {
                try {
                    Optional<byte[]> image = media.read(key);
                    if (image.isEmpty()) {
                        return Uploads.Outcome.IGNORED; // gone since the probe
                    }
                    ArtworkRenditions.write(parsed.get(), image.get(), media::put);
                    rendered = true;
                } catch (UnsupportedImageException e) {
                    refusal = e.reason(); // the header was fine, the pixels are not
                }
            }
            try {
                if (refusal == null) {
                    Optional<String> replaced = shows.acceptArtwork(key, url);
                    replaced.filter(old -> !old.equals(url)).flatMap(this::ourKey).ifPresent(this::deleteWithRenditions);
                    return Uploads.Outcome.ACCEPTED;
                }
                shows.rejectArtwork(key, refusal);
            } catch (ConflictException e) {
                if (attempt < CONFLICT_ATTEMPTS) {
                    continue; // a new request or a verdict came meanwhile: read again
                }
                throw new IllegalStateException("the show's artwork upload kept changing while " + key + " was processed", e);
            }
            deleteWithRenditions(parsed.get());
            return Uploads.Outcome.REJECTED;
        }
    }

    /** The media key an artwork URL names, when it is one we serve (an external URL is not ours to delete). */
    private Optional<MediaKey> ourKey(String artworkUrl) {
        return MediaKey.ofUrl(mediaBaseUrl, artworkUrl).filter(k -> k.kind() == MediaKey.Kind.ARTWORK);
    }

    /**
     * An image nothing names any more, and its renditions: those of a replaced artwork, and any an
     * earlier attempt wrote for an upload that was then superseded.
     */
    private void deleteWithRenditions(MediaKey artwork) {
        media.delete(artwork.value());
        artwork.renditions().forEach(media::delete);
    }
}
