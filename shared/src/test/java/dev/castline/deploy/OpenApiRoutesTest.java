package dev.castline.deploy;

import static dev.castline.template.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.template.SamTemplate;
import dev.castline.testing.ApiContract;
import dev.castline.testing.ApiFixture;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The routes API Gateway is given (template.yaml) are exactly the operations the contract (api/openapi.yaml) describes. */
class OpenApiRoutesTest {

    @Test
    void templateRoutesAndDocumentOperationsAreTheSame() {
        Set<String> template = templateRoutes(SamTemplate.load(ApiFixture.root().resolve("template.yaml")));
        Set<String> document = ApiContract.get().routeKeys();
        assertThat(template).as("HttpApi routes in template.yaml").isNotEmpty();

        Set<String> undocumented = new TreeSet<>(template);
        undocumented.removeAll(document);
        Set<String> unrouted = new TreeSet<>(document);
        unrouted.removeAll(template);
        assertThat(undocumented.isEmpty() && unrouted.isEmpty())
                .as("template.yaml and %s disagree.%n  routed but not documented: %s%n  documented but not routed: %s",
                        ApiContract.DOCUMENT, undocumented, unrouted)
                .isTrue();
    }

    /** {@code METHOD /path} of every HttpApi event of every function, as the local stack reads them. */
    static Set<String> templateRoutes(SamTemplate template) {
        Set<String> routes = new TreeSet<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, properties) -> {
            for (Object e : map(properties.get("Events")).values()) {
                Map<String, Object> event = map(e);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> props = map(event.get("Properties"));
                    routes.add(String.valueOf(props.get("Method")).toUpperCase(Locale.ROOT) + " " + props.get("Path"));
                }
            }
        });
        return routes;
    }
}
