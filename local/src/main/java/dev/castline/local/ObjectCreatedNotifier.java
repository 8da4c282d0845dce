package dev.castline.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.http.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3 bucket notifications, which S3Proxy lacks: wraps the blob store S3Proxy serves from, and
 * after each object is created sends an ObjectCreated event shaped as S3 sends it to the
 * subscribed functions, asynchronously, with Lambda's two retries for asynchronous invocations.
 */
final class ObjectCreatedNotifier extends ForwardingBlobStore {
    private static final int ATTEMPTS = 3;

    record Subscriber(String name, String keyPrefix, RequestStreamHandler handler) {
    }

    private final String region;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ObjectCreatedNotifier(BlobStore delegate, String region) {
        super(delegate);
        this.region = region;
    }

    void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        created(request.bucket(), request.key(), response.eTag(), "ObjectCreated:Put");
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created(request.destinationBucket(), request.destinationKey(), response.copyObjectResult().eTag(), "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload, CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(request.bucket(), request.key(), response.eTag(), "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    private void created(String bucket, String key, String etag, String eventName) {
        long size = delegate().blobMetadata(bucket, key).contentLength();
        String event = event(bucket, key, size, etag, eventName);
        for (Subscriber s : subscribers) {
            if (key.startsWith(s.keyPrefix())) {
                executor.submit(() -> invoke(s, event));
            }
        }
    }

    private static void invoke(Subscriber subscriber, String event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                subscriber.handler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(), new LocalContext(UUID.randomUUID().toString(), subscriber.name()));
                return;
            } catch (Exception e) {
                System.err.println("[s3-events] " + subscriber.name() + " failed (attempt " + attempt + " of " + ATTEMPTS + "): " + e);
                if (attempt < ATTEMPTS) {
                    try {
                        Thread.sleep(1000L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private String event(String bucket, String key, long size, String etag, String eventName) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            json.writeStartObject();
            json.writeStringField("eventVersion", "2.1");
            json.writeStringField("eventSource", "aws:s3");
            json.writeStringField("awsRegion", region);
            json.writeStringField("eventTime", Instant.now().toString());
            json.writeStringField("eventName", eventName);
            json.writeObjectFieldStart("userIdentity");
            json.writeStringField("principalId", "AWS:LOCAL");
            json.writeEndObject();
            json.writeObjectFieldStart("requestParameters");
            json.writeStringField("sourceIPAddress", "127.0.0.1");
            json.writeEndObject();
            json.writeObjectFieldStart("responseElements");
            json.writeStringField("x-amz-request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
            json.writeStringField("x-amz-id-2", UUID.randomUUID().toString());
            json.writeEndObject();
            json.writeObjectFieldStart("s3");
            json.writeStringField("s3SchemaVersion", "1.0");
            json.writeStringField("configurationId", "castline-local");
            json.writeObjectFieldStart("bucket");
            json.writeStringField("name", bucket);
            json.writeObjectFieldStart("ownerIdentity");
            json.writeStringField("principalId", "LOCAL");
            json.writeEndObject();
            json.writeStringField("arn", "arn:aws:s3:::" + bucket);
            json.writeEndObject();
            json.writeObjectFieldStart("object");
            // S3 URL-encodes the key in events (a space becomes '+').
            json.writeStringField("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
            json.writeNumberField("size", size);
            json.writeStringField("eTag", etag == null ? "" : etag.replace("\"", ""));
            json.writeStringField("sequencer", HexFormat.of().toHexDigits(System.nanoTime()).toUpperCase());
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    @Override
    public void close() {
        executor.shutdown();
        super.close();
    }
}
