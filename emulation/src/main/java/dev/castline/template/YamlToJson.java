package dev.castline.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code YamlToJson IN.yaml OUT.json}: turns a YAML document into JSON at build time (the OpenAPI
 * document, so the function that serves it parses nothing). Values YAML would read as dates are
 * refused: in a JSON document they are strings, so the YAML must quote them.
 */
public final class YamlToJson {
    private YamlToJson() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: YamlToJson IN.yaml OUT.json");
        }
        Object document;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out); JsonGenerator json = new JsonFactory().createGenerator(os)) {
            write(json, document, "");
        }
    }

    private static void write(JsonGenerator json, Object value, String path) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    json.writeFieldName(String.valueOf(e.getKey()));
                    write(json, e.getValue(), path + "/" + e.getKey());
                }
                json.writeEndObject();
            }
            case List<?> list -> {
                json.writeStartArray();
                for (int i = 0; i < list.size(); i++) {
                    write(json, list.get(i), path + "/" + i);
                }
                json.writeEndArray();
            }
            case String s -> json.writeString(s);
            case Boolean b -> json.writeBoolean(b);
            case Integer i -> json.writeNumber(i);
            case Long l -> json.writeNumber(l);
            case java.math.BigInteger b -> json.writeNumber(b);
            case Double d -> json.writeNumber(d);
            default -> throw new IllegalArgumentException("at " + path + ": " + value.getClass().getSimpleName()
                    + " has no JSON form (quote dates and times in the YAML)");
        }
    }
}
