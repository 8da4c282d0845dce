package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The listener site over HTTP on a stack of its own, with the sample show and a clock the test
 * moves: every page, what is not public (a draft, an episode before its time), an old slug, and
 * the pages agreeing with the JSON API and the sitemap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteEndToEndTest {
    private final dev.castline.testing.MovableClock clock = new dev.castline.testing.MovableClock();
    private CastlineLocal stack;

    @BeforeAll
    void start() {
        stack = CastlineLocal.start(CastlineLocal.Settings.inMemoryOnFreePorts(), clock);
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void everyPageOfTheSampleShowIsServedAndAgreesWithTheJsonApi() {
        List<JsonNode> episodes = apiList("/api/v1/episodes?limit=100");
        assertThat(episodes).hasSize(stack.sampleSlugs().size());

        Document home = page("/");
        assertThat(home.select("main h2 a, main h3 a").eachText()).as("newest first, as the API lists them")
                .containsSubsequence(episodes.stream().limit(10).map(e -> e.get("title").asText()).toList());
        assertThat(home.select("link[rel=alternate][type=application/rss+xml]").attr("href")).endsWith("/feed.xml");

        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode e : episodes) {
            String slug = e.get("slug").asText();
            Document episode = page("/episodes/" + slug);
            assertThat(episode.selectFirst("h1").text()).isEqualTo(e.get("title").asText());
            assertThat(episode.select("audio").attr("src")).startsWith(stack.baseUrl() + "/media/audio/");
            assertThat(page("/embed/" + slug).select("audio")).hasSize(1);
            JsonNode oembed = Events.json(Http.get(URI.create(stack.baseUrl() + "/oembed?format=json&url="
                    + java.net.URLEncoder.encode(stack.baseUrl() + "/episodes/" + slug, java.nio.charset.StandardCharsets.UTF_8))).body());
            assertThat(oembed.get("html").asText()).contains("/embed/" + slug);
            e.get("tags").forEach(t -> tags.add(t.asText()));
        }
        assertThat(tags).isNotEmpty();
        for (String tag : tags) {
            List<String> fromApi = apiList("/api/v1/episodes?limit=100&tag=" + tag).stream().map(e -> e.get("slug").asText()).toList();
            List<String> onPage = tagPageSlugs(tag);
            assertThat(onPage).as("/tags/%s lists what the API lists, in order", tag).isEqualTo(fromApi);
        }

        assertThat(sitemap()).containsExactlyInAnyOrderElementsOf(publicPages(episodes));
        LambdaResponse robots = Http.get(URI.create(stack.baseUrl() + "/robots.txt"));
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.body()).contains("Sitemap: " + stack.baseUrl() + "/sitemap.xml");

        LambdaResponse missing = Http.get(URI.create(stack.baseUrl() + "/no/such/page"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers().get("content-type")).startsWith("text/html");
        assertThat(Jsoup.parse(missing.body()).select("link[rel=stylesheet]")).as("the site's look").hasSize(1);
    }

    @Test
    void aDraftAndAnEpisodeBeforeItsTimeAre404UntilItComesAndAnOldSlugMovesOn() {
        String id = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"Coming Next Week\",\"tags\":[\"e2e-site\"]}", 201).get("id").asText();
        String slug = admin("GET", "/api/v1/admin/episodes/" + id, null, 200).get("slug").asText();
        uploadAudio(id);
        LambdaResponse draft = Http.get(URI.create(stack.baseUrl() + "/episodes/" + slug));
        LambdaResponse never = Http.get(URI.create(stack.baseUrl() + "/episodes/never-existed"));
        assertThat(draft.status()).isEqualTo(404);
        assertThat(draft.body()).as("no hint that a draft exists").isEqualTo(never.body());

        Instant at = clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        admin("POST", "/api/v1/admin/episodes/" + id + "/publish", "{\"at\":\"" + at + "\"}", 200);
        assertThat(Http.get(URI.create(stack.baseUrl() + "/episodes/" + slug)).status()).as("scheduled, not yet due").isEqualTo(404);
        assertThat(Http.get(URI.create(stack.baseUrl() + "/embed/" + slug)).status()).isEqualTo(404);
        assertThat(tagPageSlugs("e2e-site")).isEmpty();
        assertThat(sitemap()).doesNotContain(stack.baseUrl() + "/episodes/" + slug);

        clock.advance(Duration.ofHours(3));
        assertThat(page("/episodes/" + slug).selectFirst("h1").text()).isEqualTo("Coming Next Week");
        assertThat(tagPageSlugs("e2e-site")).containsExactly(slug);
        assertThat(sitemap()).contains(stack.baseUrl() + "/episodes/" + slug);

        HttpResponse<byte[]> current = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/v1/admin/episodes/" + id))
                .header("Authorization", "Bearer " + stack.adminToken()).build());
        admin("PATCH", "/api/v1/admin/episodes/" + id, "{\"slug\":\"arrived\"}", 200, current.headers().firstValue("etag").orElseThrow());
        HttpResponse<byte[]> moved = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/episodes/" + slug + "?t=1:05")).build());
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("location")).hasValue("/episodes/arrived?t=1:05");
        assertThat(page("/episodes/arrived").selectFirst("h1").text()).isEqualTo("Coming Next Week");
    }

    private List<String> tagPageSlugs(String tag) {
        LambdaResponse response = Http.get(URI.create(stack.baseUrl() + "/tags/" + tag));
        if (response.status() == 404) {
            return List.of();
        }
        assertThat(response.status()).isEqualTo(200);
        List<String> slugs = new ArrayList<>();
        for (var a : Jsoup.parse(response.body()).select("main a[href^=/episodes/]")) {
            String slug = a.attr("href").substring("/episodes/".length());
            if (!slugs.contains(slug)) {
                slugs.add(slug);
            }
        }
        return slugs;
    }

    private List<String> sitemap() {
        LambdaResponse response = Http.get(URI.create(stack.baseUrl() + "/sitemap.xml"));
        assertThat(response.status()).isEqualTo(200);
        return Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser()).select("url > loc").eachText();
    }

    private List<String> publicPages(List<JsonNode> episodes) {
        List<String> pages = new ArrayList<>(List.of(stack.baseUrl() + "/"));
        episodes.forEach(e -> pages.add(stack.baseUrl() + "/episodes/" + e.get("slug").asText()));
        return pages;
    }

    private List<JsonNode> apiList(String path) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = Events.json(Http.get(URI.create(stack.baseUrl() + path)).body());
        page.get("items").forEach(items::add);
        assertThat(page.path("nextCursor").isMissingNode() || page.get("nextCursor").isNull()).as("one page holds them all").isTrue();
        return items;
    }

    private Document page(String path) {
        LambdaResponse response = Http.get(URI.create(stack.baseUrl() + path));
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        return Jsoup.parse(response.body());
    }

    private void uploadAudio(String id) {
        new AdminApi(stack).uploadAudio(id, SampleAudio.silence(90_000));
    }

    private JsonNode admin(String method, String path, String body, int expected) {
        return new AdminApi(stack).call(method, path, body, expected);
    }

    private JsonNode admin(String method, String path, String body, int expected, String ifMatch) {
        return new AdminApi(stack).call(method, path, body, expected, ifMatch);
    }
}
