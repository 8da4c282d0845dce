package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.template.SamTemplate;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route of template.yaml, hit over HTTP: the event the gateway builds is one the function
 * accepts (it answers with its own JSON, not the gateway's bare 404 or 500).
 */
@ExtendWith(CastlineLocalExtension.class)
class GatewayRoutesTest {
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)\\+?}");

    @Test
    void everyRouteInTheTemplateReachesItsHandler(CastlineLocal stack) {
        List<TemplateRoutes.Route> routes = TemplateRoutes.from(SamTemplate.load(ApiFixture.root().resolve("template.yaml"))).routes();
        assertThat(routes).extracting(TemplateRoutes.Route::routeKey).contains("GET /api/v1/episodes", "GET /api/v1/episodes/{slug}", "GET /api/v1/show", "GET /api/v1/openapi.json");
        for (TemplateRoutes.Route route : routes) {
            Matcher m = PARAMETER.matcher(route.path());
            String path = m.replaceAll(p -> p.group(1).equals("slug") ? stack.sampleSlugs().getFirst() : "sample");
            var request = java.net.http.HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                    .header("Authorization", "Bearer " + stack.adminToken())
                    .method(route.method(), java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            LambdaResponse response = Http.asLambdaResponse(Http.send(request));

            // The function answered, not the gateway: its own status and body, never a bare 404/500.
            assertThat(response.status()).as(route.routeKey()).isLessThan(500);
            assertThat(response.body()).as(route.routeKey()).doesNotStartWith("{\"message\"");
            String type = response.headers().getOrDefault("content-type", "");
            if (route.method().equals("HEAD")) {
                assertThat(response.body()).isEmpty();
            } else if (type.startsWith("application/rss+xml") || type.startsWith("application/xml")) {
                assertThat(response.body()).startsWith("<?xml");
            } else if (type.startsWith("text/html")) {
                assertThat(response.body()).as(route.routeKey()).startsWith("<!DOCTYPE html>");
            } else if (type.startsWith("text/plain")) {
                assertThat(response.body()).as(route.routeKey()).isNotBlank();
            } else if (!response.body().isEmpty()) {
                assertThat(type).as(route.routeKey()).startsWith("application/json");
                assertThat(Events.json(response.body()).isObject()).isTrue();
            }
            // The site's routes whose sample value names nothing (a tag, an asset, any other path),
            // oEmbed without its url, and a transcript (no sample episode has one) answer their
            // documented 4xx, from the function.
            boolean namesNothing = route.path().contains("{tag}") || route.path().contains("{name}")
                    || route.path().contains("{proxy+}") || route.path().equals("/oembed") || route.path().contains("/transcript.");
            if (namesNothing) {
                assertThat(response.status()).as(route.routeKey()).isBetween(400, 499);
            } else if (route.method().equals("GET") && !route.path().startsWith("/api/v1/admin")) {
                assertThat(response.status()).as(route.routeKey()).isEqualTo(200);
                assertThat(response.headers()).as(route.routeKey()).containsKey("etag");
            }
        }
    }
}
