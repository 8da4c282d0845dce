package dev.castline.media;

import dev.castline.domain.MediaKey;
import dev.castline.host.MediaObjects;
import dev.castline.lambda.Log;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media objects in the audio bucket. Withholding and restoring are a server-side copy and a
 * delete: the delete under {@code audio/} is what tells the CDN to forget the object
 * (functions/withdraw-media invalidates every key removed there).
 */
public final class S3MediaObjects implements MediaObjects {
    private final S3Client s3;
    private final String bucket;

    public S3MediaObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void put(String key, String contentType, byte[] content) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl(MediaKey.CACHE_CONTROL),
                RequestBody.fromBytes(content));
    }

    @Override
    public void delete(String key) {
        for (String k : new String[] {key, MediaKey.withheld(key)}) {
            try {
                s3.deleteObject(r -> r.bucket(bucket).key(k));
            } catch (RuntimeException e) {
                // Nothing refers to the object any more; an orphan costs storage, not correctness.
                Log.warn(null, "-", "could not delete media object " + k, e);
            }
        }
    }

    @Override
    public void withhold(String key) {
        move(key, MediaKey.withheld(key));
    }

    @Override
    public void restore(String key) {
        move(MediaKey.withheld(key), key);
    }

    /** Copy, then delete the source; a missing source means the move was done already. */
    private void move(String from, String to) {
        try {
            s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
        } catch (NoSuchKeyException e) {
            return;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return;
            }
            throw e;
        }
        s3.deleteObject(r -> r.bucket(bucket).key(from));
    }
}
