package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The host's API of a local stack, as the end-to-end tests call it: with the admin token, answers held to the OpenAPI document. */
final class AdminApi {
    private final CastlineLocal stack;

    AdminApi(CastlineLocal stack) {
        this.stack = stack;
    }

    /** Calls the route and asserts its status; the JSON answer, or null for an empty one. */
    JsonNode call(String method, String path, String body, int expected) {
        return call(method, path, body, expected, null);
    }

    JsonNode call(String method, String path, String body, int expected, String ifMatch) {
        return send(method, path, body, expected, ifMatch).json();
    }

    /** The JSON answer (null when empty) and its ETag. */
    record Answer(JsonNode json, String etag) {
    }

    /** Calls the route and asserts its status; the answer with its ETag, for a later If-Match. */
    Answer send(String method, String path, String body, int expected, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .header("Authorization", "Bearer " + stack.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        LambdaResponse response = Http.asLambdaResponse(Http.send(request.build()));
        assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return new Answer(response.body().isEmpty() ? null : Events.json(response.body()), response.headers().get("etag"));
    }

    /** The PUT a host's client makes with a signed upload: to its URL, with the headers it lists (the length is the body's). */
    static HttpRequest signedPut(JsonNode upload, byte[] body) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText())).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.get("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        return put.build();
    }

    /** Uploads {@code mp3} as the episode's audio and waits until the processor has made it the episode's. */
    void uploadAudio(String episodeId, byte[] mp3) {
        JsonNode upload = call("POST", "/api/v1/admin/episodes/" + episodeId + "/audio",
                "{\"contentType\":\"audio/mpeg\",\"bytes\":" + mp3.length + "}", 201);
        assertThat(Http.send(signedPut(upload, mp3)).statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!call("GET", "/api/v1/admin/episodes/" + episodeId, null, 200).has("audio")) {
            assertThat(System.nanoTime()).as("the upload is processed in time").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
