package dev.castline.media;

import dev.castline.domain.NotFoundException;
import dev.castline.host.MultipartUploads;
import dev.castline.host.UploadSigner;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedUploadPartRequest;

/** Multipart uploads in the audio bucket, each part through a presigned URL with its Content-MD5 signed. */
public final class S3MultipartBucket implements MultipartUploads.Bucket {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3MultipartBucket(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public String create(String key, String contentType) {
        return s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId();
    }

    @Override
    public Optional<String> open(String key) {
        return s3.listMultipartUploads(r -> r.bucket(bucket).prefix(key)).uploads().stream()
                .filter(u -> u.key().equals(key))
                .max(Comparator.comparing(MultipartUpload::initiated, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(MultipartUpload::uploadId);
    }

    @Override
    public List<MultipartUploads.Part> parts(String key, String uploadId) {
        List<MultipartUploads.Part> parts = new ArrayList<>();
        Integer marker = null;
        try {
            while (true) {
                Integer after = marker;
                ListPartsResponse page = s3.listParts(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumberMarker(after));
                page.parts().forEach(p -> parts.add(new MultipartUploads.Part(p.partNumber(), p.eTag(), p.size())));
                if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextPartNumberMarker() == null) {
                    return parts;
                }
                marker = page.nextPartNumberMarker();
            }
        } catch (NoSuchUploadException e) {
            throw new NotFoundException("No such upload for the episode's pending audio.");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NotFoundException("No such upload for the episode's pending audio.");
            }
            throw e;
        }
    }

    @Override
    public UploadSigner.Signed signPart(String key, String uploadId, int partNumber, long bytes, String contentMd5, Duration ttl) {
        PresignedUploadPartRequest signed = presigner.presignUploadPart(p -> p.signatureDuration(ttl)
                .uploadPartRequest(u -> u.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength(bytes).contentMD5(contentMd5)));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : signed.signedHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                headers.put(header.getKey(), String.join(",", header.getValue()));
            }
        }
        return new UploadSigner.Signed(URI.create(signed.url().toString()), headers, signed.expiration());
    }

    @Override
    public void complete(String key, String uploadId, List<MultipartUploads.Part> parts) {
        List<CompletedPart> completed = parts.stream().map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build()).toList();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
    }

    @Override
    public void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            throw new NotFoundException("No such upload for the episode's pending audio.");
        }
    }
}
