package dev.castline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.api.EpisodeJson;
import dev.castline.api.ShowJson;
import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.domain.Guest;
import dev.castline.domain.Show;
import dev.castline.feed.ChaptersJson;
import dev.castline.lambda.ApiHandler;
import dev.castline.http.ApiResponse;
import dev.castline.testing.ApiFixture.LambdaResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ApiContract passes what the document allows and names what it does not. */
class ApiContractTest {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String GUEST = """
            {"name": "Jason Charnes", "role": "guest", "website": "https://podia.com", "socialHandle": "@jmcharnes"}""";
    private static final String SUMMARY = """
            {"slug": "podia-has-everything", "title": "Podia Has Everything", "summary": "Jason talks.",
             "publishedAt": "2021-02-08T00:00:00Z", "durationSeconds": 4300, "tags": ["rails", "ruby"],
             "guests": [%s],
             "audio": {"url": "https://media.castline.test/audio/a/b.mp3", "type": "audio/mpeg", "bytes": 68807424}}""";
    private static final String ADMIN_EPISODE = """
            {"id": "5f0c6f0e-9d1a-4c4e-8a57-0d1c2b3a4f5e", "slug": "my-first-episode", "formerSlugs": [],
             "guid": "0b6d7a3e-6c3f-4c43-9d61-1d1b2f1b2c3d", "title": "My first episode", "showNotes": "Hello **you**",
             "showNotesHtml": "<p>Hello you</p>", "chapters": [{"startTime": 2120.25, "title": "Intro"}], "guests": [],
             "tags": ["rails"], "links": [{"kind": "library", "url": "https://github.com/mperham/sidekiq", "title": "Sidekiq"}],
             "season": 1, "episodeType": "full", "explicit": false, "status": "scheduled", "publishAt": "2026-12-01T09:00:00Z",
             "audio": {"key": "audio/x/y.mp3", "url": "https://media.castline.test/audio/x/y.mp3", "type": "audio/mpeg",
                       "bytes": 1000, "durationSeconds": 61.5},
             "upload": {"key": "audio/x/z.m4a", "contentType": "audio/x-m4a", "bytes": 10, "requestedAt": "2026-01-15T12:00:00.123Z",
                        "state": "rejected", "reason": "not audio"},
             "createdAt": "2026-01-15T12:00:00Z", "updatedAt": "2026-01-15T12:00:00Z", "version": 3}""";

    private final ApiContract contract = ApiContract.get();

    private static String page(String... summaries) {
        return "{\"items\": [" + String.join(",", summaries) + "], \"nextCursor\": null}";
    }

    @Test
    void correctResponsesPass() {
        assertThatCode(() -> {
            contract.check("GET", "/api/v1/episodes?limit=2&tag=rails", 200, JSON, page(SUMMARY.formatted(GUEST)));
            contract.check("GET", "/api/v1/episodes", 200, JSON, "{\"items\": [], \"nextCursor\": \"YWxsCjIw\"}");
            contract.check("GET", "/api/v1/episodes?limit=0", 400, JSON,
                    "{\"error\": {\"code\": \"bad_request\", \"message\": \"limit must be…\", \"field\": \"limit\"}}");
            contract.check("GET", "/api/v1/episodes/podia-has-everything", 304, null, "");
            contract.check("GET", "/api/v1/episodes/old-slug", 301, null, null);
            contract.check("GET", "/feed.xml?page=2", 200, "application/rss+xml; charset=utf-8", "<rss version=\"2.0\"/>");
            contract.check("HEAD", "/feed.xml", 200, "application/rss+xml; charset=utf-8", "");
            contract.check("GET", "/episodes/podia-has-everything/chapters.json", 200, "application/json+chapters; charset=utf-8",
                    "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 159, \"title\": \"Motivation\", \"url\": \"https://x.test\"}]}");
            contract.check("GET", "/api/v1/admin/episodes/5f0c6f0e-9d1a", 200, JSON, ADMIN_EPISODE);
            contract.check("DELETE", "/api/v1/admin/episodes/5f0c6f0e-9d1a", 204, null, "");
            contract.check("POST", "/api/v1/admin/episodes/5f0c6f0e-9d1a/audio", 201, JSON, """
                    {"uploadUrl": "https://bucket.s3.amazonaws.com/audio/x/y.mp3?X-Amz-Signature=abc", "method": "PUT",
                     "headers": {"content-type": "audio/mpeg", "content-length": "1000"}, "key": "audio/x/y.mp3",
                     "expiresAt": "2026-01-15T12:15:00Z", "version": 4}""");
            contract.check("GET", "/api/v1/show", 200, JSON, """
                    {"title": "Running in Production", "author": "Nick", "description": "Apps in production.", "language": "en-us",
                     "artworkUrl": "https://castline.test/artwork.jpg", "siteBaseUrl": "https://castline.test",
                     "feedUrl": "https://api.castline.test/feed.xml", "podcastGuid": "917393e3-1b1e-5cef-ace4-edaa54e1f810",
                     "explicit": false, "type": "episodic", "funding": [{"url": "https://castline.test/support"}],
                     "categories": [{"category": "Technology"}]}""");
            contract.checkRoute("GET /api/v1/episodes/{slug}", "/api/v1/episodes/nope", 404, JSON,
                    "{\"error\": {\"code\": \"not_found\", \"message\": \"No published episode has this slug.\"}}");
        }).doesNotThrowAnyException();
    }

    @Test
    void anExtraFieldInASummaryFails() {
        String extra = SUMMARY.formatted(GUEST).replace("\"title\":", "\"titel\": \"x\", \"title\":");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 200, JSON, page(extra)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/episodes → 200")
                .hasMessageContaining("listEpisodes")
                .hasMessageContaining("titel");
    }

    @Test
    void aMissingRequiredFieldFails() {
        String missing = SUMMARY.formatted(GUEST).replace("\"publishedAt\": \"2021-02-08T00:00:00Z\",", "");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 200, JSON, page(missing)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("publishedAt");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 200, JSON, "{\"items\": []}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("nextCursor");
    }

    @Test
    void aWrongTypeInsideAReferencedComponentFails() {
        String numberName = SUMMARY.formatted(GUEST.replace("\"Jason Charnes\"", "42"));
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 200, JSON, page(numberName)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("guests")
                .hasMessageContaining("name")
                .hasMessageContaining("components/schemas/Guest");
        String wrongStatus = ADMIN_EPISODE.replace("\"status\": \"scheduled\"", "\"status\": \"live\"");
        assertThatThrownBy(() -> contract.check("PATCH", "/api/v1/admin/episodes/abc", 200, JSON, wrongStatus))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 400, JSON, "{\"error\": {\"code\": \"bad_request\"}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("message");
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 418, JSON, "{\"error\": {\"code\": \"x\", \"message\": \"y\"}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/episodes → 418")
                .hasMessageContaining("status 418 is not documented");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/admin/show", 409, JSON, "{\"error\": {\"code\": \"x\", \"message\": \"y\"}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("409");
    }

    @Test
    void anUnknownPathOrMethodFails() {
        // Every GET path has an operation now (the site's catch-all answers 404 for the rest).
        assertThatThrownBy(() -> contract.check("PUT", "/api/v1/nothing-here?x=1", 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PUT /api/v1/nothing-here?x=1 → 200")
                .hasMessageContaining("the document has no PUT operation for this path");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/nothing-here", 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("operation getAnyOtherPage")
                .hasMessageContaining("status 200 is not documented");
        assertThatThrownBy(() -> contract.check("DELETE", "/api/v1/episodes/a-slug", 204, null, ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no DELETE operation");
        assertThatThrownBy(() -> contract.checkRoute("GET /episodes/{slug}/cover.jpg", "/episodes/a/cover.jpg", 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no operation for the route GET /episodes/{slug}/cover.jpg");
    }

    @Test
    void aJsonBodyOfTheWrongMediaTypeOrAMissingBodyFails() {
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 200, "application/problem+json", page()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("documents no application/problem+json body");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 200, JSON, ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("documents a JSON body, but the response has none");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 200, null, page()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no Content-Type");
        assertThatThrownBy(() -> contract.check("DELETE", "/api/v1/admin/episodes/abc", 204, JSON, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("documents no body, but the response has one");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", 200, JSON, "{\"items\": [],"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void chaptersAreValidatedAsJson() {
        assertThatThrownBy(() -> contract.check("GET", "/episodes/a/chapters.json", 200, "application/json+chapters",
                "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": \"2:39\", \"title\": \"Motivation\"}]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("startTime");
    }

    /** What today's shared writers produce holds to the document. */
    @Test
    void theSharedWritersHoldToTheDocument() {
        EpisodeJson json = new EpisodeJson("https://media.castline.test");
        Episode full = Episodes.published("podia-has-everything", Instant.parse("2021-02-08T00:00:00Z"))
                .guests(List.of(new Guest("Jason Charnes", "guest", "https://podia.com", "https://podia.com/a.png", "@jmcharnes")))
                .build();
        Episode bare = Episodes.published("no-audio-yet", Instant.parse("2021-02-01T00:00:00Z"))
                .summary(null).notes(null).audio(null).season(null).number(null).chapters(List.of()).guests(List.of())
                .links(List.of()).tags().build();
        Episode fractional = Episodes.published("fractional", Instant.parse("2021-02-01T00:00:00Z"))
                .audio(new Audio("audio/a/b.m4a", "audio/x-m4a", 10, 1_499)).build();

        contract.check("GET", "/api/v1/episodes", 200, JSON, json.page(List.of(full.toSummary(), bare.toSummary(), fractional.toSummary()), "YWxs"));
        contract.check("GET", "/api/v1/episodes", 200, JSON, json.page(List.of(), null));
        contract.check("GET", "/api/v1/episodes/podia-has-everything", 200, JSON, json.episode(full));
        contract.check("GET", "/api/v1/episodes/no-audio-yet", 200, JSON, json.episode(bare));
        contract.check("GET", "/episodes/podia-has-everything/chapters.json", 200, "application/json+chapters; charset=utf-8",
                new String(ChaptersJson.of(full), StandardCharsets.UTF_8));
        contract.check("GET", "/episodes/no-audio-yet/chapters.json", 200, "application/json+chapters; charset=utf-8",
                new String(ChaptersJson.of(bare), StandardCharsets.UTF_8));

        Show show = Shows.sample();
        Show bareShow = new Show(show.title(), show.author(), show.description(), show.language(), show.artworkUrl(), "Technology",
                "Tech News", true, show.ownerName(), show.ownerEmail(), show.siteBaseUrl(), null, null, null, show.feedUrl(),
                show.podcastGuid(), true, false, 5);
        contract.check("GET", "/api/v1/show", 200, JSON, ShowJson.show(show));
        contract.check("GET", "/api/v1/show", 200, JSON, ShowJson.show(bareShow));
        String everything = ShowJson.show(Shows.withEverything());
        org.assertj.core.api.Assertions.assertThat(everything).contains("\"podroll\"", "\"license\"", "\"location\"", "\"updateFrequency\"", "\"complete\":true");
        contract.check("GET", "/api/v1/show", 200, JSON, everything);
        String episodeWithEverything = json.episode(Episodes.published("everything", Instant.parse("2021-02-08T06:00:00Z")).withPodcasting20().build());
        org.assertj.core.api.Assertions.assertThat(episodeWithEverything).contains("\"soundbites\"", "\"socialInteracts\"", "\"license\"");
        contract.check("GET", "/api/v1/episodes/everything", 200, JSON, episodeWithEverything);

        ApiResponse badRequest = ApiHandler.error(400, "bad_request", "limit must be a whole number from 1 to 100", "limit");
        contract.check("GET", "/api/v1/episodes?limit=0", 400, badRequest.header("content-type"), badRequest.bodyText());
        ApiResponse unavailable = ApiHandler.error(503, "unavailable", "The service is busy; try again shortly.", null);
        contract.check("POST", "/api/v1/admin/episodes", 503, unavailable.header("content-type"), unavailable.bodyText());
    }

    @Test
    void aLambdaResponseIsReadAsAClientWouldReadIt() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("<rss version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8));
        }
        contract.check("GET", "/feed.xml", new LambdaResponse(200, Map.of("Content-Type", "application/rss+xml; charset=utf-8",
                "content-encoding", "gzip"), Base64.getEncoder().encodeToString(zipped.toByteArray()), true));
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/episodes", new LambdaResponse(200,
                Map.of("content-type", JSON), "{\"items\": [{}], \"nextCursor\": null}", false)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("slug");
    }

    @Test
    void literalSegmentsWinOverParametersAndRangesAndDefaultCount(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("openapi.yaml");
        Files.writeString(file, """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /things/{id}:
                    get:
                      responses:
                        '200':
                          description: a thing
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                        4XX:
                          description: any client error
                        default:
                          description: anything else
                  /things/special:
                    get:
                      responses:
                        '200':
                          description: the special thing
                          content:
                            application/json:
                              schema: {type: object, required: [special], properties: {special: {const: true}}}
                components:
                  schemas:
                    Thing:
                      type: object
                      additionalProperties: false
                      required: [id]
                      properties:
                        id: {type: integer}
                """);
        ApiContract small = ApiContract.load(file);
        assertThat(small.routeKeys()).containsExactly("GET /things/special", "GET /things/{id}");

        small.check("GET", "/things/special", 200, JSON, "{\"special\": true}");
        small.check("GET", "/things/7", 200, JSON, "{\"id\": 7}");
        assertThatThrownBy(() -> small.check("GET", "/things/special", 200, JSON, "{\"id\": 7}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("special");
        assertThatThrownBy(() -> small.check("GET", "/things/7", 200, JSON, "{\"id\": \"seven\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("components/schemas/Thing");

        small.check("GET", "/things/7", 404, null, "");
        small.check("GET", "/things/7", 503, null, "");
        assertThatThrownBy(() -> small.check("GET", "/things/special", 404, null, ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 404 is not documented");
        assertThatThrownBy(() -> small.check("GET", "/things/7/more", 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no path of the document matches");
    }
}
