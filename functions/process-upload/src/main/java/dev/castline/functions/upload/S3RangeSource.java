package dev.castline.functions.upload;

import dev.castline.media.RangeSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** An S3 object read by ranged GETs: the probe asks for headers and tails, never the whole file. */
final class S3RangeSource implements RangeSource {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long size;
    private final String etag;

    /** @param etag the object's ETag when it was sized: every read is of that object, or fails */
    S3RangeSource(S3Client s3, String bucket, String key, long size, String etag) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.size = size;
        this.etag = etag;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] read(long offset, int length) {
        if (length <= 0 || offset >= size) {
            return new byte[0];
        }
        long last = Math.min(size, offset + length) - 1;
        // If-Match: were the object replaced while it is read (a second PUT to a still-valid URL),
        // S3 refuses, the event fails and is retried, and the probe never mixes two files.
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)
                .range("bytes=" + offset + "-" + last).ifMatch(etag));
        return bytes.asByteArray();
    }
}
