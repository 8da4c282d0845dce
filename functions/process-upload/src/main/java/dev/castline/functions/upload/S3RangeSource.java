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

    S3RangeSource(S3Client s3, String bucket, String key, long size) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.size = size;
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
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=" + offset + "-" + last));
        return bytes.asByteArray();
    }
}
