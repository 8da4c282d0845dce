package dev.castline.functions.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.http.ApiException;
import java.util.Iterator;
import java.util.Set;

/** Request bodies: a JSON object whose fields are read one by one, each wrong one a 400 naming it. */
final class JsonBody {
    static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {
    }

    /** @param allowed the fields this request may carry: any other is refused, so a typo is not silently ignored */
    static ObjectNode parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(null, "the request needs a JSON object body");
        }
        if (body.length() > MAX_BYTES) {
            throw ApiException.badRequest(null, "the request body is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(null, "the request body must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(name, name + " is not a field of this request");
            }
        }
        return (ObjectNode) node;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string");
        }
        return v.asText();
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiException.badRequest(field, field + " must be a whole number");
        }
        return v.asInt();
    }

    static Long whole(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest(field, field + " must be a whole number");
        }
        return v.asLong();
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest(field, field + " must be true or false");
        }
        return v.asBoolean();
    }

    static JsonNode array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiException.badRequest(field, field + " must be an array");
        }
        return v;
    }
}
