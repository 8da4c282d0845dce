package dev.castline.bench.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The floor of a cold start: a handler that does nothing but answer. */
public final class HelloHandler {
    public void handleRequest(InputStream input, OutputStream output, Object context) throws IOException {
        output.write("{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
    }
}
