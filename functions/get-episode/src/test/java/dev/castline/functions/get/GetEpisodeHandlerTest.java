package dev.castline.functions.get;

import static dev.castline.testing.ApiFixture.PODIA;
import static dev.castline.testing.ApiFixture.invoke;
import static dev.castline.testing.Events.withSlug;
import static dev.castline.testing.Responses.assertClientError;
import static dev.castline.testing.Responses.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Episodes;
import dev.castline.testing.Events;
import dev.castline.testing.Throttling;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GetEpisodeHandlerTest {
    private static final String GET_SAMPLE = "get-episode.json";

    private final ApiFixture fixture = new ApiFixture();
    private final GetEpisodeHandler handler = new GetEpisodeHandler(fixture.config, fixture.dynamo, fixture.clock);

    @Test
    void everySampleEventForThisRouteGetsItsDocumentedAnswer() {
        List<String> files = ApiFixture.eventsFor("GET /api/v1/episodes/{slug}");
        assertThat(files).contains("get-episode.json", "get-episode-missing.json");
        for (String file : files) {
            LambdaResponse response = invoke(handler, ApiFixture.event(file));
            switch (file) {
                case "get-episode.json" -> {
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(Events.json(response.body()).get("slug").asText()).isEqualTo(PODIA);
                }
                case "get-episode-missing.json" -> assertClientError(response, 404, "not_found", null);
                default -> fail("events/" + file + " has no expected answer in this test: add one");
            }
        }
    }

    @Test
    void answersTheFullEpisodeWithTwoKeyReads() {
        LambdaResponse response = invoke(handler, ApiFixture.event(GET_SAMPLE));

        assertThat(fixture.operations.operations()).containsExactly("GetItem", "GetItem");
        assertThat(response.status()).isEqualTo(200);
        Episode stored = fixture.store.findBySlug(PODIA, true).orElseThrow();
        JsonNode e = Events.json(response.body());
        assertThat(e.get("title").asText()).isEqualTo(stored.title());
        assertThat(e.get("publishedAt").asText()).isEqualTo("2021-02-08T00:00:00Z");
        assertThat(e.get("guid").asText()).isEqualTo(stored.guid());
        assertThat(e.get("showNotes").asText()).isEqualTo("<p>Hear about what they built and <a href=\"https://example.com/why\">why</a>.</p>");
        assertThat(e.get("chapters").get(0).get("startTime").asInt()).isEqualTo(159);
        assertThat(e.get("chapters").get(0).get("startTime").isIntegralNumber()).isTrue();
        assertThat(e.get("chapters").get(0).get("title").asText()).isEqualTo("Motivation for using Ruby on Rails");
        assertThat(e.get("chapters").get(1).get("url").asText()).isEqualTo("https://stimulusreflex.com");
        assertThat(e.get("links").get(0).get("kind").asText()).isEqualTo("reference");
        assertThat(e.get("links").get(1).get("title").asText()).isEqualTo("Sidekiq");
        assertThat(e.get("season").asInt()).isEqualTo(1);
        assertThat(e.get("episode").asInt()).isEqualTo(1);
        assertThat(e.get("episodeType").asText()).isEqualTo("full");
        assertThat(e.get("explicit").asBoolean()).isFalse();
        assertThat(e.get("durationSeconds").asLong()).isEqualTo(4300);
        assertThat(e.get("audio").get("url").asText()).isEqualTo("https://media.castline.test/" + stored.audio().key());
        assertThat(e.has("id")).isFalse();
    }

    @Test
    void fractionalChapterTimesKeepTheirFraction() {
        fixture.store.create(Episodes.published("fractional", ApiFixture.NOW.minusSeconds(60))
                .chapters(List.of(new Chapter(0, "Intro", null), new Chapter(2_112_250, "Later", null))).build());
        JsonNode chapters = Events.json(invoke(handler, withSlug(GET_SAMPLE, "fractional")).body()).get("chapters");
        assertThat(chapters.get(0).get("startTime").asText()).isEqualTo("0");
        assertThat(chapters.get(1).get("startTime").decimalValue()).isEqualByComparingTo("2112.25");
    }

    @Test
    void draftsAndFutureEpisodesAreNotFoundUntilTheirTime() {
        assertClientError(invoke(handler, withSlug(GET_SAMPLE, ApiFixture.DRAFT)), 404, "not_found", null);
        assertClientError(invoke(handler, withSlug(GET_SAMPLE, ApiFixture.SCHEDULED)), 404, "not_found", null);

        fixture.clock.advance(Duration.ofDays(7));
        assertThat(invoke(handler, withSlug(GET_SAMPLE, ApiFixture.SCHEDULED)).status()).isEqualTo(200);
        assertClientError(invoke(handler, withSlug(GET_SAMPLE, ApiFixture.DRAFT)), 404, "not_found", null);
    }

    @Test
    void aDraftOrFutureEpisodeTakesTheSamePathAsASlugNobodyHas() {
        for (String slug : new String[] {"no-such-episode", ApiFixture.DRAFT, ApiFixture.SCHEDULED}) {
            fixture.operations.reset();
            LambdaResponse response = invoke(handler, withSlug(GET_SAMPLE, slug));
            assertClientError(response, 404, "not_found", null);
            assertThat(response.body()).as(slug).isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"No published episode has this slug.\"}}");
            assertThat(fixture.operations.operations()).as("%s: one read, as for a slug nobody has", slug).containsExactly("GetItem");
        }
        // Published, the same slug costs its second read.
        fixture.clock.advance(Duration.ofDays(7));
        fixture.operations.reset();
        assertThat(invoke(handler, withSlug(GET_SAMPLE, ApiFixture.SCHEDULED)).status()).isEqualTo(200);
        assertThat(fixture.operations.operations()).containsExactly("GetItem", "GetItem");
    }

    @Test
    void unpublishingOrReschedulingMovesEverySlugOfTheEpisodeWithIt() {
        Episode v1 = fixture.store.create(Episodes.published("moving-one", ApiFixture.NOW.minusSeconds(60)).build());
        Episode v2 = fixture.store.update(v1, v1.toBuilder().slug("moved-one").formerSlugs(List.of("moving-one")));
        assertThat(invoke(handler, withSlug(GET_SAMPLE, "moving-one")).status()).isEqualTo(301);
        Episode v3 = fixture.store.update(v2, v2.toBuilder().status(dev.castline.domain.Status.DRAFT).publishAt(null));
        assertClientError(invoke(handler, withSlug(GET_SAMPLE, "moved-one")), 404, "not_found", null);
        assertClientError(invoke(handler, withSlug(GET_SAMPLE, "moving-one")), 404, "not_found", null);
        fixture.store.update(v3, v3.toBuilder().status(dev.castline.domain.Status.SCHEDULED).publishAt(ApiFixture.NOW.plusSeconds(3600)));
        assertClientError(invoke(handler, withSlug(GET_SAMPLE, "moving-one")), 404, "not_found", null);
        fixture.clock.advance(Duration.ofHours(2));
        assertThat(invoke(handler, withSlug(GET_SAMPLE, "moving-one")).status()).isEqualTo(301);
        assertThat(invoke(handler, withSlug(GET_SAMPLE, "moved-one")).status()).isEqualTo(200);
    }

    @Test
    void aFormerSlugRedirectsToTheCurrentOne() {
        Episode v1 = fixture.store.create(Episodes.published("first-name", ApiFixture.NOW.minusSeconds(60)).build());
        fixture.store.update(v1, new Episode(v1.id(), "second-name", v1.guid(), v1.title(), v1.summary(),
                v1.showNotesMarkdown(), v1.showNotesHtml(), v1.chapters(), v1.guests(), v1.tags(), v1.links(), v1.season(),
                v1.episodeNumber(), v1.episodeType(), v1.explicit(), v1.audio(), v1.status(), v1.publishAt(),
                v1.createdAt(), Instant.now(), 2, List.of("first-name"), null));

        LambdaResponse response = invoke(handler, withSlug(GET_SAMPLE, "first-name"));
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.headers()).containsEntry("location", "/api/v1/episodes/second-name");
    }

    @Test
    void aSlugThatCannotExistIsA400NamingItAndNeverReadsTheTable() {
        for (String slug : new String[] {"x".repeat(10_240), "Bad_Slug", "../../etc/passwd", "ep\u0000isode", "épisode",
                "' OR '1'='1", "<script>alert(1)</script>", "🎧", " ", "-leading", "a--b"}) {
            assertClientError(invoke(handler, withSlug(GET_SAMPLE, slug)), 400, "bad_request", "slug");
        }
        assertThat(fixture.operations.operations()).isEmpty();
    }

    @Test
    void randomUnicodeSlugsNeverCauseA5xx() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            StringBuilder slug = new StringBuilder();
            for (int j = random.nextInt(1, 30); j > 0; j--) {
                slug.appendCodePoint(random.nextBoolean() ? random.nextInt('a', 'z' + 1) : random.nextInt(0x20, 0x2fff));
            }
            LambdaResponse response = invoke(handler, withSlug(GET_SAMPLE, slug.toString()));
            assertThat(response.status()).as(slug.toString()).isIn(400, 404);
            assertNoInternals(response);
        }
    }

    @Test
    void answersIfNoneMatchWith304() {
        LambdaResponse first = invoke(handler, ApiFixture.event(GET_SAMPLE));
        LambdaResponse second = invoke(handler, Events.withHeader(ApiFixture.event(GET_SAMPLE), "if-none-match", first.headers().get("etag")));
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(first.headers().get("cache-control")).isEqualTo("public, max-age=60");
    }

    @Test
    void aThrottledTableIsA503WithRetryAfter() {
        GetEpisodeHandler busy = new GetEpisodeHandler(fixture.config, fixture.client(new Throttling()), fixture.clock);
        LambdaResponse response = invoke(busy, ApiFixture.event(GET_SAMPLE));
        assertClientError(response, 503, "unavailable", null);
        assertThat(response.headers()).containsEntry("retry-after", "1");
    }
}
