package dev.castline.host;

import dev.castline.domain.AudioFormat;
import dev.castline.domain.Episode;
import dev.castline.domain.MediaKey;
import dev.castline.domain.NotFoundException;
import dev.castline.domain.Upload;
import dev.castline.domain.ValidationException;
import dev.castline.store.EpisodeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Large audio files, uploaded in parts straight to the bucket: the episode records the upload as
 * pending exactly as for a single PUT (so the processor treats the completed object the same
 * way), each part goes through its own signed URL with its MD5 signed in, and an interrupted
 * upload is resumed rather than started again: asking again for the same file (type and size)
 * while its multipart upload is still open answers with that upload, and its stored parts.
 * Uploads never completed expire by the bucket's lifecycle rule.
 */
public final class MultipartUploads {
    public static final int MAX_PARTS = 10_000;
    public static final long MIN_PART_BYTES = 5L * 1024 * 1024;
    public static final long MAX_PART_BYTES = 5L * 1024 * 1024 * 1024;
    private static final Pattern MD5_BASE64 = Pattern.compile("[A-Za-z0-9+/]{22}==");

    /** The bucket's side of a multipart upload. */
    public interface Bucket {
        /** Starts one; returns its upload id. */
        String create(String key, String contentType);

        /** The newest open multipart upload of this key. */
        Optional<String> open(String key);

        /** The parts stored so far; {@link NotFoundException} when there is no such upload. */
        List<Part> parts(String key, String uploadId);

        /** A PUT URL for one part of exactly this size and MD5. */
        UploadSigner.Signed signPart(String key, String uploadId, int partNumber, long bytes, String contentMd5, Duration ttl);

        void complete(String key, String uploadId, List<Part> parts);

        void abort(String key, String uploadId);
    }

    /** A stored part: its number, the ETag the store gave it, and its size. */
    public record Part(int number, String etag, long bytes) {
    }

    /** An open multipart upload of the episode's audio; {@code resumed} when it was open already. */
    public record Started(String key, String uploadId, boolean resumed, Episode episode) {
    }

    private final EpisodeStore store;
    private final Bucket bucket;
    private final Clock clock;

    public MultipartUploads(EpisodeStore store, Bucket bucket, Clock clock) {
        this.store = store;
        this.bucket = bucket;
        this.clock = clock;
    }

    /**
     * Opens a multipart upload for a file of this type and size and records it as the episode's
     * pending upload; or, when the episode already waits for a file of this type and size whose
     * multipart upload is still open, answers with that one.
     */
    public Started start(Uploads.Signing limits, String episodeId, OptionalLong expectedVersion, String contentType, long bytes,
                         String fileName) {
        AudioFormat format = AudioFormat.ofContentType(contentType)
                .orElseThrow(() -> new ValidationException("contentType", "must be " + AudioFormat.contentTypeList()));
        if (bytes < 1 || bytes > limits.maxBytes()) {
            throw new ValidationException("bytes", "must be the file's size, from 1 to " + limits.maxBytes());
        }
        if (fileName != null && fileName.length() > Uploads.MAX_FILE_NAME) {
            throw new ValidationException("fileName", "must be at most " + Uploads.MAX_FILE_NAME + " characters");
        }
        Episode current = episode(episodeId);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw EpisodeService.versionMoved();
        }
        Upload pending = current.upload();
        if (pending != null && pending.isPending() && pending.contentType().equals(format.contentType()) && pending.bytes() == bytes) {
            Optional<String> open = bucket.open(pending.key());
            if (open.isPresent()) {
                return new Started(pending.key(), open.get(), true, current);
            }
        }
        MediaKey key = MediaKey.newAudio(current.id(), format);
        String uploadId = bucket.create(key.value(), format.contentType());
        Episode saved = store.update(current, current.toBuilder()
                .upload(new Upload(key.value(), format.contentType(), bytes, clock.instant(), null)));
        return new Started(key.value(), uploadId, false, saved);
    }

    public List<Part> parts(String episodeId, String uploadId) {
        return bucket.parts(pendingKey(episodeId), uploadId);
    }

    public UploadSigner.Signed signPart(String episodeId, String uploadId, int partNumber, long bytes, String contentMd5, Duration ttl) {
        if (partNumber < 1 || partNumber > MAX_PARTS) {
            throw new ValidationException("partNumber", "must be from 1 to " + MAX_PARTS);
        }
        if (bytes < 1 || bytes > MAX_PART_BYTES) {
            throw new ValidationException("bytes", "must be the part's size, from 1 to " + MAX_PART_BYTES);
        }
        if (contentMd5 == null || !MD5_BASE64.matcher(contentMd5).matches()) {
            throw new ValidationException("contentMd5", "must be the part's MD5 in base64 (24 characters), as in Content-MD5");
        }
        String key = pendingKey(episodeId);
        bucket.parts(key, uploadId); // the upload must be open: a part for another one is refused here
        return bucket.signPart(key, uploadId, partNumber, bytes, contentMd5, ttl);
    }

    /**
     * Completes the upload from the parts named, which must be stored with these ETags and add up
     * to the size the upload announced; all but the last must be at least 5 MiB.
     */
    public String complete(String episodeId, String uploadId, List<Part> named) {
        String key = pendingKey(episodeId);
        Upload pending = store.findById(episodeId, true).map(Episode::upload).orElseThrow();
        List<Part> stored = bucket.parts(key, uploadId);
        if (named.isEmpty()) {
            throw new ValidationException("parts", "must name every part, in order");
        }
        long total = 0;
        for (int i = 0; i < named.size(); i++) {
            Part part = named.get(i);
            String field = "parts[" + i + "]";
            if (part.number() != i + 1) {
                throw new ValidationException(field + ".partNumber", "must be " + (i + 1) + ": parts are numbered from 1, in order");
            }
            Part held = stored.stream().filter(p -> p.number() == part.number()).findFirst()
                    .orElseThrow(() -> new ValidationException(field, "part " + part.number() + " is not stored"));
            if (!unquote(held.etag()).equalsIgnoreCase(unquote(part.etag()))) {
                throw new ValidationException(field + ".etag", "is not the ETag of the stored part " + part.number());
            }
            if (i < named.size() - 1 && held.bytes() < MIN_PART_BYTES) {
                throw new ValidationException(field, "every part but the last must be at least " + MIN_PART_BYTES + " bytes");
            }
            total += held.bytes();
        }
        if (total != pending.bytes()) {
            throw new ValidationException("parts", "hold " + total + " bytes, but the upload announced " + pending.bytes());
        }
        bucket.complete(key, uploadId, named.stream().map(p -> new Part(p.number(), unquote(p.etag()), 0)).toList());
        return key;
    }

    public void abort(String episodeId, String uploadId) {
        bucket.abort(pendingKey(episodeId), uploadId);
    }

    private Episode episode(String id) {
        return store.findById(id, true).orElseThrow(() -> new NotFoundException("No episode has this id."));
    }

    private String pendingKey(String episodeId) {
        Upload pending = episode(episodeId).upload();
        if (pending == null || !pending.isPending()) {
            throw new NotFoundException("The episode waits for no upload.");
        }
        return pending.key();
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }
}
