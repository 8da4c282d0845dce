package dev.castline.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.castline.testing.ApiFixture.LambdaResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The API's contract, {@code api/openapi.yaml}, held against real responses: a test passes what a
 * handler answered and gets an {@link AssertionError} naming every way it breaks the document.
 *
 * <p>A response must be documented for its operation (path template and method) and status; a JSON
 * body ({@code application/json}, {@code +json}, and the chapters' {@code application/json+chapters})
 * must validate against that response's schema, with JSON Schema 2020-12 as OpenAPI 3.1 uses it and
 * {@code $ref}s resolved against the whole document. Other bodies (the feed's XML) only need their
 * status documented. Formats ({@code date-time}, {@code uri}) are annotations, as 2020-12 has them.
 *
 * <pre>{@code
 * ApiContract.get().check("GET", "/api/v1/episodes?limit=2", 200, "application/json; charset=utf-8", body);
 * }</pre>
 */
public final class ApiContract {
    /** The document's location in the repository. */
    public static final String DOCUMENT = "api/openapi.yaml";
    /** The document's IRI for the validator: never fetched, the registry maps it to the document's text. */
    private static final String DOCUMENT_IRI = "https://castline.test/api/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]+}");
    private static final int BODY_SHOWN = 2_000;

    private static ApiContract shared;

    private final Path file;
    private final JsonNode document;
    private final List<Operation> operations;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiContract(Path file, JsonNode document) {
        this.file = file;
        this.document = document;
        this.operations = operationsOf(document);
        String json = new JsonMapper().writeValueAsString(document);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, json)));
    }

    /** The repository's document, read once. */
    public static synchronized ApiContract get() {
        if (shared == null) {
            shared = load(ApiFixture.root().resolve(DOCUMENT));
        }
        return shared;
    }

    /** Another document: for testing the checks themselves. */
    public static ApiContract load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no OpenAPI document at " + file);
        }
        try {
            return new ApiContract(file, new YAMLMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of the document as a route key: {@code GET /api/v1/episodes/{slug}}. */
    public Set<String> routeKeys() {
        return operations.stream().map(Operation::routeKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Holds one response to the document.
     *
     * @param method      the request's method, e.g. {@code GET} or {@code HEAD}
     * @param path        the request's path as sent, possibly with a query string, e.g. {@code /api/v1/episodes/a-slug?x=1}
     * @param status      the response's status
     * @param contentType the response's {@code Content-Type}, or null when it has none
     * @param body        the response's body as text, or null/empty when it has none
     * @throws AssertionError naming method, path, status and every violation
     */
    public void check(String method, String path, int status, String contentType, String body) {
        String bare = stripQuery(path);
        String verb = method.toUpperCase(Locale.ROOT);
        Operation operation = match(verb, bare);
        if (operation == null) {
            throw failure(verb, path, status, contentType, body, null, List.of(noOperation(verb, bare)));
        }
        verify(operation, verb, path, status, contentType, body);
    }

    /**
     * As {@link #check}, for a handler test that knows API Gateway's route key: the operation is the
     * one whose method and path template are the route key's, and {@code rawPath} must fit it.
     *
     * @param routeKey e.g. {@code GET /api/v1/episodes/{slug}}
     */
    public void checkRoute(String routeKey, String rawPath, int status, String contentType, String body) {
        int space = routeKey.indexOf(' ');
        String verb = routeKey.substring(0, Math.max(space, 0)).toUpperCase(Locale.ROOT);
        String template = routeKey.substring(space + 1);
        Operation operation = operations.stream()
                .filter(o -> o.method().equals(verb) && o.template().equals(template))
                .findFirst().orElse(null);
        String shown = rawPath == null ? template : rawPath;
        if (operation == null) {
            throw failure(verb, shown, status, contentType, body, null, List.of("the document has no operation for the route " + routeKey
                    + " (it has: " + String.join(", ", routeKeys()) + ")"));
        }
        if (rawPath != null && !operation.pattern().matcher(stripQuery(rawPath)).matches()) {
            throw failure(verb, shown, status, contentType, body, operation, List.of("the path " + rawPath + " does not fit " + template));
        }
        verify(operation, verb, shown, status, contentType, body);
    }

    /** As {@link #check}, for a response read back from a handler by {@link ApiFixture#invoke}. */
    public void check(String method, String path, LambdaResponse response) {
        check(method, path, response.status(), header(response, "content-type"), bodyText(response));
    }

    // ---- the checks

    private void verify(Operation operation, String verb, String path, int status, String contentType, String body) {
        List<String> violations = new ArrayList<>();
        JsonNode responses = operation.node().path("responses");
        String key = responseKey(responses, status);
        if (key == null) {
            violations.add("status " + status + " is not documented for " + operation.routeKey() + " (documented: "
                    + String.join(", ", responses.propertyNames()) + ")");
            throw failure(verb, path, status, contentType, body, operation, violations);
        }
        String pointer = resolve(operation.pointer() + "/responses/" + escape(key));
        JsonNode response = document.at(pointer);
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        boolean head = verb.equals("HEAD");
        if (!hasBody) {
            if (!head && documentsJson(content)) {
                violations.add("status " + status + " documents a JSON body, but the response has none");
            }
        } else if (!head && content.isEmpty()) {
            violations.add("status " + status + " documents no body, but the response has one");
        } else if (contentType == null) {
            violations.add("the response has a body but no Content-Type");
        } else if (isJson(contentType)) {
            String mediaType = mediaTypeKey(content, baseType(contentType));
            if (mediaType == null) {
                violations.add("status " + status + " documents no " + baseType(contentType) + " body (documented: "
                        + (content.isEmpty() ? "none" : String.join(", ", content.propertyNames())) + ")");
            } else if (content.path(mediaType).has("schema")) {
                violations.addAll(validate(pointer + "/content/" + escape(mediaType) + "/schema", body));
            }
        }
        if (!violations.isEmpty()) {
            throw failure(verb, path, status, contentType, body, operation, violations);
        }
    }

    private List<String> validate(String schemaPointer, String body) {
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(p))));
        List<Error> errors;
        try {
            errors = schema.validate(body, InputFormat.JSON);
        } catch (RuntimeException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
        return errors.stream().map(e -> describe(e, schemaPointer)).toList();
    }

    private static String describe(Error error, String schemaPointer) {
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String where = error.getSchemaLocation() == null ? schemaPointer : error.getSchemaLocation().toString()
                .replace(DOCUMENT_IRI, "");
        return (at.isEmpty() ? "$" : at) + ": " + error.getMessage().replaceFirst("^\\S*: ", "") + "  [schema " + where + "]";
    }

    /** The response key for a status: the status itself, else its range ({@code 4XX}), else {@code default}. */
    private static String responseKey(JsonNode responses, int status) {
        String exact = Integer.toString(status);
        String range = (status / 100) + "XX";
        String found = null;
        for (String key : responses.propertyNames()) {
            if (key.equals(exact)) {
                return key;
            }
            if (key.equalsIgnoreCase(range)) {
                found = key;
            } else if (key.equals("default") && found == null) {
                found = key;
            }
        }
        return found;
    }

    private static boolean documentsJson(JsonNode content) {
        for (String key : content.propertyNames()) {
            if (isJson(key)) {
                return true;
            }
        }
        return false;
    }

    /** The content key that covers this media type: itself, else its type's wildcard, else the full wildcard. */
    private static String mediaTypeKey(JsonNode content, String mediaType) {
        String wildcard = mediaType.substring(0, mediaType.indexOf('/') + 1) + "*";
        String found = null;
        for (String key : content.propertyNames()) {
            String base = baseType(key);
            if (base.equals(mediaType)) {
                return key;
            }
            if (base.equals(wildcard) || (base.equals("*/*") && found == null)) {
                found = key;
            }
        }
        return found;
    }

    /**
     * JSON by its media type: {@code application/json}, any {@code +json} suffix, and the
     * {@code application/json+chapters} of Podcasting 2.0 chapters.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = baseType(contentType);
        int slash = base.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String subtype = base.substring(slash + 1);
        return subtype.equals("json") || subtype.endsWith("+json") || subtype.startsWith("json+");
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    // ---- operations and paths

    private record Operation(String method, String template, Pattern pattern, List<Boolean> literal, String pointer, JsonNode node) {
        String routeKey() {
            return method + " " + template;
        }
    }

    private static List<Operation> operationsOf(JsonNode document) {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String template = path.getKey();
            String[] segments = template.split("/", -1);
            StringBuilder regex = new StringBuilder();
            List<Boolean> literal = new ArrayList<>();
            for (int i = 1; i < segments.length; i++) {
                regex.append('/').append(segmentRegex(segments[i]));
                literal.add(!segments[i].contains("{"));
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    out.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), template, Pattern.compile(regex.toString()),
                            List.copyOf(literal), "/paths/" + escape(template) + "/" + op.getKey(), op.getValue()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static String segmentRegex(String segment) {
        if (segment.startsWith("{") && segment.endsWith("+}")) {
            return ".+"; // API Gateway's greedy parameter: the rest of the path, slashes included
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(segment);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(segment.substring(last, m.start()))).append("[^/]+");
            last = m.end();
        }
        if (last < segment.length()) {
            regex.append(Pattern.quote(segment.substring(last)));
        }
        return regex.toString();
    }

    /** The operation for this method and path; where templates compete, literal segments win over parameters. */
    private Operation match(String verb, String path) {
        Comparator<Operation> specificity = (a, b) -> {
            for (int i = 0; i < Math.min(a.literal().size(), b.literal().size()); i++) {
                int c = Boolean.compare(a.literal().get(i), b.literal().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        return operations.stream()
                .filter(o -> o.method().equals(verb) && o.pattern().matcher(path).matches())
                .max(specificity)
                .orElse(null);
    }

    private String noOperation(String verb, String path) {
        List<String> sameTemplate = operations.stream().filter(o -> o.pattern().matcher(path).matches())
                .map(Operation::routeKey).toList();
        if (!sameTemplate.isEmpty()) {
            return "the document has no " + verb + " operation for this path (it has: " + String.join(", ", sameTemplate) + ")";
        }
        return "no path of the document matches " + path;
    }

    /** Follows local {@code $ref}s (a response may be one to components/responses) to the object's own pointer. */
    private String resolve(String pointer) {
        String at = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode ref = document.at(at).get("$ref");
            if (ref == null || !ref.isString()) {
                return at;
            }
            String target = ref.asString();
            if (!target.startsWith("#")) {
                throw new IllegalStateException("only local $refs are supported, not " + target + " at " + at);
            }
            at = target.substring(1);
        }
        throw new IllegalStateException("$ref loop at " + pointer);
    }

    private static String stripQuery(String path) {
        int cut = path.length();
        for (char c : new char[] {'?', '#'}) {
            int i = path.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return path.substring(0, cut);
    }

    /** One JSON pointer token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: the characters a fragment may not hold, percent-encoded. */
    private static String fragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    // ---- reporting

    private AssertionError failure(String verb, String path, int status, String contentType, String body, Operation operation, List<String> violations) {
        StringBuilder message = new StringBuilder()
                .append(verb).append(' ').append(path).append(" → ").append(status)
                .append(contentType == null ? "" : " (" + contentType + ")")
                .append(" does not hold to ").append(shownFile())
                .append(operation == null ? "" : ", operation " + operation.node().path("operationId").asString("?")
                        + " (" + operation.routeKey() + ")")
                .append(':');
        for (String v : violations) {
            message.append("\n  - ").append(v);
        }
        if (body != null && !body.isEmpty()) {
            message.append("\n  body: ").append(body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) + "…" : body);
        }
        return new AssertionError(message.toString());
    }

    private String shownFile() {
        Path root = ApiFixture.root().toAbsolutePath();
        Path absolute = file.toAbsolutePath();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString();
    }

    private static String header(LambdaResponse response, String name) {
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The body as text: base64 decoded, and gunzipped when the response says it is gzipped. */
    private static String bodyText(LambdaResponse response) {
        if (response.body() == null || !response.base64()) {
            return response.body();
        }
        byte[] bytes = Base64.getDecoder().decode(response.body());
        if ("gzip".equalsIgnoreCase(header(response, "content-encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
