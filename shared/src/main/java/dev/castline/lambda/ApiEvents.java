package dev.castline.lambda;

import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads API Gateway HTTP API events (payload format 2.0) and writes Lambda proxy responses, with
 * Jackson's streaming parser. Only the fields handlers use are kept; the rest is skipped unread.
 */
public final class ApiEvents {
    private ApiEvents() {
    }

    /** @throws MalformedEventException when the input is not such an event */
    public static ApiRequest read(InputStream in) throws IOException {
        Map<String, String> headers = Map.of();
        Map<String, String> query = Map.of();
        Map<String, String> path = Map.of();
        String rawPath = null;
        String routeKey = null;
        String rawQuery = "";
        String body = null;
        boolean base64 = false;
        String[] context = {null, null, null}; // method, requestId, sourceIp

        try (JsonParser p = Json.FACTORY.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "rawPath" -> rawPath = p.getValueAsString();
                    case "routeKey" -> routeKey = p.getValueAsString();
                    case "rawQueryString" -> rawQuery = p.getValueAsString("");
                    case "headers" -> headers = lowerCaseKeys(stringMap(p, value));
                    case "queryStringParameters" -> query = stringMap(p, value);
                    case "pathParameters" -> path = stringMap(p, value);
                    case "body" -> body = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    case "isBase64Encoded" -> base64 = value == JsonToken.VALUE_TRUE;
                    case "requestContext" -> requestContext(p, value, context);
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedEventException("event is not valid JSON");
        }
        if (rawPath == null || context[0] == null) {
            throw new MalformedEventException("event lacks rawPath or requestContext.http.method");
        }
        if (body != null && base64) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("body is not valid base64");
            }
        }
        return new ApiRequest(routeKey == null ? context[0] + " " + rawPath : routeKey, context[0], rawPath, rawQuery, headers, query, path,
                context[1] == null ? "unknown" : context[1], context[2], body);
    }

    public static void write(ApiResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.status());
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                json.writeStringField(h.getKey(), h.getValue());
            }
            json.writeEndObject();
            if (response.isBinary()) {
                json.writeStringField("body", Base64.getEncoder().encodeToString(response.body()));
                json.writeBooleanField("isBase64Encoded", true);
            } else {
                json.writeStringField("body", response.bodyText());
                json.writeBooleanField("isBase64Encoded", false);
            }
            json.writeEndObject();
        }
    }

    /**
     * A minimal API Gateway event for a GET, built by the function itself: SnapStart priming runs
     * the real request path with it before the snapshot is taken.
     */
    public static String syntheticGet(String routeKey, String rawPath, Map<String, String> query,
                                      Map<String, String> pathParameters, Map<String, String> headers) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("rawPath", rawPath);
            json.writeStringField("rawQueryString", "");
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                json.writeStringField(h.getKey(), h.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("queryStringParameters");
            for (Map.Entry<String, String> q : query.entrySet()) {
                json.writeStringField(q.getKey(), q.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("pathParameters");
            for (Map.Entry<String, String> p : pathParameters.entrySet()) {
                json.writeStringField(p.getKey(), p.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("requestId", "snapstart-priming");
            json.writeObjectFieldStart("http");
            json.writeStringField("method", routeKey.substring(0, routeKey.indexOf(' ')));
            json.writeStringField("path", rawPath);
            json.writeStringField("sourceIp", "127.0.0.1");
            json.writeEndObject();
            json.writeEndObject();
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        });
    }

    private static void requestContext(JsonParser p, JsonToken start, String[] context) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("requestId")) {
                context[1] = p.getValueAsString();
            } else if (field.equals("http") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "method" -> context[0] = p.getValueAsString();
                        case "sourceIp" -> context[2] = p.getValueAsString();
                        default -> p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static Map<String, String> stringMap(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        expect(start, JsonToken.START_OBJECT);
        Map<String, String> map = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                map.put(key, p.getValueAsString());
            } else {
                p.skipChildren();
            }
        }
        return map;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> in) {
        Map<String, String> out = new HashMap<>(in.size());
        in.forEach((k, v) -> out.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b));
        return out;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new MalformedEventException("event is not an API Gateway HTTP API event");
        }
    }

    /** The input was not an API Gateway event at all: a wiring fault, not a client's mistake. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message, null, false, false);
        }
    }
}
