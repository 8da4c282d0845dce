package dev.castline.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

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

    /** Writes a string field only when the value is present: the API omits absent optional fields. */
    public static void optionalString(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
