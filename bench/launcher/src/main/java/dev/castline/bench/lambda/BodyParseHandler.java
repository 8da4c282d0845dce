package dev.castline.bench.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A cold start that does one thing beyond the floor: parse a request body with the admin
 * function's own body parser, found on the class path by name (system property
 * {@code castline.bench.parser}: a class with a static {@code parse(String, Set)}, public or not),
 * so that each build's parser is measured in its own artifact, called alike. The "event" is the
 * raw body. What it costs over {@link HelloHandler} is what parsing the first body costs a cold
 * admin function.
 */
public final class BodyParseHandler {
    /** The top-level fields of the sample create-a-draft body, allowed by either parser. */
    private static final Set<String> ALLOWED = Set.of("title", "summary", "showNotes", "chapters", "guests", "tags", "links",
            "season", "episode");

    private final Method parse;

    public BodyParseHandler() throws ReflectiveOperationException {
        Class<?> parser = Class.forName(System.getProperty("castline.bench.parser"));
        parse = parser.getDeclaredMethod("parse", String.class, Set.class);
        parse.setAccessible(true);
    }

    public void handleRequest(InputStream input, OutputStream output, Object context) throws IOException, ReflectiveOperationException {
        Object parsed = parse.invoke(null, new String(input.readAllBytes(), StandardCharsets.UTF_8), ALLOWED);
        if (parsed == null) {
            throw new IllegalStateException("the parser returned nothing");
        }
        output.write("{\"statusCode\":200,\"body\":\"parsed\"}".getBytes(StandardCharsets.UTF_8));
    }
}
