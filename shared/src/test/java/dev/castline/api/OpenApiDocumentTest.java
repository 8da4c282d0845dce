package dev.castline.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.testing.ApiContract;
import dev.castline.testing.ApiFixture;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** api/openapi.yaml is a sound OpenAPI 3.1 document, and says what the API promises of every operation. */
class OpenApiDocumentTest {
    private static final String ADMIN_PREFIX = "/api/v1/admin/";
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";

    private static SwaggerParseResult result;
    private static OpenAPI api;

    @BeforeAll
    static void parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        result = new OpenAPIV3Parser().readLocation(ApiFixture.root().resolve(ApiContract.DOCUMENT).toUri().toString(), null, options);
        api = result.getOpenAPI();
    }

    @Test
    void parsesWithoutMessagesAsOpenApi31() {
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).startsWith("3.1.");
        assertThat(api.getInfo().getTitle()).isEqualTo("Castline API");
        assertThat(api.getInfo().getVersion()).isEqualTo("1.0.0");
        assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly("/");
    }

    @Test
    void everyOperationHasAUniqueIdAndASuccessOrRedirect() {
        Set<String> ids = new HashSet<>();
        eachOperation((route, op) -> {
            assertThat(op.getOperationId()).as("operationId of %s", route).isNotBlank();
            assertThat(ids.add(op.getOperationId())).as("operationId %s is unique", op.getOperationId()).isTrue();
            if (op.getOperationId().equals("getAnyOtherPage")) {
                // The site's catch-all: nothing is at any address it gets.
                assertThat(op.getResponses().keySet()).as("responses of %s", route).contains("404").noneMatch(s -> s.startsWith("2"));
                return;
            }
            assertThat(op.getResponses().keySet()).as("responses of %s", route)
                    .anyMatch(status -> status.startsWith("2") || status.startsWith("3"));
        });
        assertThat(ids).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void theHostsOperationsNeedTheBearerTokenAndDocument401() {
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearerAuth");
        assertThat(bearer).isNotNull();
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualToIgnoringCase("bearer");
        List<String> admin = new ArrayList<>();
        eachOperation((route, op) -> {
            if (!route.substring(route.indexOf(' ') + 1).startsWith(ADMIN_PREFIX)) {
                return;
            }
            admin.add(route);
            assertThat(security(op)).as("security of %s", route)
                    .isNotEmpty()
                    .allSatisfy(requirement -> assertThat(requirement).containsOnlyKeys("bearerAuth"));
            assertThat(op.getResponses()).as("responses of %s", route).containsKey("401");
            ApiResponse unauthorized = resolve(op.getResponses().get("401"));
            assertThat(unauthorized.getHeaders()).as("401 of %s", route).containsKey("WWW-Authenticate");
        });
        assertThat(admin).hasSize(16);
    }

    @Test
    void publicOperationsNeedNoSecurity() {
        List<String> open = new ArrayList<>();
        eachOperation((route, op) -> {
            if (route.substring(route.indexOf(' ') + 1).startsWith(ADMIN_PREFIX)) {
                return;
            }
            open.add(route);
            assertThat(security(op)).as("security of %s", route).allSatisfy(requirement -> assertThat(requirement).isEmpty());
            assertThat(op.getResponses()).as("responses of %s", route).doesNotContainKey("401");
        });
        assertThat(open).contains("GET /api/v1/episodes", "GET /api/v1/episodes/{slug}", "GET /api/v1/show",
                "GET /api/v1/openapi.json", "GET /feed.xml", "HEAD /feed.xml", "GET /episodes/{slug}/chapters.json");
    }

    /** Every error is the JSON envelope, except the site's pages, whose errors are pages too. */
    @Test
    void everyErrorResponseIsTheErrorEnvelope() {
        eachOperation((route, op) -> op.getResponses().forEach((status, response) -> {
            if (!(status.startsWith("4") || status.startsWith("5"))) {
                return;
            }
            boolean site = op.getTags() != null && op.getTags().contains("site");
            ApiResponse resolved = resolve(response);
            assertThat(resolved.getContent()).as("%s %s has a body", route, status).isNotNull().isNotEmpty();
            for (Map.Entry<String, MediaType> media : resolved.getContent().entrySet()) {
                if (site && media.getKey().equals("text/html")) {
                    continue;
                }
                assertThat(media.getKey()).as("%s %s", route, status).isEqualTo("application/json");
                assertThat(media.getValue().getSchema().get$ref()).as("%s %s schema", route, status).isEqualTo(ERROR_SCHEMA);
            }
        }));
    }

    @Test
    void publicSuccessesCarryAnETagAndCacheControl() {
        eachOperation((route, op) -> {
            if (!route.startsWith("GET ") || route.contains(ADMIN_PREFIX) || !op.getResponses().containsKey("200")) {
                return;
            }
            ApiResponse ok = resolve(op.getResponses().get("200"));
            assertThat(ok.getHeaders()).as("headers of %s 200", route).containsKeys("ETag", "Cache-Control");
            assertThat(op.getResponses()).as("responses of %s", route).containsKey("304");
            assertThat(op.getParameters()).as("parameters of %s", route).extracting(OpenApiDocumentTest::resolve)
                    .anySatisfy(p -> assertThat(p.getName()).isEqualTo("If-None-Match"));
        });
    }

    @Test
    void theErrorEnvelopeIsStrict() {
        var error = api.getComponents().getSchemas().get("Error");
        assertThat(error.getRequired()).containsExactly("error");
        assertThat(forbidsOthers(error.getAdditionalProperties())).isTrue();
        var inner = (io.swagger.v3.oas.models.media.Schema<?>) error.getProperties().get("error");
        assertThat(inner.getRequired()).containsExactlyInAnyOrder("code", "message");
        assertThat(inner.getProperties()).containsOnlyKeys("code", "message", "field");
        assertThat(forbidsOthers(inner.getAdditionalProperties())).isTrue();
    }

    /** {@code additionalProperties: false}: a Boolean in 3.0's model, a boolean schema in 3.1's. */
    private static boolean forbidsOthers(Object additionalProperties) {
        return Boolean.FALSE.equals(additionalProperties)
                || additionalProperties instanceof io.swagger.v3.oas.models.media.Schema<?> s && Boolean.FALSE.equals(s.getBooleanSchemaValue());
    }

    private static void eachOperation(BiConsumer<String, Operation> check) {
        assertThat(api.getPaths()).isNotEmpty();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                check.accept(op.getKey().name().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }
    }

    /** The operation's own security, else the document's. */
    private static List<SecurityRequirement> security(Operation op) {
        List<SecurityRequirement> own = op.getSecurity();
        return own != null ? own : api.getSecurity() == null ? List.of() : api.getSecurity();
    }

    private static Parameter resolve(Parameter parameter) {
        String ref = parameter.get$ref();
        if (ref == null) {
            return parameter;
        }
        Parameter target = api.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(target).as("parameter %s", ref).isNotNull();
        return target;
    }

    private static ApiResponse resolve(ApiResponse response) {
        String ref = response.get$ref();
        if (ref == null) {
            return response;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        ApiResponse target = api.getComponents().getResponses().get(name);
        assertThat(target).as("response %s", ref).isNotNull();
        return target;
    }
}
