package dev.castline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Variations of the sample events in events/, built the way API Gateway would build them. */
public final class Events {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    /** The sample event with these query parameters instead of its own. */
    public static String withQuery(String sampleFile, Map<String, String> query) {
        ObjectNode event = read(sampleFile);
        ObjectNode params = event.putObject("queryStringParameters");
        query.forEach(params::put);
        event.put("rawQueryString", query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
        return event.toString();
    }

    public static Map<String, String> query(String... keyValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            query.put(keyValues[i], keyValues[i + 1]);
        }
        return query;
    }

    /** The sample event of a route with {@code {slug}} in its path, for another slug (raw path percent-encoded). */
    public static String withSlug(String sampleFile, String slug) {
        return withSlugIn(ApiFixture.event(sampleFile), slug);
    }

    /** This event of a route with {@code {slug}} in its path (e.g. {@code /episodes/{slug}/chapters.json}), for another slug. */
    public static String withSlugIn(String eventJson, String slug) {
        ObjectNode event = parse(eventJson);
        String routeKey = event.get("routeKey").asText();
        event.putObject("pathParameters").put("slug", slug);
        String rawPath = routeKey.substring(routeKey.indexOf(' ') + 1).replace("{slug}", encode(slug));
        event.put("rawPath", rawPath);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", rawPath);
        return event.toString();
    }

    public static String withHeader(String eventJson, String name, String value) {
        ObjectNode event = parse(eventJson);
        ((ObjectNode) event.get("headers")).put(name, value);
        return event.toString();
    }

    public static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static ObjectNode read(String sampleFile) {
        return parse(ApiFixture.event(sampleFile));
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) json(json);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
