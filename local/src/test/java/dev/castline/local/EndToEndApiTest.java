package dev.castline.local;

import static dev.castline.testing.Responses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import java.io.InputStream;
import dev.castline.api.Paths;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public API over real HTTP, through the API Gateway stand-in, against the sample show: the
 * same expectations as the handler tests, now through the wire.
 */
@ExtendWith(CastlineLocalExtension.class)
class EndToEndApiTest {
    private final CastlineLocal stack;
    private final JsonNode sample;

    EndToEndApiTest(CastlineLocal stack) throws Exception {
        this.stack = stack;
        try (InputStream in = getClass().getResourceAsStream(SampleData.RESOURCE)) {
            this.sample = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void listsTheSampleShowNewestFirst() {
        List<String> expected = new ArrayList<>();
        sample.get("episodes").forEach(e -> expected.add(e.get("title").asText()));
        List<String> titles = new ArrayList<>();
        // Other tests on the shared stack may publish episodes of their own: only the sample's are compared.
        page("/api/v1/episodes?limit=100").get("items").forEach(i -> {
            if (expected.contains(i.get("title").asText())) {
                titles.add(i.get("title").asText());
            }
        });
        assertThat(titles).containsExactlyElementsOf(expected);
    }

    @Test
    void pagesWithCursorsWithoutDuplicatesOrGaps() {
        List<String> slugs = new ArrayList<>();
        String next = "/api/v1/episodes?limit=5";
        int pages = 0;
        while (next != null) {
            JsonNode page = page(next);
            page.get("items").forEach(i -> slugs.add(i.get("slug").asText()));
            JsonNode cursor = page.get("nextCursor");
            next = cursor.isNull() ? null : "/api/v1/episodes?limit=5&cursor=" + URLEncoder.encode(cursor.asText(), StandardCharsets.UTF_8);
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(slugs).doesNotHaveDuplicates();
        assertThat(slugs.stream().filter(stack.sampleSlugs()::contains).toList()).containsExactlyElementsOf(stack.sampleSlugs());
    }

    @Test
    void listsByTag() {
        List<String> expected = new ArrayList<>();
        sample.get("episodes").forEach(e -> {
            for (JsonNode tag : e.get("tags")) {
                if (tag.asText().equals("django")) {
                    expected.add(e.get("title").asText());
                }
            }
        });
        assertThat(expected).isNotEmpty();
        List<String> titles = new ArrayList<>();
        page("/api/v1/episodes?tag=django").get("items").forEach(i -> titles.add(i.get("title").asText()));
        assertThat(titles).containsExactlyElementsOf(expected);
    }

    @Test
    void getsOneEpisodeWithChaptersAndShowNotes() {
        String slug = stack.sampleSlugs().getFirst();
        LambdaResponse response = Http.get(uri("/api/v1/episodes/" + slug));
        assertThat(response.status()).isEqualTo(200);
        JsonNode episode = Events.json(response.body());
        JsonNode seed = sample.get("episodes").get(0);
        assertThat(episode.get("title").asText()).isEqualTo(seed.get("title").asText());
        assertThat(episode.get("chapters")).hasSize(seed.get("chapters").size());
        assertThat(episode.get("chapters").get(0).get("startTime").asLong()).isEqualTo(seed.get("chapters").get(0).get("startTime").asLong());
        assertThat(episode.get("showNotes").asText()).startsWith("<p>");
        assertThat(episode.get("audio").get("url").asText()).startsWith(stack.baseUrl() + "/media/audio/");
        assertThat(episode.get("durationSeconds").asLong()).isEqualTo(seed.get("durationSeconds").asLong());
    }

    @Test
    void answersConditionalRequestsWith304() {
        LambdaResponse first = Http.get(uri("/api/v1/episodes"));
        LambdaResponse second = Http.get(uri("/api/v1/episodes"), "If-None-Match", first.headers().get("etag"));
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
    }

    @Test
    void missingEpisodesAre404AndBadInputIs400NamingTheParameter() {
        assertClientError(Http.get(uri("/api/v1/episodes/no-such-episode")), 404, "not_found", null);
        assertClientError(Http.get(uri("/api/v1/episodes?limit=0")), 400, "bad_request", "limit");
        assertClientError(Http.get(uri("/api/v1/episodes?limit=abc")), 400, "bad_request", "limit");
        assertClientError(Http.get(uri("/api/v1/episodes?cursor=forged")), 400, "bad_request", "cursor");
        assertClientError(Http.get(uri("/api/v1/episodes?tag=%3Cscript%3E")), 400, "bad_request", "tag");
        assertClientError(Http.get(uri("/api/v1/episodes/" + "x".repeat(5000))), 400, "bad_request", "slug");
        assertClientError(Http.get(uri("/api/v1/episodes/Bad%20Slug")), 400, "bad_request", "slug");
    }

    @Test
    void aPathWithNoRouteIsTheSitesStyled404AndUnderTheApiTheApisJson404() {
        LambdaResponse page = Http.get(uri("/nowhere"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<h1>Page not found</h1>");
        assertClientError(Http.get(uri("/api/v1/nowhere")), 404, "not_found", null);
    }

    @Test
    void theJsonApiLivesUnderApiV1AndItsOldPathsAreGone() {
        String slug = stack.sampleSlugs().getFirst();
        for (String old : new String[] {"/episodes", "/episodes?limit=5", "/admin/episodes", "/admin/show"}) {
            LambdaResponse response = Http.get(uri(old), "Authorization", "Bearer " + stack.adminToken());
            assertThat(response.status()).as(old).isEqualTo(404);
            assertThat(response.headers().get("content-type")).as(old).startsWith("text/html");
        }
        // The old JSON address of an episode is now its web page.
        LambdaResponse page = Http.get(uri("/episodes/" + slug));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(Http.get(uri(Paths.apiEpisode(slug))).status()).isEqualTo(200);
        assertThat(Http.get(uri(Paths.chapters(slug))).status()).isEqualTo(200);
        assertThat(Http.get(uri(Paths.FEED)).status()).isEqualTo(200);
    }

    @Test
    void theShowInfoIsPublicAndDescribesTheSampleShow() {
        LambdaResponse response = Http.get(uri("/api/v1/show"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode show = Events.json(response.body());
        assertThat(show.get("title").asText()).isEqualTo("Running in Production");
        assertThat(show.get("feedUrl").asText()).isEqualTo(stack.baseUrl() + "/feed.xml");
        assertThat(show.get("siteBaseUrl").asText()).isEqualTo(stack.baseUrl().toString());
        assertThat(show.get("funding").get(0).get("url").asText()).isEqualTo("https://nickjanetakis.com/courses");
        assertThat(show.get("categories").get(0).get("category").asText()).isEqualTo("Technology");
        assertThat(show.has("ownerEmail")).as("the host's contact stays in the host's view").isFalse();
        LambdaResponse again = Http.get(uri("/api/v1/show"), "If-None-Match", response.headers().get("etag"));
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void theOpenApiDocumentIsServedAsJsonAndDescribesEveryRoute() {
        LambdaResponse response = Http.get(uri("/api/v1/openapi.json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        JsonNode document = Events.json(response.body());
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        assertThat(document.get("paths").has("/api/v1/episodes/{slug}")).isTrue();
        assertThat(document.get("paths").has("/api/v1/admin/episodes/{id}/publish")).isTrue();
        assertThat(document.get("paths").has("/api/v1/openapi.json")).isTrue();
    }

    private JsonNode page(String pathAndQuery) {
        LambdaResponse response = Http.get(uri(pathAndQuery));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Events.json(response.body());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(stack.baseUrl() + pathAndQuery);
    }
}
