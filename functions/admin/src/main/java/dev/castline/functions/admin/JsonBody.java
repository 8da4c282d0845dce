package dev.castline.functions.admin;

import dev.castline.http.ApiException;
import java.util.Iterator;
import java.util.Set;

/** Request bodies: a JSON object whose fields are read one by one, each wrong one a 400 naming it. */
final class JsonBody {
    static final int MAX_BYTES = 256 * 1024;

    private JsonBody() {
    }

    /** @param allowed the fields this request may carry: any other is refused, so a typo is not silently ignored */
    static BodyNode parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(null, "the request needs a JSON object body");
        }
        if (body.length() > MAX_BYTES) {
            throw ApiException.badRequest(null, "the request body is larger than " + MAX_BYTES + " bytes");
        }
        BodyNode node;
        try {
            node = BodyNode.parse(body);
        } catch (java.io.IOException e) {
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
        return node;
    }

    static String text(BodyNode node, String field) {
        BodyNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string");
        }
        return v.asText();
    }

    static Integer integer(BodyNode node, String field) {
        BodyNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiException.badRequest(field, field + " must be a whole number");
        }
        return v.asInt();
    }

    static Long whole(BodyNode node, String field) {
        BodyNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest(field, field + " must be a whole number");
        }
        return v.asLong();
    }

    static Boolean bool(BodyNode node, String field) {
        BodyNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest(field, field + " must be true or false");
        }
        return v.asBoolean();
    }

    static BodyNode array(BodyNode node, String field) {
        BodyNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiException.badRequest(field, field + " must be an array");
        }
        return v;
    }
}
