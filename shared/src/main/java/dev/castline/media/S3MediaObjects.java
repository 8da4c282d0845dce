package dev.castline.media;

import dev.castline.host.MediaObjects;
import dev.castline.lambda.Log;
import software.amazon.awssdk.services.s3.S3Client;

/** Media objects in the audio bucket. */
public final class S3MediaObjects implements MediaObjects {
    private final S3Client s3;
    private final String bucket;

    public S3MediaObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (RuntimeException e) {
            // Nothing refers to the object any more; an orphan costs storage, not correctness.
            Log.warn(null, "-", "could not delete media object " + key, e);
        }
    }
}
