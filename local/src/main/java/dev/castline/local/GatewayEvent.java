package dev.castline.local;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castline.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the event API Gateway's HTTP API sends a Lambda function (payload format 2.0), and reads
 * the function's answer back, following AWS's documented format: header names lower-cased and
 * repeated values joined with commas, cookies moved to their own array, query parameters decoded
 * and repeated ones joined with commas, a binary body base64-encoded.
 */
final class GatewayEvent {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** What arrived on the wire, plus what routing found. */
    record Request(String method, String rawPath, String rawQueryString, Map<String, List<String>> headers,
                   byte[] body, String sourceIp, String routeKey, Map<String, String> pathParameters,
                   String requestId, Instant time) {
    }

    /** What the function answered, as API Gateway would turn it into an HTTP response. */
    record Response(int status, Map<String, String> headers, List<String> cookies, byte[] body) {
    }

    private GatewayEvent() {
    }

    static String build(Request r, String host) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", r.routeKey());
            json.writeStringField("rawPath", r.rawPath());
            json.writeStringField("rawQueryString", r.rawQueryString() == null ? "" : r.rawQueryString());

            Map<String, String> headers = new LinkedHashMap<>();
            List<String> cookies = new ArrayList<>();
            r.headers().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("cookie")) {
                    values.forEach(v -> { for (String c : v.split(";")) { if (!c.isBlank()) cookies.add(c.strip()); } });
                } else {
                    headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
                }
            });
            if (!cookies.isEmpty()) {
                Json.stringArray(json, "cookies", cookies);
            }
            stringMap(json, "headers", headers);
            Map<String, String> query = queryParameters(r.rawQueryString());
            if (!query.isEmpty()) {
                stringMap(json, "queryStringParameters", query);
            }
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("accountId", "000000000000");
            json.writeStringField("apiId", "local");
            json.writeStringField("domainName", host);
            json.writeStringField("domainPrefix", host.split("[.:]")[0]);
            json.writeObjectFieldStart("http");
            json.writeStringField("method", r.method());
            json.writeStringField("path", r.rawPath());
            json.writeStringField("protocol", "HTTP/1.1");
            json.writeStringField("sourceIp", r.sourceIp());
            json.writeStringField("userAgent", headers.getOrDefault("user-agent", ""));
            json.writeEndObject();
            json.writeStringField("requestId", r.requestId());
            json.writeStringField("routeKey", r.routeKey());
            json.writeStringField("stage", "$default");
            json.writeStringField("time", REQUEST_TIME.format(r.time()));
            json.writeNumberField("timeEpoch", r.time().toEpochMilli());
            json.writeEndObject();
            if (!r.pathParameters().isEmpty()) {
                stringMap(json, "pathParameters", r.pathParameters());
            }
            if (r.body() != null && r.body().length > 0) {
                boolean text = isText(headers.get("content-type"));
                json.writeStringField("body", text
                        ? new String(r.body(), StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(r.body()));
                json.writeBooleanField("isBase64Encoded", !text);
            } else {
                json.writeBooleanField("isBase64Encoded", false);
            }
            json.writeEndObject();
        });
    }

    /**
     * Reads a function's output. With payload 2.0 a function may also return any JSON without a
     * {@code statusCode}: API Gateway then answers 200 with that JSON as the body.
     */
    static Response parseResponse(byte[] output) {
        JsonNode root;
        try {
            root = MAPPER.readTree(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject() || !root.has("statusCode")) {
            return new Response(200, Map.of("content-type", "application/json"), List.of(), output);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        root.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        root.path("multiValueHeaders").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            headers.put(e.getKey().toLowerCase(Locale.ROOT), String.join(",", values));
        });
        List<String> cookies = new ArrayList<>();
        root.path("cookies").forEach(c -> cookies.add(c.asText()));
        byte[] body = new byte[0];
        if (root.hasNonNull("body")) {
            String text = root.get("body").asText();
            body = root.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        return new Response(root.get("statusCode").asInt(), headers, cookies, body);
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/javascript");
    }

    private static void stringMap(JsonGenerator json, String name, Map<String, String> map) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : map.entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }
}
