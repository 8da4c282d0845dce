package dev.castline.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.castline.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects an S3 event notification names, read with the streaming parser (no databind on the
 * functions' path). Keys arrive URL-encoded as S3 encodes them ('+' for a space).
 */
public final class S3Events {
    private S3Events() {
    }

    /**
     * One object of an event record.
     *
     * @param sequencer S3's ordering token for events on this key; empty when the event has none
     */
    public record ObjectEvent(String key, String sequencer) {
    }

    /** The object keys of the event's records, decoded. */
    public static List<String> objectKeys(InputStream input) throws IOException {
        return objects(input).stream().map(ObjectEvent::key).toList();
    }

    /** The objects of the event's records, keys decoded. */
    public static List<ObjectEvent> objects(InputStream input) throws IOException {
        List<ObjectEvent> objects = new ArrayList<>();
        try (JsonParser p = Json.FACTORY.createParser(input)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("object") && value == JsonToken.START_OBJECT) {
                        object(p, objects);
                    }
                }
            }
        }
        return objects;
    }

    private static void object(JsonParser p, List<ObjectEvent> into) throws IOException {
        String key = null;
        String sequencer = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "key" -> key = URLDecoder.decode(p.getValueAsString(), StandardCharsets.UTF_8);
                case "sequencer" -> sequencer = p.getValueAsString("");
                default -> p.skipChildren();
            }
        }
        if (key != null) {
            into.add(new ObjectEvent(key, sequencer));
        }
    }
}
