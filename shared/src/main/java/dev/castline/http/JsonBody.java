package dev.castline.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request body: a JSON object read into plain maps and lists by jackson-jr (on the jackson-core
 * every function already ships; no databind, no reflection), then read field by field. Every
 * wrong field is a 400 naming it by its path ({@code chapters[2].startTime}); fields a request
 * does not take are refused at every depth, and so are duplicate keys, so a typo never passes
 * silently.
 */
public final class JsonBody {
    public static final int MAX_BYTES = 256 * 1024;
    static final int MAX_DEPTH = 32;
    /** Longer numbers are refused by the parser before any arithmetic is done on them. */
    static final int MAX_NUMBER_LENGTH = 40;
    /** Decimal digits a number may have before or after its point. */
    static final int MAX_MAGNITUDE = 18;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();
    private static final JSON READER = JSON.builder(FACTORY)
            .enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS, JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS,
                    JSON.Feature.PRESERVE_FIELD_ORDERING)
            .build();

    private final Map<String, Object> fields;
    private final String path;

    private JsonBody(Map<String, Object> fields, String path, Set<String> allowed) {
        this.fields = fields;
        this.path = path;
        for (String name : fields.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(path + name, path + name + " is not a field of this request");
            }
        }
    }

    /** @param allowed the fields this request may carry at the top level */
    public static JsonBody parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(null, "the request needs a JSON object body");
        }
        if (body.length() > MAX_BYTES || body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badRequest(null, "the request body is larger than " + MAX_BYTES + " bytes");
        }
        Object root;
        try (JsonParser parser = FACTORY.createParser(body)) {
            root = READER.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw ApiException.badRequest(null, "the request body must be one JSON object, with nothing after it");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            // The parser's message may quote the body: it is not repeated to the client. A number
            // whose exponent does not fit an int surfaces as a NumberFormatException, not an IOException.
            throw ApiException.badRequest(null, "the request body is not valid JSON (or nests deeper than " + MAX_DEPTH
                    + " levels, repeats a key, or has a number longer than " + MAX_NUMBER_LENGTH + " characters)");
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw ApiException.badRequest(null, "the request body must be a JSON object");
        }
        return new JsonBody(cast(map), "", allowed);
    }

    /** An optional body: empty or blank is an empty object. */
    public static JsonBody parseOptional(String body, Set<String> allowed) {
        return body == null || body.isBlank() ? new JsonBody(Map.of(), "", allowed) : parse(body, allowed);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The path of a field of this object, for messages: {@code chapters[1].title}. */
    public String path(String field) {
        return path + field;
    }

    /** A string field; null when absent or null. */
    public String text(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw bad(field, "must be a string");
        }
        return s;
    }

    /** A string field that must be present and not null. */
    public String requiredText(String field) {
        String v = text(field);
        if (v == null) {
            throw bad(field, has(field) ? "cannot be null" : "is required");
        }
        return v;
    }

    /** A whole number that fits an int; null when absent or null. */
    public Integer integer(String field) {
        Long v = whole(field);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw bad(field, "must be a whole number");
        }
        return v.intValue();
    }

    /** A whole number that fits a long; null when absent or null. */
    public Long whole(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Long l) {
            return l;
        }
        throw bad(field, "must be a whole number");
    }

    /**
     * Any JSON number of a sensible size (under 10^{@value #MAX_MAGNITUDE}, at most
     * {@value #MAX_MAGNITUDE} decimals); null when absent or null. {@code 1e999999999} is short
     * text but no quantity a request needs: it is refused before any arithmetic is done on it.
     */
    public BigDecimal number(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return null;
        }
        BigDecimal d = switch (v) {
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case BigInteger b -> new BigDecimal(b);
            case BigDecimal b -> b;
            case Double b -> BigDecimal.valueOf(b);
            default -> throw bad(field, "must be a number");
        };
        // In long arithmetic: precision − scale overflows an int for exponents near its limits.
        if (d.signum() != 0 && ((long) d.precision() - d.scale() > MAX_MAGNITUDE || d.scale() > MAX_MAGNITUDE)) {
            throw bad(field, "must be a number below 10^" + MAX_MAGNITUDE + " with at most " + MAX_MAGNITUDE + " decimals");
        }
        return d;
    }

    public Boolean bool(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw bad(field, "must be true or false");
        }
        return b;
    }

    /** An array of objects, each taking only {@code allowed} fields; null when absent or null. */
    /** A nested object with these fields; null when absent or null. */
    public JsonBody object(String field, Set<String> allowed) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiException.badRequest(path + field, path + field + " must be an object");
        }
        return new JsonBody(cast(map), path + field + ".", allowed);
    }

    public List<JsonBody> objects(String field, Set<String> allowed) {
        List<?> items = array(field);
        if (items == null) {
            return null;
        }
        List<JsonBody> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = path + field + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw ApiException.badRequest(at, at + " must be an object");
            }
            out.add(new JsonBody(cast(map), at + ".", allowed));
        }
        return out;
    }

    /**
     * An object of strings by name ({@code {"apple": "https://…"}}), in the order given; null when
     * absent or null. A null member is left out (unset).
     */
    public Map<String, String> textsByName(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw bad(field, "must be an object");
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var member : map.entrySet()) {
            if (member.getValue() == null) {
                continue;
            }
            if (!(member.getValue() instanceof String s)) {
                String at = path + field + "." + member.getKey();
                throw ApiException.badRequest(at, at + " must be a string");
            }
            out.put((String) member.getKey(), s);
        }
        return out;
    }

    /** An array of strings; null when absent or null. */
    public List<String> texts(String field) {
        List<?> items = array(field);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String s)) {
                String at = path + field + "[" + i + "]";
                throw ApiException.badRequest(at, at + " must be a string");
            }
            out.add(s);
        }
        return out;
    }

    private List<?> array(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw bad(field, "must be an array");
        }
        return list;
    }

    /** A 400 naming this field: "{path} {rule}". */
    public ApiException bad(String field, String rule) {
        return ApiException.badRequest(path + field, path + field + " " + rule);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
