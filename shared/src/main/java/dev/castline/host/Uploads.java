package dev.castline.host;

import dev.castline.domain.Audio;
import dev.castline.domain.AudioFormat;
import dev.castline.domain.Episode;
import dev.castline.domain.MediaKey;
import dev.castline.domain.Upload;
import dev.castline.domain.ValidationException;
import dev.castline.media.AudioInfo;
import dev.castline.media.UnsupportedAudioException;
import dev.castline.store.ConflictException;
import dev.castline.store.EpisodeStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Audio uploads, from the host's request to the processor's verdict: one piece for the admin API
 * (which asks for a signed URL) and the upload processor (which accepts or refuses the file that
 * arrived).
 *
 * <ul>
 *   <li>A request names the format and size; the episode records the pending upload under a new
 *       key, so only that object can become its audio, and a stale or duplicate event changes
 *       nothing.</li>
 *   <li>A file that is usable audio of the announced format becomes the episode's audio; the
 *       audio it replaces is deleted. Anything else is refused: the upload is marked rejected
 *       with the reason, and the object is deleted.</li>
 * </ul>
 */
public final class Uploads {
    public static final int MAX_FILE_NAME = 255;
    private static final int CONFLICT_ATTEMPTS = 3;

    /** What became of an object the processor was told about. */
    public enum Outcome {
        /** It became the episode's audio. */
        ACCEPTED,
        /** It is not usable audio: the upload is marked rejected and the object deleted. */
        REJECTED,
        /** It is the audio already, or it is gone: a duplicate or late event. */
        IGNORED,
        /**
         * No episode waits for it (a superseded upload, an upload to an episode since deleted, a
         * replayed URL after the episode's audio was deleted): the object is deleted, so nothing
         * an episode does not point at stays in the bucket.
         */
        DISCARDED
    }

    /** Reads what an object holds, from a few ranged reads; empty when it no longer exists. */
    @FunctionalInterface
    public interface Prober {
        Optional<AudioInfo> probe(String key) throws UnsupportedAudioException, IOException;
    }

    /** How upload URLs are made: the signer, the largest file allowed, how long a URL lives. */
    public record Signing(UploadSigner signer, long maxBytes, Duration urlTtl) {
    }

    /** A signed upload URL and the episode as it now waits for it. */
    public record Requested(UploadSigner.Signed signed, MediaKey key, Episode episode) {
    }

    private final EpisodeStore store;
    private final MediaObjects media;
    private final Clock clock;

    public Uploads(EpisodeStore store, MediaObjects media, Clock clock) {
        this.store = store;
        this.media = media;
        this.clock = clock;
    }

    /**
     * Signs a URL for one file of this type and size, and records it as the episode's pending
     * upload (replacing any earlier one).
     */
    public Requested request(Signing signing, String episodeId, OptionalLong expectedVersion, String contentType, long bytes, String fileName) {
        AudioFormat format = AudioFormat.ofContentType(contentType)
                .orElseThrow(() -> new ValidationException("contentType", "must be " + AudioFormat.contentTypeList()));
        if (bytes < 1 || bytes > signing.maxBytes()) {
            throw new ValidationException("bytes", "must be the file's size, from 1 to " + signing.maxBytes());
        }
        if (fileName != null && fileName.length() > MAX_FILE_NAME) {
            throw new ValidationException("fileName", "must be at most " + MAX_FILE_NAME + " characters");
        }
        Episode current = store.findById(episodeId, true)
                .orElseThrow(() -> new dev.castline.domain.NotFoundException("No episode has this id."));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw EpisodeService.versionMoved();
        }
        MediaKey key = MediaKey.newAudio(current.id(), format);
        UploadSigner.Signed signed = signing.signer().sign(key, format.contentType(), bytes, signing.urlTtl());
        Episode saved = store.update(current, current.toBuilder()
                .upload(new Upload(key.value(), format.contentType(), bytes, clock.instant(), null)));
        return new Requested(signed, key, saved);
    }

    /**
     * Decides what the object at {@code key} becomes. Idempotent: an object that is not an
     * episode's pending upload changes nothing. Transient faults are thrown, so the caller's
     * event is retried.
     */
    public Outcome process(String key, Prober prober) throws IOException {
        Optional<MediaKey> parsed = MediaKey.parse(key).filter(k -> k.kind() == MediaKey.Kind.AUDIO);
        if (parsed.isEmpty()) {
            return Outcome.IGNORED;
        }
        for (int attempt = 1; ; attempt++) {
            Optional<Episode> found = store.findById(parsed.get().owner(), true);
            if (found.isPresent() && found.get().audio() != null && key.equals(found.get().audio().key())) {
                return Outcome.IGNORED; // the episode's audio already: a duplicate event
            }
            if (found.isEmpty() || found.get().upload() == null || !found.get().upload().key().equals(key)
                    || !found.get().upload().isPending()) {
                media.delete(key);
                return Outcome.DISCARDED;
            }
            Episode episode = found.get();
            Optional<AudioInfo> info;
            String refusal = null;
            try {
                info = prober.probe(key);
                if (info.isPresent() && !info.get().contentType().equals(episode.upload().contentType())) {
                    // The key's extension came from the announced type; podcast apps trust it.
                    throw new UnsupportedAudioException("the file is " + describe(info.get().contentType())
                            + ", but the upload announced " + describe(episode.upload().contentType()));
                }
            } catch (UnsupportedAudioException e) {
                info = Optional.empty();
                refusal = e.reason();
            }
            if (info.isEmpty() && refusal == null) {
                return Outcome.IGNORED; // the object is gone: a later upload replaced it, or the episode was deleted
            }
            Episode.Builder next = info.isPresent()
                    ? episode.toBuilder().audio(new Audio(key, info.get().contentType(), info.get().bytes(), info.get().durationMillis()))
                            .upload(null)
                    : episode.toBuilder().upload(episode.upload().rejected(refusal));
            try {
                store.update(episode, next);
            } catch (ConflictException e) {
                if (e.reason() == ConflictException.Reason.VERSION_MISMATCH && attempt < CONFLICT_ATTEMPTS) {
                    continue; // the host edited the episode meanwhile: read it again
                }
                throw new IllegalStateException("episode " + episode.id() + " kept changing while its upload was processed", e);
            }
            if (info.isPresent()) {
                if (episode.audio() != null && !episode.audio().isExternal() && !episode.audio().key().equals(key)) {
                    media.delete(episode.audio().key());
                }
                return Outcome.ACCEPTED;
            }
            media.delete(key);
            return Outcome.REJECTED;
        }
    }

    private static String describe(String contentType) {
        return AudioFormat.ofContentType(contentType).map(AudioFormat::describe).orElse(contentType);
    }
}
