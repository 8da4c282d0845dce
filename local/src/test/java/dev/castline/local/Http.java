package dev.castline.local;

import dev.castline.testing.ApiContract;
import dev.castline.testing.ApiFixture.LambdaResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A plain HTTP client for end-to-end tests: what goes over the wire is what a listener's app sends. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static LambdaResponse get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return asLambdaResponse(send(request.build()));
    }

    /**
     * The same record the handler tests read, so both share their assertions. An answer of a
     * route the gateway serves is held to the OpenAPI document ({@link ApiContract}); media and
     * paths with no route (the gateway's own 404) are not the API's.
     */
    static LambdaResponse asLambdaResponse(HttpResponse<byte[]> response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        LambdaResponse answer = new LambdaResponse(response.statusCode(), headers,
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), false);
        String path = response.request().uri().getRawPath();
        boolean gatewayNotFound = answer.status() == 404 && "{\"message\":\"Not Found\"}".equals(answer.body());
        if (!path.startsWith("/media/") && !gatewayNotFound) {
            ApiContract.get().check(response.request().method(), path, answer);
        }
        return answer;
    }
}
