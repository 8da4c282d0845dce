package dev.castline.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Jackson's streaming API, shared. Requests and responses are small and their shape is fixed, so
 * the generator and parser are all we need: no databind, no reflection, fewer classes to load
 * on a cold start.
 */
public final class Json {
    public static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    public static String write(Writer writer) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes one item of a listing into an object {@link #page} has opened. */
    @FunctionalInterface
    public interface ItemWriter<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    /** The envelope every paged answer shares: {@code {"items":[{...}],"nextCursor":...}}. */
    public static <T> String page(List<T> items, ItemWriter<T> item, String nextCursor) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (T i : items) {
                json.writeStartObject();
                item.write(json, i);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", nextCursor);
            json.writeEndObject();
        });
    }

    /** {@code "name": ["a", "b"]}. */
    public static void stringArray(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    /** Writes a string field only when the value is present: the API omits absent optional fields. */
    public static void optionalString(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
