package dev.castline.functions.downloads;

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
 * The log objects an event names, as S3 notifications ({@code Records[].s3.bucket.name},
 * {@code .object.key}) and EventBridge's "Object Created" events ({@code detail.bucket.name},
 * {@code detail.object.key}) both carry them: each object with the bucket named before it.
 * Keys are URL-decoded as S3 encodes them.
 */
final class LogObjects {
    record LogObject(String bucket, String key) {
    }

    private LogObjects() {
    }

    static List<LogObject> of(InputStream input) throws IOException {
        List<LogObject> objects = new ArrayList<>();
        String bucket = null;
        try (JsonParser p = Json.FACTORY.createParser(input)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token != JsonToken.FIELD_NAME) {
                    continue;
                }
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.START_OBJECT) {
                    continue;
                }
                if (name.equals("bucket")) {
                    bucket = field(p, "name");
                } else if (name.equals("object")) {
                    String key = field(p, "key");
                    if (bucket != null && key != null) {
                        objects.add(new LogObject(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return objects;
    }

    /** The string {@code wanted} of the object the parser is at, which it reads to its end. */
    private static String field(JsonParser p, String wanted) throws IOException {
        String found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals(wanted)) {
                found = p.getValueAsString();
            } else {
                p.skipChildren();
            }
        }
        return found;
    }
}
