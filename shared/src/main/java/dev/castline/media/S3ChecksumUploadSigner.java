package dev.castline.media;

import dev.castline.domain.AudioFormat;
import dev.castline.domain.MediaKey;
import dev.castline.host.UploadSigner;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * A presigned S3 PUT like {@link S3UploadSigner}'s (type, length and {@code If-None-Match: *}
 * signed), with the client's MD5 of the file signed too, as {@code Content-MD5}: the store
 * computes the MD5 of the body it receives and refuses it (400 BadDigest) when it differs, so a
 * body changed after signing, or on the way, is never stored.
 */
public final class S3ChecksumUploadSigner implements UploadSigner {
    private final S3Presigner presigner;
    private final String bucket;
    private final String contentMd5;

    public S3ChecksumUploadSigner(S3Presigner presigner, String bucket, String contentMd5) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.contentMd5 = contentMd5;
    }

    @Override
    public Signed sign(MediaKey key, AudioFormat format, long bytes, Duration ttl) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p
                .signatureDuration(ttl)
                .putObjectRequest(o -> o.bucket(bucket).key(key.value()).contentType(format.contentType()).contentLength(bytes)
                        .contentMD5(contentMd5).ifNoneMatch("*")));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : signed.signedHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                headers.put(header.getKey(), String.join(",", header.getValue()));
            }
        }
        return new Signed(URI.create(signed.url().toString()), headers, signed.expiration());
    }
}
