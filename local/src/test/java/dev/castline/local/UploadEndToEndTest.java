package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.Events;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The host's whole workflow on the local stack, over HTTP: create a draft, ask for an upload URL,
 * PUT a real MP3 to it, let the S3 event process it, publish, and find the episode everywhere.
 */
@ExtendWith(CastlineLocalExtension.class)
class UploadEndToEndTest {
    /** cbr.mp3: 3.030250 s by ffprobe (see shared/src/test/resources/audio/make-fixtures.sh). */
    private static final long CBR_MILLIS = 3030;

    private final CastlineLocal stack;

    UploadEndToEndTest(CastlineLocal stack) {
        this.stack = stack;
        org.junit.jupiter.api.Assumptions.assumeTrue(stack.emitsObjectCreatedEvents(), "needs the embedded S3's events");
    }

    @Test
    void fromAnEmptyDraftToAPublishedEpisodeInTheFeed() throws Exception {
        byte[] mp3 = fixture("/audio/cbr.mp3");
        JsonNode draft = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"Uploaded from the test\",\"tags\":[\"e2e\"]}", 201);
        String id = draft.get("id").asText();

        JsonNode upload = admin("POST", "/api/v1/admin/episodes/" + id + "/audio",
                "{\"contentType\":\"audio/mpeg\",\"bytes\":" + mp3.length + ",\"fileName\":\"cbr.mp3\"}", 201);
        assertThat(Http.send(signedPut(upload, mp3)).statusCode()).isEqualTo(200);

        JsonNode processed = waitFor(id, e -> e.has("audio"));
        assertThat(processed.get("audio").get("bytes").asLong()).isEqualTo(mp3.length);
        assertThat(processed.get("audio").get("durationSeconds").decimalValue().doubleValue() * 1000)
                .isCloseTo(CBR_MILLIS, org.assertj.core.data.Offset.offset(50.0));
        assertThat(processed.has("upload")).isFalse();

        JsonNode published = admin("POST", "/api/v1/admin/episodes/" + id + "/publish", "", 200);
        String slug = published.get("slug").asText();
        String enclosure = published.get("audio").get("url").asText();
        assertThat(enclosure).startsWith(stack.baseUrl() + "/media/audio/" + id + "/");

        assertThat(Http.get(URI.create(stack.baseUrl() + "/api/v1/episodes?tag=e2e")).body()).contains(slug);
        assertThat(Http.get(URI.create(stack.baseUrl() + "/api/v1/episodes/" + slug)).status()).isEqualTo(200);
        String feed = Http.get(URI.create(stack.baseUrl() + "/feed.xml")).body();
        assertThat(feed).contains("<enclosure url=\"" + enclosure + "\" length=\"" + mp3.length + "\" type=\"audio/mpeg\"/>");

        HttpResponse<byte[]> range = Http.send(HttpRequest.newBuilder(URI.create(enclosure)).header("Range", "bytes=0-1").build());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).containsExactly(mp3[0], mp3[1]);

        admin("DELETE", "/api/v1/admin/episodes/" + id, null, 204); // leave the shared stack's show as the sample
        assertThat(Http.get(URI.create(stack.baseUrl() + "/api/v1/episodes/" + slug)).status()).isEqualTo(404);
    }

    @Test
    void duplicateAndStaleEventsChangeNothing() throws Exception {
        byte[] mp3 = fixture("/audio/vbr-xing.mp3");
        String id = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"Duplicate events\"}", 201).get("id").asText();
        JsonNode upload = admin("POST", "/api/v1/admin/episodes/" + id + "/audio",
                "{\"contentType\":\"audio/mpeg\",\"bytes\":" + mp3.length + "}", 201);
        Http.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
                .header("Content-Type", "audio/mpeg").header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofByteArray(mp3)).build());
        JsonNode processed = waitFor(id, e -> e.has("audio"));
        long version = processed.get("version").asLong();

        var processor = new dev.castline.functions.upload.ProcessUploadHandler(stack.config(), stack.adminConfig().media(),
                stack.dynamo(), stack.s3(), java.time.Clock.systemUTC());
        String key = upload.get("key").asText();
        String stale = "audio/" + id + "/00000000-0000-4000-8000-000000000000.mp3";
        for (String event : new String[] {s3Event(key), s3Event(key), s3Event(stale)}) {
            processor.handleRequest(new java.io.ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    new java.io.ByteArrayOutputStream(), null);
        }
        JsonNode after = admin("GET", "/api/v1/admin/episodes/" + id, null, 200);
        assertThat(after.get("version").asLong()).isEqualTo(version);
        assertThat(after.get("audio").get("key").asText()).isEqualTo(key);
    }

    @Test
    void aReplayedUploadUrlNeverChangesWhatListenersReceive() throws Exception {
        byte[] mp3 = fixture("/audio/cbr.mp3");
        String id = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"Replayed upload\"}", 201).get("id").asText();
        JsonNode upload = admin("POST", "/api/v1/admin/episodes/" + id + "/audio",
                "{\"contentType\":\"audio/mpeg\",\"bytes\":" + mp3.length + "}", 201);
        assertThat(upload.get("headers").has("if-none-match")).as("the URL writes once").isTrue();
        assertThat(Http.send(signedPut(upload, mp3)).statusCode()).isEqualTo(200);
        String key = waitFor(id, e -> e.has("audio")).get("audio").get("key").asText();
        admin("POST", "/api/v1/admin/episodes/" + id + "/publish", "", 200);

        // Same length, other bytes, same URL, before it expires: refused, and /media serves the original.
        byte[] evil = new byte[mp3.length];
        java.util.Arrays.fill(evil, (byte) 0x41);
        assertThat(Http.send(signedPut(upload, evil)).statusCode()).isEqualTo(412);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/media/" + key)).build()).body()).isEqualTo(mp3);

        // Once the episode is deleted its object is gone; a replay then writes an object nothing
        // points at, which the processor deletes as soon as it arrives.
        admin("DELETE", "/api/v1/admin/episodes/" + id, null, 204);
        assertThat(objects(key)).isZero();
        assertThat(Http.send(signedPut(upload, evil)).statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (objects(key) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(objects(key)).as("a replayed object for a deleted episode does not stay").isZero();
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/media/" + key)).build()).statusCode()).isEqualTo(404);
    }

    @Test
    void unpublishingTakesTheAudioOffItsUrlAndPublishingAgainBringsItBack() throws Exception {
        byte[] mp3 = fixture("/audio/cbr.mp3");
        String id = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"Withdrawn for a while\"}", 201).get("id").asText();
        String key = uploadAndProcess(id, mp3, "audio/mpeg");
        String url = admin("POST", "/api/v1/admin/episodes/" + id + "/publish", "", 200).get("audio").get("url").asText();
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)).build()).body()).isEqualTo(mp3);

        admin("POST", "/api/v1/admin/episodes/" + id + "/unpublish", "", 200);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)).build()).statusCode())
                .as("a link someone kept stops playing").isEqualTo(404);
        assertThat(objects(key)).isZero();
        assertThat(objects(dev.castline.domain.MediaKey.withheld(key))).as("kept, out of reach").isEqualTo(1);
        JsonNode draft = admin("GET", "/api/v1/admin/episodes/" + id, null, 200);
        assertThat(draft.get("audio").get("key").asText()).as("nothing to upload again").isEqualTo(key);

        admin("POST", "/api/v1/admin/episodes/" + id + "/publish", "", 200);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)).build()).body()).isEqualTo(mp3);
        assertThat(objects(dev.castline.domain.MediaKey.withheld(key))).isZero();
        Thread.sleep(300); // the restored object's ObjectCreated event reaches the processor, which must leave it be
        assertThat(admin("GET", "/api/v1/admin/episodes/" + id, null, 200).get("audio").get("key").asText()).isEqualTo(key);
        assertThat(objects(key)).isEqualTo(1);

        admin("POST", "/api/v1/admin/episodes/" + id + "/unpublish", "", 200);
        admin("DELETE", "/api/v1/admin/episodes/" + id, null, 204);
        assertThat(objects(key) + objects(dev.castline.domain.MediaKey.withheld(key))).as("deleting removes the withheld copy too").isZero();
    }

    /** The PUT a host's client makes: to the signed URL, with the headers the answer lists (the length is the body's). */
    private static HttpRequest signedPut(JsonNode upload, byte[] body) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.get("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        return put.build();
    }

    @Test
    void aNewUploadReplacesTheOldAudioAndDeletingTheEpisodeRemovesItsAudio() throws Exception {
        String id = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"Replaced audio\"}", 201).get("id").asText();
        String first = uploadAndProcess(id, fixture("/audio/cbr.mp3"), "audio/mpeg");
        String second = uploadAndProcess(id, fixture("/audio/moov-last.m4a"), "audio/x-m4a");
        assertThat(second).endsWith(".m4a");
        assertThat(objects(first)).as("the replaced audio is deleted").isZero();
        assertThat(objects(second)).isEqualTo(1);

        admin("DELETE", "/api/v1/admin/episodes/" + id, null, 204);
        assertThat(objects(second)).as("a deleted episode's audio is deleted").isZero();
    }

    @Test
    void theAdminsUploadUrlRefusesAnotherContentType() {
        String id = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"Wrong type\"}", 201).get("id").asText();
        JsonNode upload = admin("POST", "/api/v1/admin/episodes/" + id + "/audio", "{\"contentType\":\"audio/mpeg\",\"bytes\":16}", 201);
        HttpResponse<byte[]> put = Http.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
                .header("Content-Type", "text/html").header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[16])).build());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(objects(upload.get("key").asText())).isZero();
    }

    private String uploadAndProcess(String id, byte[] audio, String type) throws InterruptedException {
        JsonNode upload = admin("POST", "/api/v1/admin/episodes/" + id + "/audio",
                "{\"contentType\":\"" + type + "\",\"bytes\":" + audio.length + "}", 201);
        String key = upload.get("key").asText();
        Http.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
                .header("Content-Type", type).header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofByteArray(audio)).build());
        waitFor(id, e -> e.has("audio") && e.get("audio").get("key").asText().equals(key));
        return key;
    }

    private int objects(String key) {
        return stack.s3().listObjectsV2(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).prefix(key)).contents().size();
    }

    private static String s3Event(String key) {
        return "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
                + CastlineLocal.AUDIO_BUCKET + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":1}}}]}";
    }

    @Test
    void aFileThatIsNotAudioIsRefusedWithAReasonAndDeleted() throws Exception {
        byte[] text = "this is not audio, just text pretending to be an mp3\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        String id = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"A bad upload\"}", 201).get("id").asText();
        JsonNode upload = admin("POST", "/api/v1/admin/episodes/" + id + "/audio",
                "{\"contentType\":\"audio/mpeg\",\"bytes\":" + text.length + "}", 201);
        Http.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText()))
                .header("Content-Type", "audio/mpeg").header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofByteArray(text)).build());

        JsonNode refused = waitFor(id, e -> e.has("upload") && e.get("upload").get("state").asText().equals("rejected"));
        assertThat(refused.get("upload").get("reason").asText()).containsIgnoringCase("not an MP3 or M4A");
        assertThat(refused.has("audio")).isFalse();
        assertThat(refused.get("status").asText()).isEqualTo("draft");
        String key = upload.get("key").asText();
        assertThat(stack.s3().listObjectsV2(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).prefix(key)).contents()).isEmpty();
    }

    private JsonNode waitFor(String id, Predicate<JsonNode> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode episode;
        do {
            episode = admin("GET", "/api/v1/admin/episodes/" + id, null, 200);
            if (condition.test(episode)) {
                return episode;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the upload was not processed in time: " + episode);
    }

    private JsonNode admin(String method, String path, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .header("Authorization", "Bearer " + stack.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        var response = Http.asLambdaResponse(Http.send(request.build()));
        assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return Events.json(response.body());
    }

    private static byte[] fixture(String resource) throws Exception {
        try (InputStream in = UploadEndToEndTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

}
