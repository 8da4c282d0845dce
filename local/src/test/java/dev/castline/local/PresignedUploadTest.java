package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.Events;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * A host's upload as it will happen: a PUT to a presigned URL, checked by S3Proxy as S3 checks it,
 * and then the ObjectCreated event S3 would send, delivered to a subscribed handler.
 */
@ExtendWith(CastlineLocalExtension.class)
class PresignedUploadTest {
    private final CastlineLocal stack;

    PresignedUploadTest(CastlineLocal stack) {
        this.stack = stack;
    }

    @Test
    void aSignedPutIsStoredAndItsObjectCreatedEventReachesTheHandler() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(stack.emitsObjectCreatedEvents(), "S3 events come from the embedded S3 only");
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        RequestStreamHandler handler = (in, out, context) -> delivered.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        stack.subscribe("recording-handler", "uploads-test/", handler);
        byte[] audio = new byte[4096];
        PresignedPutObjectRequest signed = presign("uploads-test/episode/one.mp3", "audio/mpeg", audio.length);

        HttpResponse<byte[]> put = Http.send(put(signed, "audio/mpeg", audio));

        assertThat(put.statusCode()).as(new String(put.body())).isEqualTo(200);
        String event = delivered.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("ObjectCreated event delivered").isNotNull();
        JsonNode record = Events.json(event).get("Records").get(0);
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.get("s3").get("bucket").get("name").asText()).isEqualTo(CastlineLocal.AUDIO_BUCKET);
        assertThat(record.get("s3").get("object").get("key").asText()).isEqualTo("uploads-test/episode/one.mp3");
        assertThat(record.get("s3").get("object").get("size").asLong()).isEqualTo(4096);
        assertThat(stack.s3().headObject(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key("uploads-test/episode/one.mp3")).contentType())
                .isEqualTo("audio/mpeg");
    }

    @Test
    void aPutWithAnotherContentTypeIsRefused() {
        PresignedPutObjectRequest signed = presign("uploads-test/wrong-type.mp3", "audio/mpeg", 100);
        HttpResponse<byte[]> put = Http.send(put(signed, "text/html", new byte[100]));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(stack.s3().listObjectsV2(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).prefix("uploads-test/wrong-type")).contents()).isEmpty();
    }

    @Test
    void aPutOfAnotherLengthIsRefused() {
        PresignedPutObjectRequest signed = presign("uploads-test/wrong-length.mp3", "audio/mpeg", 100);
        HttpResponse<byte[]> put = Http.send(put(signed, "audio/mpeg", new byte[5000]));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(stack.s3().listObjectsV2(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).prefix("uploads-test/wrong-length")).contents()).isEmpty();
    }

    @Test
    void aSignedUrlCannotBeUsedAfterItExpires() throws Exception {
        PresignedPutObjectRequest signed;
        try (S3Presigner presigner = stack.presigner()) {
            signed = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofSeconds(1)).putObjectRequest(o -> o
                    .bucket(CastlineLocal.AUDIO_BUCKET).key("uploads-test/expired.mp3").contentType("audio/mpeg").contentLength(10L)));
        }
        Thread.sleep(2_100);
        HttpResponse<byte[]> put = Http.send(put(signed, "audio/mpeg", new byte[10]));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(stack.s3().listObjectsV2(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).prefix("uploads-test/expired")).contents()).isEmpty();
    }

    @Test
    void aSignedUrlWritesOnceAndAReplayChangesNothing() throws Exception {
        String key = "uploads-test/once.mp3";
        PresignedPutObjectRequest signed;
        try (S3Presigner presigner = stack.presigner()) {
            signed = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5)).putObjectRequest(o -> o
                    .bucket(CastlineLocal.AUDIO_BUCKET).key(key).contentType("audio/mpeg").contentLength(4L).ifNoneMatch("*")));
        }
        assertThat(signed.signedHeaders()).containsKey("if-none-match");
        HttpResponse<byte[]> first = Http.send(HttpRequest.newBuilder(signed.url().toURI()).header("Content-Type", "audio/mpeg")
                .header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3, 4})).build());
        assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);

        HttpResponse<byte[]> replay = Http.send(HttpRequest.newBuilder(signed.url().toURI()).header("Content-Type", "audio/mpeg")
                .header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {9, 9, 9, 9})).build());
        assertThat(replay.statusCode()).as(new String(replay.body())).isEqualTo(412);
        assertThat(stack.s3().getObjectAsBytes(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(key)).asByteArray())
                .containsExactly(1, 2, 3, 4);

        // Without the header the signature does not hold: the condition cannot be dropped.
        HttpResponse<byte[]> unconditional = Http.send(HttpRequest.newBuilder(signed.url().toURI()).header("Content-Type", "audio/mpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {7, 7, 7, 7})).build());
        assertThat(unconditional.statusCode()).isEqualTo(403);
        assertThat(stack.s3().getObjectAsBytes(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(key)).asByteArray())
                .containsExactly(1, 2, 3, 4);
    }

    private PresignedPutObjectRequest presign(String key, String contentType, long length) {
        try (S3Presigner presigner = stack.presigner()) {
            return presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5)).putObjectRequest(o -> o
                    .bucket(CastlineLocal.AUDIO_BUCKET).key(key).contentType(contentType).contentLength(length)));
        }
    }

    private static HttpRequest put(PresignedPutObjectRequest signed, String contentType, byte[] body) throws RuntimeException {
        try {
            return HttpRequest.newBuilder(signed.url().toURI())
                    .header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
