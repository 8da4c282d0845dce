package dev.castline.functions.downloads;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The ID3v2 tags at the front of an audio file in the bucket, by ranged reads of their 10-byte headers; 0 if none, or if the file is gone. */
final class S3TagSizes implements AudioFacts.TagSizes {
    /** Taggers sometimes prepend a tag without removing the old one; a few are followed. */
    private static final int MAX_TAGS = 8;

    private final S3Client s3;
    private final String bucket;

    S3TagSizes(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public long of(String key) {
        long offset = 0;
        for (int i = 0; i < MAX_TAGS; i++) {
            long from = offset;
            byte[] header;
            try {
                header = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=" + from + "-" + (from + 9))).asByteArray();
            } catch (NoSuchKeyException e) {
                return offset;
            } catch (S3Exception e) {
                // 403: gone (the function may not list the bucket) or withheld; 416: the file ends here.
                if (e.statusCode() == 403 || e.statusCode() == 404 || e.statusCode() == 416) {
                    return offset;
                }
                throw e;
            }
            long size = AudioFacts.id3Size(header);
            if (size == 0) {
                return offset;
            }
            offset += size;
        }
        return offset;
    }
}
