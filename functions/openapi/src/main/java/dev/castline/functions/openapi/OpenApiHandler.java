package dev.castline.functions.openapi;

import dev.castline.config.Config;
import dev.castline.lambda.ApiHandler;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the API's contract, as built from {@code api/openapi.yaml}.
 * Read once per container; no AWS client, nothing else to do.
 */
public final class OpenApiHandler extends ApiHandler {
    static final String DOCUMENT = "/openapi.json";

    private final byte[] document;

    /** Lambda's entry. */
    public OpenApiHandler() {
        this(Config.fromEnvironment(System.getenv()));
    }

    public OpenApiHandler(Config config) {
        super(config.cacheMaxAge());
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not in the function's artifact: build it with Maven");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.text(200, document, ApiResponse.JSON);
    }
}
