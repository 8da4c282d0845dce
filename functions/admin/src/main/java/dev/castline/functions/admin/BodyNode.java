package dev.castline.functions.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.castline.http.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON request body, read with Jackson's streaming parser. Written instead of using
 * jackson-databind's tree, which would add 1.6 MB and hundreds of classes to the function for the
 * handful of accessors a request body needs.
 */
final class BodyNode {
    static final int MAX_DEPTH = 32;
    private static final BodyNode NULL = new BodyNode(Kind.NULL, null);

    enum Kind { OBJECT, ARRAY, STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    private final Kind kind;
    private final Object value;

    private BodyNode(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /** @throws IOException when the text is not one JSON value, or nests deeper than {@link #MAX_DEPTH} */
    static BodyNode parse(String json) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IOException("empty");
            }
            BodyNode root = read(p, first, 0);
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return root;
        }
    }

    private static BodyNode read(JsonParser p, JsonToken token, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("nested too deeply");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, BodyNode> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    fields.put(name, read(p, p.nextToken(), depth + 1));
                }
                yield new BodyNode(Kind.OBJECT, Collections.unmodifiableMap(fields));
            }
            case START_ARRAY -> {
                List<BodyNode> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw new IOException("unterminated array");
                    }
                    items.add(read(p, t, depth + 1));
                }
                yield new BodyNode(Kind.ARRAY, Collections.unmodifiableList(items));
            }
            case VALUE_STRING -> new BodyNode(Kind.STRING, p.getText());
            case VALUE_NUMBER_INT -> new BodyNode(Kind.INTEGER, p.getDecimalValue());
            case VALUE_NUMBER_FLOAT -> new BodyNode(Kind.DECIMAL, p.getDecimalValue());
            case VALUE_TRUE -> new BodyNode(Kind.BOOLEAN, Boolean.TRUE);
            case VALUE_FALSE -> new BodyNode(Kind.BOOLEAN, Boolean.FALSE);
            case VALUE_NULL -> NULL;
            default -> throw new IOException("unexpected " + token);
        };
    }

    boolean isObject() {
        return kind == Kind.OBJECT;
    }

    boolean isArray() {
        return kind == Kind.ARRAY;
    }

    boolean isNull() {
        return kind == Kind.NULL;
    }

    boolean isTextual() {
        return kind == Kind.STRING;
    }

    boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL;
    }

    boolean isIntegralNumber() {
        return kind == Kind.INTEGER;
    }

    boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    boolean has(String field) {
        return isObject() && fields().containsKey(field);
    }

    /** The field's value, or null when the object has no such field (a JSON null is a node). */
    BodyNode get(String field) {
        return isObject() ? fields().get(field) : null;
    }

    BodyNode get(int index) {
        return items().get(index);
    }

    int size() {
        return isArray() ? items().size() : isObject() ? fields().size() : 0;
    }

    Iterator<String> fieldNames() {
        return fields().keySet().iterator();
    }

    String asText() {
        return String.valueOf(value);
    }

    boolean asBoolean() {
        return Boolean.TRUE.equals(value);
    }

    BigDecimal decimalValue() {
        return (BigDecimal) value;
    }

    boolean canConvertToInt() {
        return fitsIn(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    boolean canConvertToLong() {
        return fitsIn(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    int asInt() {
        return decimalValue().intValueExact();
    }

    long asLong() {
        return decimalValue().longValueExact();
    }

    private boolean fitsIn(long min, long max) {
        return isIntegralNumber() && decimalValue().compareTo(BigDecimal.valueOf(min)) >= 0
                && decimalValue().compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    @SuppressWarnings("unchecked")
    private Map<String, BodyNode> fields() {
        return (Map<String, BodyNode>) value;
    }

    @SuppressWarnings("unchecked")
    private List<BodyNode> items() {
        return (List<BodyNode>) value;
    }
}
