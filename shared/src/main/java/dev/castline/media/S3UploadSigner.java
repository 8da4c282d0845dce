package dev.castline.media;

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
 * Presigned S3 PUTs with the content type, the length and {@code If-None-Match: *} signed: S3
 * refuses the upload if the type or length differs from what the host announced, and refuses a
 * second PUT to the same key (412): a URL writes its object once, and a replay until it expires
 * can never replace media listeners already receive. With the client's {@code Content-MD5} signed
 * too, S3 refuses a body whose digest differs: a file corrupted on the way is never stored.
 */
public final class S3UploadSigner implements UploadSigner {
    private final S3Presigner presigner;
    private final String bucket;
    private final String contentMd5;

    public S3UploadSigner(S3Presigner presigner, String bucket) {
        this(presigner, bucket, null);
    }

    /** @param contentMd5 the base64 MD5 of the file the client will send; null to sign none */
    public S3UploadSigner(S3Presigner presigner, String bucket, String contentMd5) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.contentMd5 = contentMd5;
    }

    @Override
    public Signed sign(MediaKey key, String contentType, long bytes, Duration ttl) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p
                .signatureDuration(ttl)
                .putObjectRequest(o -> o.bucket(bucket).key(key.value()).contentType(contentType).contentLength(bytes)
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
