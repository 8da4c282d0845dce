package dev.castline.functions.list;

import static dev.castline.testing.ApiFixture.PASSIV;
import static dev.castline.testing.ApiFixture.PODIA;
import static dev.castline.testing.ApiFixture.REAL_ESTATE;
import static dev.castline.testing.ApiFixture.invoke;
import static dev.castline.testing.Events.query;
import static dev.castline.testing.Events.withQuery;
import static dev.castline.testing.Responses.assertClientError;
import static dev.castline.testing.Responses.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import dev.castline.testing.Throttling;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ListEpisodesHandlerTest {
    private final ApiFixture fixture = new ApiFixture();
    private final ListEpisodesHandler handler = new ListEpisodesHandler(fixture.config, fixture.dynamo, fixture.clock);

    @Test
    void everySampleEventForThisRouteGetsItsDocumentedAnswer() {
        List<String> files = ApiFixture.eventsFor("GET /api/v1/episodes");
        assertThat(files).contains("list-episodes.json", "list-episodes-page.json", "list-episodes-by-tag.json");
        for (String file : files) {
            LambdaResponse response = invoke(handler, ApiFixture.event(file));
            switch (file) {
                case "list-episodes.json" -> {
                    assertThat(slugs(response)).containsExactly(PODIA, REAL_ESTATE, PASSIV);
                    assertThat(Events.json(response.body()).get("nextCursor").isNull()).isTrue();
                }
                case "list-episodes-page.json" -> {
                    assertThat(slugs(response)).containsExactly(PODIA, REAL_ESTATE);
                    assertThat(Events.json(response.body()).get("nextCursor").asText()).isNotBlank();
                }
                case "list-episodes-by-tag.json" -> assertThat(slugs(response)).containsExactly(PODIA);
                case "list-episodes-bad-limit.json" -> assertClientError(response, 400, "bad_request", "limit");
                default -> fail("events/" + file + " has no expected answer in this test: add one");
            }
        }
    }

    @Test
    void itemsAreSummariesWithPublicAudioUrls() {
        LambdaResponse response = invoke(handler, withQuery("list-episodes.json", query("limit", "1")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", "application/json; charset=utf-8");
        JsonNode item = Events.json(response.body()).get("items").get(0);

        assertThat(item.get("slug").asText()).isEqualTo(PODIA);
        assertThat(item.get("title").asText()).isEqualTo("Podia Has Everything You Need to Sell Online Courses");
        assertThat(item.get("summary").asText()).isNotBlank();
        assertThat(item.get("publishedAt").asText()).isEqualTo("2021-02-08T00:00:00Z");
        assertThat(item.get("durationSeconds").asLong()).isEqualTo(4300);
        assertThat(item.get("tags")).extracting(JsonNode::asText).containsExactly("rails", "ruby", "react");
        assertThat(item.get("guests").get(0).get("name").asText()).isEqualTo("Jason Charnes");
        assertThat(item.get("audio").get("url").asText()).matches("https://media\\.castline\\.test/audio/[^/]+/[^/]+\\.mp3");
        assertThat(item.get("audio").get("type").asText()).isEqualTo("audio/mpeg");
        assertThat(item.get("audio").get("bytes").asLong()).isEqualTo(68_807_424);
        assertThat(item.has("showNotes")).as("show notes are for the episode page, not the list").isFalse();
        assertThat(item.has("id")).as("internal ids stay internal").isFalse();
    }

    @Test
    void followingNextCursorVisitsEveryEpisodeOnceWithOneQueryPerPage() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            fixture.operations.reset();
            var q = cursor == null ? query("limit", "1") : query("limit", "1", "cursor", cursor);
            LambdaResponse response = invoke(handler, withQuery("list-episodes.json", q));
            assertThat(response.status()).isEqualTo(200);
            assertThat(fixture.operations.operations()).as("DynamoDB calls for one page").containsExactly("Query");
            seen.addAll(slugs(response));
            JsonNode next = Events.json(response.body()).get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);
        assertThat(seen).containsExactly(PODIA, REAL_ESTATE, PASSIV);
    }

    @Test
    void aTagListingCostsOneQueryAndNeverShowsDraftsOrFutureEpisodes() {
        LambdaResponse response = invoke(handler, withQuery("list-episodes.json", query("tag", "rails")));
        assertThat(slugs(response)).containsExactly(PODIA);
        assertThat(fixture.operations.operations()).containsExactly("Query");

        fixture.clock.advance(Duration.ofDays(8));
        assertThat(slugs(invoke(handler, withQuery("list-episodes.json", query("tag", "rails")))))
                .containsExactly(ApiFixture.SCHEDULED, PODIA);
    }

    @Test
    void aCursorFromOneListingIsRefusedOnAnother() {
        String cursor = Events.json(invoke(handler, withQuery("list-episodes.json", query("tag", "django", "limit", "1"))).body())
                .get("nextCursor").asText();
        assertClientError(invoke(handler, withQuery("list-episodes.json", query("cursor", cursor))), 400, "bad_request", "cursor");
        assertClientError(invoke(handler, withQuery("list-episodes.json", query("tag", "rails", "cursor", cursor))), 400, "bad_request", "cursor");
    }

    @Test
    void garbageInAnyParameterIsA400NamingIt() {
        String tenKb = "x".repeat(10_240);
        for (String limit : new String[] {"-1", "0", "101", "1000", "99999999999999999999", "abc", "", "1.5", " 5", "٣", "2; DROP TABLE", tenKb}) {
            assertClientError(invoke(handler, withQuery("list-episodes.json", query("limit", limit))), 400, "bad_request", "limit");
        }
        for (String cursor : new String[] {"garbage", "", "%%%", "' OR '1'='1", "<cursor/>", "🎧🎧🎧", tenKb,
                "MjAyMC0wNi0yOVQwMDowMDowMFojZm9yZ2Vk"}) {
            assertClientError(invoke(handler, withQuery("list-episodes.json", query("cursor", cursor))), 400, "bad_request", "cursor");
        }
        for (String tag : new String[] {"Rails", "rails!", "", "<script>alert(1)</script>", "' OR 1=1 --", "tag#x", "ζ", tenKb, "-rails"}) {
            assertClientError(invoke(handler, withQuery("list-episodes.json", query("tag", tag))), 400, "bad_request", "tag");
        }
        assertThat(fixture.operations.operations()).as("bad input never reaches the table").isEmpty();
    }

    @Test
    void randomUnicodeInParametersNeverCausesA5xx() {
        Random random = new Random(20261123);
        for (int i = 0; i < 300; i++) {
            String junk = randomString(random);
            String param = List.of("limit", "cursor", "tag").get(i % 3);
            LambdaResponse response = invoke(handler, withQuery("list-episodes.json", query(param, junk)));
            assertThat(response.status()).as("%s=%s", param, junk).isIn(200, 400);
            assertNoInternals(response);
        }
    }

    @Test
    void unknownParametersAreIgnored() {
        LambdaResponse response = invoke(handler, withQuery("list-episodes.json", query("utm_source", "newsletter", "sort", "<x>")));
        assertThat(slugs(response)).containsExactly(PODIA, REAL_ESTATE, PASSIV);
    }

    @Test
    void answersIfNoneMatchWith304AndNoBody() {
        LambdaResponse first = invoke(handler, ApiFixture.event("list-episodes.json"));
        String etag = first.headers().get("etag");
        assertThat(etag).isNotBlank();
        assertThat(first.headers().get("cache-control")).isEqualTo("public, max-age=60");

        LambdaResponse second = invoke(handler, Events.withHeader(ApiFixture.event("list-episodes.json"), "if-none-match", etag));
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(second.headers()).containsEntry("etag", etag);

        fixture.clock.advance(Duration.ofDays(8));
        LambdaResponse afterRelease = invoke(handler, Events.withHeader(ApiFixture.event("list-episodes.json"), "if-none-match", etag));
        assertThat(afterRelease.status()).as("a newly due episode changes the list").isEqualTo(200);
        assertThat(afterRelease.headers().get("etag")).isNotEqualTo(etag);
    }

    @Test
    void aThrottledTableIsA503WithRetryAfter() {
        var throttled = fixture.client(new Throttling());
        ListEpisodesHandler busy = new ListEpisodesHandler(fixture.config, throttled, fixture.clock);
        LambdaResponse response = invoke(busy, ApiFixture.event("list-episodes.json"));
        assertClientError(response, 503, "unavailable", null);
        assertThat(response.headers()).containsEntry("retry-after", "1");
    }

    @Test
    void aFaultOfOursIsA500ThatHidesItsCauseAndIsLoggedWithTheRequestId() {
        // A listing entry whose date cannot be read: the kind of fault only a bug could cause.
        fixture.dynamo.putItem(r -> r.tableName(fixture.table).item(Map.of(
                "PK", fixture.config.layout().episodeKey("broken").get("PK"), "SK", AttributeValue.fromS("EPISODE"),
                "listPk", AttributeValue.fromS(fixture.config.layout().releasedPartition()), "listSk", AttributeValue.fromS("2025-01-01T00:00:00Z#broken"),
                "id", AttributeValue.fromS("broken"), "slug", AttributeValue.fromS("broken"),
                "title", AttributeValue.fromS("Broken"), "publishAt", AttributeValue.fromS("not-a-date"))));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        LambdaResponse response;
        try {
            response = invoke(handler, ApiFixture.event("list-episodes.json"));
        } finally {
            System.setErr(original);
        }

        JsonNode error = assertClientError(response, 500, "internal_error", null);
        assertThat(error.get("message").asText()).contains("JKJaXmPLvHcESHA=").doesNotContain("not-a-date");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("\"requestId\":\"JKJaXmPLvHcESHA=\"")
                .contains("DateTimeParseException");
    }

    private static List<String> slugs(LambdaResponse response) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(200);
        List<String> slugs = new ArrayList<>();
        Events.json(response.body()).get("items").forEach(item -> slugs.add(item.get("slug").asText()));
        return slugs;
    }

    private static String randomString(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20, 0x7f);
                case 1 -> random.nextInt(0xa0, 0x3000);
                case 2 -> random.nextInt(0x1f300, 0x1faff);
                default -> random.nextInt(0, 0x20);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
