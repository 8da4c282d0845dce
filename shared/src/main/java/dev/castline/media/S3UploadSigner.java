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
 * can never replace media listeners already receive.
 */
public final class S3UploadSigner implements UploadSigner {
    private final S3Presigner presigner;
    private final String bucket;

    public S3UploadSigner(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public Signed sign(MediaKey key, String contentType, long bytes, Duration ttl) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p
                .signatureDuration(ttl)
                .putObjectRequest(o -> o.bucket(bucket).key(key.value()).contentType(contentType).contentLength(bytes)
                        .ifNoneMatch("*")));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : signed.signedHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                headers.put(header.getKey(), String.join(",", header.getValue()));
            }
        }
        return new Signed(URI.create(signed.url().toString()), headers, signed.expiration());
    }
}
