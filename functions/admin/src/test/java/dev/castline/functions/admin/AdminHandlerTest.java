package dev.castline.functions.admin;

import static dev.castline.testing.ApiFixture.invoke;
import static dev.castline.testing.Responses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.castline.functions.admin.AdminHarness.TOKEN;
import static dev.castline.functions.admin.AdminHarness.authorized;
import static dev.castline.functions.admin.AdminHarness.withId;
import static dev.castline.functions.admin.AdminHarness.withRawBody;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.functions.feed.FeedHandler;
import dev.castline.functions.get.GetEpisodeHandler;
import dev.castline.functions.list.ListEpisodesHandler;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminHandlerTest {
    private static final List<String> ROUTE_SAMPLES = List.of("admin-create-episode.json", "admin-list-drafts.json",
            "admin-get-episode.json", "admin-patch-episode.json", "admin-delete-episode.json", "admin-request-upload.json",
            "admin-publish.json", "admin-unpublish.json", "admin-get-show.json", "admin-put-show.json", "admin-request-artwork-upload.json", "admin-import-episode.json",
            "admin-put-transcript.json", "admin-delete-transcript.json");

    private final ApiFixture fixture = new ApiFixture();
    private final AdminHarness admin = new AdminHarness(fixture);
    private final AdminHandler handler = admin.handler;

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void everySampleEventForTheAdminRoutesGetsItsDocumentedAnswer() {
        for (String file : ROUTE_SAMPLES) {
            LambdaResponse response = invoke(handler, authorized(ApiFixture.event(file)));
            switch (file) {
                case "admin-create-episode.json", "admin-request-artwork-upload.json", "admin-import-episode.json" ->
                        assertThat(response.status()).isEqualTo(201);
                case "admin-list-drafts.json", "admin-get-show.json", "admin-put-show.json" -> assertThat(response.status()).isEqualTo(200);
                default -> assertClientError(response, 404, "not_found", null);
            }
        }
    }

    @Test
    void everyRouteRefusesMissingWrongOrMalformedCredentialsAndChangesNothing() {
        long items = itemCount();
        fixture.operations.reset();
        List<String> refused = new ArrayList<>();
        for (String file : ROUTE_SAMPLES) {
            for (String authorization : new String[] {null, "Bearer wrong-token", "Basic " + TOKEN, "Bearer ", "Bearer " + TOKEN + " x",
                    "Bearer " + TOKEN + "x", "bearer", TOKEN}) {
                String event = ApiFixture.event(file);
                ObjectNode e = (ObjectNode) Events.json(event);
                ObjectNode headers = (ObjectNode) e.get("headers");
                headers.remove("authorization");
                if (authorization != null) {
                    headers.put("authorization", authorization);
                }
                LambdaResponse response = invoke(handler, e.toString());
                assertClientError(response, 401, "unauthorized", null);
                assertThat(response.headers().get("www-authenticate")).startsWith("Bearer");
                refused.add(file);
            }
        }
        assertThat(refused).hasSize(ROUTE_SAMPLES.size() * 8);
        assertThat(fixture.operations.operations()).as("a refused request never reaches the table").isEmpty();
        assertThat(itemCount()).isEqualTo(items);
    }

    @Test
    void aDraftIsCreatedEditedWithIfMatchAndNeverPublic() {
        JsonNode created = json(invoke(handler, authorized(ApiFixture.event("admin-create-episode.json"))));
        assertThat(created.get("status").asText()).isEqualTo("draft");
        assertThat(created.get("slug").asText()).isEqualTo("podia-has-everything-you-need-to-sell-online-courses-2");
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.get("guid").asText()).isNotBlank();
        String id = created.get("id").asText();

        LambdaResponse read = invoke(handler, authorized(withId("admin-get-episode.json", id)));
        assertThat(read.headers()).containsEntry("etag", "\"1\"").containsEntry("cache-control", "no-store");

        assertClientError(invoke(handler, without(withId("admin-patch-episode.json", id), "if-match")), 428, "precondition_required", "If-Match");
        LambdaResponse patched = invoke(handler, authorized(withId("admin-patch-episode.json", id)));
        assertThat(json(patched).get("title").asText()).isEqualTo("Podia: Selling Online Courses");
        assertThat(patched.headers()).containsEntry("etag", "\"2\"");
        assertThat(invoke(handler, authorized(withId("admin-patch-episode.json", id))).status()).as("stale If-Match").isEqualTo(412);

        GetEpisodeHandler publicGet = new GetEpisodeHandler(fixture.config, fixture.dynamo, fixture.clock);
        assertThat(invoke(publicGet, Events.withSlug("get-episode.json", created.get("slug").asText())).status()).isEqualTo(404);
    }

    @Test
    void listsByStatusInPagesWithOneQueryEach() {
        for (int i = 0; i < 3; i++) {
            fixture.clock.advance(Duration.ofMinutes(1));
            invoke(handler, authorized(withBody(ApiFixture.event("admin-create-episode.json"), Map.of("title", "Draft number " + i))));
        }
        List<String> drafts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            fixture.operations.reset();
            Map<String, String> query = cursor == null ? Map.of("status", "draft", "limit", "2")
                    : Map.of("status", "draft", "limit", "2", "cursor", cursor);
            JsonNode page = json(invoke(handler, authorized(Events.withQuery("admin-list-drafts.json", query))));
            assertThat(fixture.operations.operations()).containsExactly("Query");
            page.get("items").forEach(i -> {
                assertThat(i.get("status").asText()).isEqualTo("draft");
                drafts.add(i.get("slug").asText());
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        // The fixture's own draft plus the three made here, newest first.
        assertThat(drafts).containsExactly("draft-number-2", "draft-number-1", "draft-number-0", ApiFixture.DRAFT);
        assertThat(pages).isEqualTo(2);

        JsonNode scheduled = json(invoke(handler, authorized(Events.withQuery("admin-list-drafts.json", Map.of("status", "scheduled")))));
        assertThat(scheduled.get("items")).extracting(i -> i.get("slug").asText()).containsExactly(ApiFixture.SCHEDULED);

        // A cursor kept while its episode came due still leads to the scheduled ones left.
        fixture.store.create(dev.castline.testing.Episodes.published("later-still", ApiFixture.NOW.plus(Duration.ofDays(9)))
                .status(dev.castline.domain.Status.SCHEDULED).build());
        JsonNode first = json(invoke(handler, authorized(Events.withQuery("admin-list-drafts.json", Map.of("status", "scheduled", "limit", "1")))));
        String kept = first.get("nextCursor").asText();
        fixture.clock.advance(Duration.ofDays(8)); // the first scheduled episode is now due
        JsonNode later = json(invoke(handler, authorized(Events.withQuery("admin-list-drafts.json",
                Map.of("status", "scheduled", "limit", "1", "cursor", kept)))));
        assertThat(later.get("items")).extracting(i -> i.get("slug").asText()).containsExactly("later-still");
        fixture.clock.advance(Duration.ofDays(-8));
        JsonNode published = json(invoke(handler, authorized(Events.withQuery("admin-list-drafts.json", Map.of("status", "published")))));
        assertThat(published.get("items")).extracting(i -> i.get("slug").asText())
                .containsExactly(ApiFixture.PODIA, ApiFixture.REAL_ESTATE, ApiFixture.PASSIV);
        assertClientError(invoke(handler, authorized(Events.withQuery("admin-list-drafts.json", Map.of("status", "live")))),
                400, "bad_request", "status");
        assertClientError(invoke(handler, authorized(Events.withQuery("admin-list-drafts.json", Map.of("status", "draft", "cursor", "forged")))),
                400, "bad_request", "cursor");
    }

    @Test
    void aNewSlugKeepsTheOldOneForTheEpisodeAndATakenSlugIsA409() {
        Episode podia = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        String patch = Events.withHeader(withBody(withId("admin-patch-episode.json", podia.id()), Map.of("slug", "podia-renamed")),
                "if-match", "\"" + podia.version() + "\"");
        LambdaResponse renamed = invoke(handler, authorized(patch));
        assertThat(json(renamed).get("formerSlugs")).extracting(JsonNode::asText).containsExactly(ApiFixture.PODIA);
        GetEpisodeHandler publicGet = new GetEpisodeHandler(fixture.config, fixture.dynamo, fixture.clock);
        LambdaResponse old = invoke(publicGet, Events.withSlug("get-episode.json", ApiFixture.PODIA));
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.headers()).containsEntry("location", "/api/v1/episodes/podia-renamed");

        Episode passiv = fixture.store.findBySlug(ApiFixture.PASSIV, true).orElseThrow();
        String steal = Events.withHeader(withBody(withId("admin-patch-episode.json", passiv.id()), Map.of("slug", ApiFixture.PODIA)),
                "if-match", "\"" + passiv.version() + "\"");
        assertClientError(invoke(handler, authorized(steal)), 409, "conflict", "slug");
    }

    @Test
    void twentyConcurrentPatchesWithOneIfMatchLetExactlyOneWin() throws Exception {
        String id = json(invoke(handler, authorized(ApiFixture.event("admin-create-episode.json")))).get("id").asText();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String title = "Title from writer " + i;
                Callable<Integer> patch = () -> {
                    start.await();
                    return invoke(handler, authorized(withBody(withId("admin-patch-episode.json", id), Map.of("title", title)))).status();
                };
                results.add(pool.submit(patch));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 412).hasSize(19);
        } finally {
            pool.shutdownNow();
        }
        Episode stored = fixture.store.findById(id, true).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.title()).startsWith("Title from writer ");
    }

    @Test
    void publishingNeedsProcessedAudioThenSchedulesAndReleasesOnTime() {
        String id = json(invoke(handler, authorized(ApiFixture.event("admin-create-episode.json")))).get("id").asText();
        LambdaResponse noAudio = invoke(handler, authorized(withId("admin-publish.json", id)));
        assertClientError(noAudio, 409, "conflict", null);
        assertThat(json(noAudio).get("error").get("message").asText()).contains("audio");

        Episode draft = fixture.store.findById(id, true).orElseThrow();
        fixture.store.update(draft, draft.toBuilder().audio(new Audio("audio/" + id + "/a.mp3", "audio/mpeg", 1234, 61_000))
                .version(draft.version() + 1).build());
        FeedHandler feed = new FeedHandler(fixture.config, fixture.dynamo, fixture.clock);
        String feedEtag = invoke(feed, ApiFixture.event("feed.json")).headers().get("etag");

        Instant at = ApiFixture.NOW.plus(Duration.ofHours(3));
        LambdaResponse scheduled = invoke(handler, authorized(withBody(withId("admin-publish.json", id), Map.of("at", at.toString()))));
        assertThat(json(scheduled).get("status").asText()).isEqualTo("scheduled");
        String slug = json(scheduled).get("slug").asText();
        GetEpisodeHandler publicGet = new GetEpisodeHandler(fixture.config, fixture.dynamo, fixture.clock);
        assertThat(invoke(publicGet, Events.withSlug("get-episode.json", slug)).status()).isEqualTo(404);
        assertThat(invoke(feed, ApiFixture.event("feed.json")).body()).doesNotContain(slug);
        String scheduledEtag = invoke(feed, ApiFixture.event("feed.json")).headers().get("etag");

        fixture.clock.set(at);
        assertThat(invoke(publicGet, Events.withSlug("get-episode.json", slug)).status()).isEqualTo(200);
        LambdaResponse released = invoke(feed, ApiFixture.event("feed.json"));
        assertThat(released.body()).contains(slug);
        assertThat(released.headers().get("etag")).isNotEqualTo(scheduledEtag).isNotEqualTo(feedEtag);

        LambdaResponse pulled = invoke(handler, authorized(withId("admin-unpublish.json", id)));
        assertThat(json(pulled).get("status").asText()).isEqualTo("draft");
        assertThat(invoke(publicGet, Events.withSlug("get-episode.json", slug)).status()).isEqualTo(404);
    }

    @Test
    void anUploadUrlIsScopedToOneKeyTypeAndSizeAndRecorded() {
        String id = json(invoke(handler, authorized(ApiFixture.event("admin-create-episode.json")))).get("id").asText();
        LambdaResponse response = invoke(handler, authorized(withBody(withId("admin-request-upload.json", id),
                Map.of("contentType", "audio/mpeg", "bytes", 200_000_000))));
        assertClientError(response, 400, "bad_request", "bytes");

        response = invoke(handler, authorized(withBody(withId("admin-request-upload.json", id),
                Map.of("contentType", "audio/mpeg", "bytes", 4096, "fileName", "one.mp3"))));
        assertThat(response.status()).isEqualTo(201);
        JsonNode upload = json(response);
        assertThat(upload.get("method").asText()).isEqualTo("PUT");
        assertThat(upload.get("key").asText()).matches("audio/" + id + "/[0-9a-f-]{36}\\.mp3");
        assertThat(upload.get("uploadUrl").asText()).contains(upload.get("key").asText()).contains("X-Amz-Signature");
        assertThat(upload.get("headers").get("content-type").asText()).isEqualTo("audio/mpeg");
        assertThat(upload.get("headers").get("content-length").asText()).isEqualTo("4096");
        assertThat(Instant.parse(upload.get("expiresAt").asText())).isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(15)));
        Episode stored = fixture.store.findById(id, true).orElseThrow();
        assertThat(stored.upload().key()).isEqualTo(upload.get("key").asText());
        assertThat(stored.upload().isPending()).isTrue();

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("contentType", "audio/wav", "bytes", 10),
                Map.of("contentType", "audio/mpeg", "bytes", 0), Map.of("contentType", "audio/mpeg", "bytes", "ten"),
                Map.of("contentType", "audio/mpeg", "bytes", 10, "key", "audio/other/evil.mp3"))) {
            LambdaResponse refused = invoke(handler, authorized(withBody(withId("admin-request-upload.json", id), bad)));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
        }
    }

    @Test
    void anImportedEpisodeIsPublicWithItsGuidDateAndEnclosureAndImportingItAgainWritesNothing() {
        LambdaResponse created = invoke(handler, authorized(ApiFixture.event("admin-import-episode.json")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode episode = json(created);
        assertThat(created.headers().get("location")).isEqualTo("/api/v1/admin/episodes/" + episode.get("id").asText());
        assertThat(episode.get("guid").asText()).isEqualTo("https://oldhost.example/episodes/podia");
        assertThat(episode.get("status").asText()).isEqualTo("published");
        assertThat(episode.get("publishAt").asText()).isEqualTo("2021-02-08T06:00:00Z");
        assertThat(episode.get("audio").get("url").asText()).isEqualTo("https://media.oldhost.example/podia.mp3");
        assertThat(episode.get("audio").get("external").asBoolean()).isTrue();
        assertThat(episode.get("audio").has("key")).isFalse();
        assertThat(episode.get("chapters")).hasSize(2);

        fixture.operations.reset();
        LambdaResponse again = invoke(handler, authorized(ApiFixture.event("admin-import-episode.json")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(json(again).get("id").asText()).isEqualTo(episode.get("id").asText());
        assertThat(fixture.operations.operations()).as("a second import only reads").containsOnly("GetItem");

        String feed = invoke(new FeedHandler(fixture.config, fixture.dynamo, fixture.clock), ApiFixture.event("feed.json")).body();
        assertThat(feed).contains("<enclosure url=\"https://media.oldhost.example/podia.mp3\" length=\"68807424\" type=\"audio/mpeg\"/>")
                .contains("https://oldhost.example/episodes/podia</guid>").contains("<pubDate>Mon, 08 Feb 2021 06:00:00 GMT</pubDate>");
    }

    @Test
    void aTranscriptIsAttachedFromTheFileItselfAndABadOneIsRefusedNamingTheLine() {
        Episode podia = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        String put = withId("admin-put-transcript.json", podia.id());
        LambdaResponse attached = invoke(handler, authorized(put));
        assertThat(attached.status()).isEqualTo(200);
        JsonNode answer = json(attached);
        assertThat(answer.get("language").asText()).isEqualTo("en-us");
        assertThat(answer.get("cues").asInt()).isEqualTo(2);
        assertThat(answer.get("warnings")).isEmpty();
        assertThat(answer.get("version").asLong()).isEqualTo(podia.version() + 1);
        assertThat(fixture.store.findById(podia.id(), true).orElseThrow().transcript().cues()).isEqualTo(2);

        ObjectNode srt = (ObjectNode) Events.json(put);
        srt.put("body", "1\n00:00:00,000 --> 00:00:02,000\nNick: Hello\n\n2\nthis is not a timing\nnor this\n");
        ((ObjectNode) srt.get("headers")).put("content-type", "application/x-subrip");
        LambdaResponse refused = invoke(handler, authorized(srt.toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(Events.json(refused.body()).path("error").path("field").asText()).isEqualTo("transcript");
        assertThat(Events.json(refused.body()).path("error").path("message").asText()).isEqualTo("transcript line 6: expected a cue timing like 00:00:01,000 --> 00:00:04,000 after the cue number");

        ObjectNode html = (ObjectNode) Events.json(put);
        ((ObjectNode) html.get("headers")).put("content-type", "text/html");
        assertThat(Events.json(invoke(handler, authorized(html.toString())).body()).path("error").path("field").asText()).isEqualTo("content-type");
        assertThat(fixture.store.findById(podia.id(), true).orElseThrow().transcript().cues()).as("refusals change nothing").isEqualTo(2);

        assertThat(invoke(handler, authorized(withId("admin-delete-transcript.json", podia.id()))).status()).isEqualTo(204);
        assertThat(fixture.store.findById(podia.id(), true).orElseThrow().transcript()).isNull();
    }

    @Test
    void anImportIsValidatedLikeAnyWriteAndARefusedOneLeavesNothing() {
        String event = ApiFixture.event("admin-import-episode.json");
        for (var bad : List.<Map.Entry<String, Object>>of(Map.entry("guid", ""), Map.entry("publishAt", "last tuesday"),
                Map.entry("audio", Map.of("url", "javascript:alert(1)", "type", "audio/mpeg", "bytes", 1, "durationSeconds", 1)),
                Map.entry("audio", Map.of("url", "https://oldhost.example/a.mp3", "type", "text/html", "bytes", 1, "durationSeconds", 1)),
                Map.entry("audio", Map.of("url", "https://oldhost.example/a.mp3", "type", "audio/mpeg", "bytes", 1)),
                Map.entry("audio", Map.of("url", "https://oldhost.example/a.mp3", "type", "audio/mpeg", "bytes", 1, "durationSeconds", 1, "key", "x")),
                Map.entry("title", "<script>alert(1)</script>".repeat(100)), Map.entry("status", "draft"))) {
            ObjectNode e = (ObjectNode) Events.json(event);
            ObjectNode body = (ObjectNode) Events.json(e.get("body").asText());
            body.set(bad.getKey(), Events.MAPPER.valueToTree(bad.getValue()));
            e.put("body", body.toString());
            LambdaResponse refused = invoke(handler, authorized(e.toString()));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(Events.json(refused.body()).path("error").path("field").asText()).as(bad.toString()).startsWith(bad.getKey());
        }
        assertThat(fixture.store.findByGuid("https://oldhost.example/episodes/podia", true)).isEmpty();
    }

    @Test
    void anArtworkUploadUrlIsScopedToOneImageKeyTypeAndSizeAndTheShowWaitsForIt() {
        LambdaResponse response = invoke(handler, authorized(ApiFixture.event("admin-request-artwork-upload.json")));
        assertThat(response.status()).isEqualTo(201);
        JsonNode upload = json(response);
        assertThat(upload.get("key").asText()).matches("artwork/show/[0-9a-f-]{36}\\.jpg");
        assertThat(upload.get("uploadUrl").asText()).contains(upload.get("key").asText()).contains("X-Amz-Signature");
        assertThat(upload.get("headers").get("content-type").asText()).isEqualTo("image/jpeg");
        assertThat(upload.get("headers").get("content-length").asText()).isEqualTo("412318");
        assertThat(upload.get("headers").get("if-none-match").asText()).isEqualTo("*");
        JsonNode show = json(invoke(handler, authorized(ApiFixture.event("admin-get-show.json"))));
        assertThat(show.get("artworkUpload").get("key").asText()).isEqualTo(upload.get("key").asText());
        assertThat(show.get("artworkUpload").get("state").asText()).isEqualTo("pending");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("contentType", "image/gif", "bytes", 10),
                Map.of("contentType", "image/png", "bytes", 11 * 1024 * 1024), Map.of("contentType", "image/png"),
                Map.of("contentType", "image/png", "bytes", 10, "key", "artwork/show/evil.png"))) {
            LambdaResponse refused = invoke(handler, authorized(withBody(ApiFixture.event("admin-request-artwork-upload.json"), bad)));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.body()).as(bad.toString()).containsAnyOf("contentType", "bytes", "key");
        }
        assertThat(json(invoke(handler, authorized(ApiFixture.event("admin-get-show.json")))).get("artworkUpload").get("key").asText())
                .as("a refused request changes nothing").isEqualTo(upload.get("key").asText());
    }

    @Test
    void deletingRemovesTheEpisodeEverywhereAndFreesNothingElse() {
        Episode published = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        LambdaResponse deleted = invoke(handler, authorized(withId("admin-delete-episode.json", published.id())));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(fixture.store.findById(published.id(), true)).isEmpty();
        GetEpisodeHandler publicGet = new GetEpisodeHandler(fixture.config, fixture.dynamo, fixture.clock);
        assertThat(invoke(publicGet, Events.withSlug("get-episode.json", ApiFixture.PODIA)).status()).isEqualTo(404);
        assertThat(invoke(new FeedHandler(fixture.config, fixture.dynamo, fixture.clock), ApiFixture.event("feed.json")).body())
                .doesNotContain(published.guid());
    }

    @Test
    void showSettingsAreValidatedAndTheirGuidNeverChanges() {
        JsonNode show = json(invoke(handler, authorized(ApiFixture.event("admin-get-show.json"))));
        String guid = show.get("podcastGuid").asText();
        LambdaResponse put = invoke(handler, authorized(ApiFixture.event("admin-put-show.json")));
        assertThat(json(put).get("podcastGuid").asText()).as("kept when the feed URL changes").isEqualTo(guid);
        String etag = put.headers().get("etag");

        String badCategory = withBodyField(ApiFixture.event("admin-put-show.json"), "appleCategory", "Technologies");
        assertClientError(invoke(handler, Events.withHeader(authorized(badCategory), "if-match", etag)), 400, "bad_request", "appleCategory");
        String newGuid = withBodyField(ApiFixture.event("admin-put-show.json"), "podcastGuid", "9b024349-ccf0-5f69-a609-6b82873eab3c");
        assertClientError(invoke(handler, Events.withHeader(authorized(newGuid), "if-match", etag)), 400, "bad_request", "podcastGuid");
    }

    @Test
    void subscribeLinksAreSavedReadBackAndShownPublicly() {
        String etag = invoke(handler, authorized(ApiFixture.event("admin-get-show.json"))).headers().get("etag");
        String event = ApiFixture.event("admin-put-show.json").replace("\\\"feedUrl\\\"",
                "\\\"subscribeLinks\\\": {\\\"spotify\\\": \\\"https://open.spotify.com/show/abc\\\", \\\"apple\\\": \\\"https://podcasts.apple.com/podcast/id1\\\"}, \\\"feedUrl\\\"");
        assertThat(event).contains("subscribeLinks");
        LambdaResponse put = invoke(handler, Events.withHeader(authorized(event), "if-match", etag));
        assertThat(put.status()).isEqualTo(200);
        JsonNode links = json(put).get("subscribeLinks");
        assertThat(links.fieldNames()).toIterable().containsExactly("apple", "spotify");
        assertThat(links.get("spotify").asText()).isEqualTo("https://open.spotify.com/show/abc");
        JsonNode publicShow = Events.json(dev.castline.api.ShowJson.show(fixture.shows.load().show().orElseThrow()));
        assertThat(publicShow.get("subscribeLinks").get("apple").asText()).isEqualTo("https://podcasts.apple.com/podcast/id1");

        String unknown = event.replace("\\\"spotify\\\"", "\\\"myspace\\\"");
        assertClientError(invoke(handler, Events.withHeader(authorized(unknown), "if-match", put.headers().get("etag"))),
                400, "bad_request", "subscribeLinks.myspace");
    }

    @Test
    void showSettingsAreChangedOnlyFromTheVersionLastRead() {
        LambdaResponse read = invoke(handler, authorized(ApiFixture.event("admin-get-show.json")));
        assertThat(read.headers()).containsEntry("etag", "\"1\"");

        assertClientError(invoke(handler, without(ApiFixture.event("admin-put-show.json"), "if-match")), 428, "precondition_required", "If-Match");
        LambdaResponse first = invoke(handler, authorized(ApiFixture.event("admin-put-show.json")));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers()).containsEntry("etag", "\"2\"");
        // A second writer still holding version 1 loses, and changes nothing.
        String other = withBodyField(ApiFixture.event("admin-put-show.json"), "title", "Lost update");
        assertClientError(invoke(handler, authorized(other)), 412, "precondition_failed", null);
        assertThat(json(invoke(handler, authorized(ApiFixture.event("admin-get-show.json")))).get("title").asText()).isNotEqualTo("Lost update");
        assertThat(invoke(handler, Events.withHeader(authorized(other), "if-match", "\"2\"")).status()).isEqualTo(200);
    }

    @Test
    void aPendingUploadWhoseUrlExpiredShowsAsExpiredAndANewOneReplacesIt() {
        String id = json(invoke(handler, authorized(ApiFixture.event("admin-create-episode.json")))).get("id").asText();
        String upload = withBody(withId("admin-request-upload.json", id), Map.of("contentType", "audio/mpeg", "bytes", 4096));
        String first = json(invoke(handler, authorized(upload))).get("key").asText();
        assertThat(json(invoke(handler, authorized(withId("admin-get-episode.json", id)))).get("upload").get("state").asText())
                .isEqualTo("pending");

        fixture.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        JsonNode expired = json(invoke(handler, authorized(withId("admin-get-episode.json", id)))).get("upload");
        assertThat(expired.get("state").asText()).isEqualTo("expired");
        assertThat(expired.get("key").asText()).isEqualTo(first);

        String second = json(invoke(handler, authorized(upload))).get("key").asText();
        JsonNode replaced = json(invoke(handler, authorized(withId("admin-get-episode.json", id)))).get("upload");
        assertThat(second).isNotEqualTo(first);
        assertThat(replaced.get("key").asText()).isEqualTo(second);
        assertThat(replaced.get("state").asText()).isEqualTo("pending");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        assertClientError(invoke(handler, authorized(withRawBody(ApiFixture.event("admin-create-episode.json"), "{not json"))), 400, "bad_request", null);
        assertClientError(invoke(handler, authorized(withBody(ApiFixture.event("admin-create-episode.json"), Map.of("title", "x", "status", "published")))),
                400, "bad_request", "status");
        assertClientError(invoke(handler, authorized(withBody(ApiFixture.event("admin-create-episode.json"), Map.of("summary", "no title")))),
                400, "bad_request", "title");
        assertClientError(invoke(handler, authorized(withBody(ApiFixture.event("admin-create-episode.json"),
                Map.of("title", "x", "chapters", List.of(Map.of("startTime", 10, "title", "b"), Map.of("startTime", 5, "title", "a")))))),
                400, "bad_request", "chapters[1].startTime");
        assertClientError(invoke(handler, authorized(withBody(ApiFixture.event("admin-create-episode.json"), Map.of("title", "x", "tags", List.of("Not A Tag"))))),
                400, "bad_request", "tags[0]");
        assertClientError(invoke(handler, authorized(withBody(ApiFixture.event("admin-create-episode.json"), Map.of("title", "x", "slug", ApiFixture.PODIA)))),
                409, "conflict", "slug");
    }

    @Test
    void unknownFieldsAreRefusedAtEveryDepthAndDuplicateKeysToo() {
        String create = ApiFixture.event("admin-create-episode.json");
        long before = itemCount();
        assertClientError(invoke(handler, authorized(withRawBody(create,
                "{\"title\":\"x\",\"chapters\":[{\"startTime\":1,\"title\":\"a\",\"evil\":true}]}"))), 400, "bad_request", "chapters[0].evil");
        assertClientError(invoke(handler, authorized(withRawBody(create,
                "{\"title\":\"x\",\"guests\":[{\"name\":\"a\"},{\"name\":\"b\",\"isAdmin\":true}]}"))), 400, "bad_request", "guests[1].isAdmin");
        assertClientError(invoke(handler, authorized(withRawBody(create,
                "{\"title\":\"x\",\"links\":[{\"kind\":\"reference\",\"url\":\"https://a.example\",\"rel\":\"x\"}]}"))), 400, "bad_request", "links[0].rel");
        LambdaResponse duplicate = invoke(handler, authorized(withRawBody(create, "{\"title\":\"x\",\"title\":\"y\"}")));
        assertClientError(duplicate, 400, "bad_request", null);
        assertClientError(invoke(handler, authorized(withRawBody(create,
                "{\"title\":\"x\",\"chapters\":[{\"startTime\":1,\"startTime\":2,\"title\":\"a\"}]}"))), 400, "bad_request", null);
        assertThat(itemCount()).as("nothing was written").isEqualTo(before);
    }

    @Test
    void hugeNumbersAreRefusedBeforeAnyArithmetic() {
        String create = ApiFixture.event("admin-create-episode.json");
        for (String number : new String[] {"1e5000000", "1e999999999", "-1e999999999", "1e-999999999", "1" + "0".repeat(30)}) {
            assertClientError(invoke(handler, authorized(withRawBody(create,
                    "{\"title\":\"x\",\"chapters\":[{\"startTime\":" + number + ",\"title\":\"a\"}]}"))), 400, "bad_request", "chapters[0].startTime");
        }
        // Longer than any number a request needs: refused by the parser itself.
        assertClientError(invoke(handler, authorized(withRawBody(create,
                "{\"title\":\"x\",\"season\":" + "9".repeat(41) + "}"))), 400, "bad_request", null);
        assertClientError(invoke(handler, authorized(withRawBody(create, "{\"title\":\"x\",\"season\":" + "9".repeat(12) + "}"))),
                400, "bad_request", "season");
        // The largest chapter start is still accepted, one millisecond more is not.
        assertThat(invoke(handler, authorized(withRawBody(create,
                "{\"title\":\"Long one\",\"chapters\":[{\"startTime\":360000,\"title\":\"end\"}]}"))).status()).isEqualTo(201);
        assertClientError(invoke(handler, authorized(withRawBody(create,
                "{\"title\":\"x\",\"chapters\":[{\"startTime\":360000.001,\"title\":\"end\"}]}"))), 400, "bad_request", "chapters[0].startTime");
    }

    @Test
    void publishTimesLieBetween1970AndTheEndOf9999SoListingsSortThemRight() {
        String id = json(invoke(handler, authorized(ApiFixture.event("admin-create-episode.json")))).get("id").asText();
        Episode draft = fixture.store.findById(id, true).orElseThrow();
        fixture.store.update(draft, draft.toBuilder().audio(new Audio("audio/" + id + "/a.mp3", "audio/mpeg", 1234, 61_000))
                .version(draft.version() + 1).build());
        for (String at : new String[] {"+10000-01-01T00:00:00Z", "+999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z"}) {
            assertClientError(invoke(handler, authorized(withBody(withId("admin-publish.json", id), Map.of("at", at)))),
                    400, "bad_request", "at");
        }
        LambdaResponse farAway = invoke(handler, authorized(withBody(withId("admin-publish.json", id), Map.of("at", "9999-12-31T23:59:59Z"))));
        assertThat(json(farAway).get("status").asText()).isEqualTo("scheduled");
        String slug = json(farAway).get("slug").asText();
        ListEpisodesHandler list = new ListEpisodesHandler(fixture.config, fixture.dynamo, fixture.clock);
        assertThat(invoke(list, ApiFixture.event("list-episodes.json")).body()).as("not public before its time").doesNotContain(slug);
    }

    @Test
    void oneLineFieldsRefuseBidirectionalOverridesAndLineSeparators() {
        String create = ApiFixture.event("admin-create-episode.json");
        for (String title : new String[] {"Evil \u202Egnp.exe", "Isolated \u2067text\u2069", "Two\u2028lines", "Two\u2029paragraphs"}) {
            assertClientError(invoke(handler, authorized(withBody(create, Map.of("title", title)))), 400, "bad_request", "title");
            assertClientError(invoke(handler, authorized(withBody(create,
                    Map.of("title", "ok", "guests", List.of(Map.of("name", title)))))), 400, "bad_request", "guests[0].name");
        }
        assertThat(invoke(handler, authorized(withBody(create, Map.of("title", "עברית and English, mixed")))).status()).isEqualTo(201);
    }

    // ---- event helpers

    private static String without(String event, String header) {
        ObjectNode e = (ObjectNode) Events.json(authorized(event));
        ((ObjectNode) e.get("headers")).remove(header);
        return e.toString();
    }

    private static String withBody(String event, Map<String, ?> body) {
        return withRawBody(event, Events.MAPPER.valueToTree(body).toString());
    }

    private static String withBodyField(String event, String field, String value) {
        ObjectNode e = (ObjectNode) Events.json(event);
        ObjectNode body = (ObjectNode) Events.json(e.get("body").asText());
        body.put(field, value);
        e.put("body", body.toString());
        return e.toString();
    }

    /** Counted on a client of its own, so the count is not one of the handler's operations. */
    private long itemCount() {
        try (var uncounted = fixture.client()) {
            return uncounted.scan(r -> r.tableName(fixture.table)).count();
        }
    }

    private static JsonNode json(LambdaResponse response) {
        if (response.status() >= 300 && response.status() != 409) {
            fail("unexpected " + response.status() + ": " + response.body());
        }
        return Events.json(response.body());
    }
}
