package dev.castline.functions.feed;

import dev.castline.testing.ApiFixture.LambdaResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/** Reads a feed response body back as a podcast app would: base64 and gzip undone. */
final class FeedResponses {
    private FeedResponses() {
    }

    static byte[] xml(LambdaResponse response) {
        if (!response.base64()) {
            return response.body().getBytes(StandardCharsets.UTF_8);
        }
        byte[] raw = Base64.getDecoder().decode(response.body());
        if (!"gzip".equals(response.headers().get("content-encoding"))) {
            return raw;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
