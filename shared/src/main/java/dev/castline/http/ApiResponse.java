package dev.castline.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers. The body is kept as bytes so that a binary body (gzip) and text share
 * one path; {@link ApiEvents} base64-encodes it when it is not UTF-8 text.
 */
public final class ApiResponse {
    public static final String JSON = "application/json; charset=utf-8";

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final boolean binary;

    private ApiResponse(int status, byte[] body, boolean binary) {
        this.status = status;
        this.body = body;
        this.binary = binary;
    }

    public static ApiResponse json(int status, String json) {
        return new ApiResponse(status, json.getBytes(StandardCharsets.UTF_8), false).header("content-type", JSON);
    }

    /** A UTF-8 text body of any type (XML, chapters JSON...). */
    public static ApiResponse text(int status, byte[] utf8, String contentType) {
        return new ApiResponse(status, utf8, false).header("content-type", contentType);
    }

    public static ApiResponse binary(int status, byte[] body, String contentType) {
        return new ApiResponse(status, body, true).header("content-type", contentType);
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, new byte[0], false);
    }

    /** Sets a header; names are lower-cased so that one name never appears twice. */
    public ApiResponse header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isBinary() {
        return binary;
    }
}
