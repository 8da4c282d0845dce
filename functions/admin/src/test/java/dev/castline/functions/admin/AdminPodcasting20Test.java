package dev.castline.functions.admin;

import static dev.castline.functions.admin.AdminHarness.authorized;
import static dev.castline.functions.admin.AdminHarness.withId;
import static dev.castline.functions.admin.AdminHarness.withRawBody;
import static dev.castline.testing.ApiFixture.invoke;
import static dev.castline.testing.Responses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.domain.Episode;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Podcasting 2.0 and Apple settings through the host's API: saved, read back as sent (each
 * response checked against the OpenAPI document by the fixture), and refused with a 400 naming the
 * field, whether its type or its rule is wrong.
 */
class AdminPodcasting20Test {
    private static final String SHOW_SETTINGS = """
            "txt": [{"purpose": "applepodcastsverify", "value": "05124"}, {"value": "naj3eEZaWVVY9a38uhX8FekACyhtqP4JN"}],
            "license": {"identifier": "my-podcast-license-v1", "url": "https://example.org/mypodcastlicense/full.pdf"},
            "location": {"name": "Austin, TX", "geo": "geo:30.2672,97.7431", "osm": "R113314"},
            "podroll": [{"feedGuid": "29cdca4a-32d8-56ba-b48b-09a011c5daa9", "feedUrl": "https://rss.buzzsprout.com/231452.rss", "title": "Buzzcast"},
                        {"feedGuid": "917393e3-1b1e-5cef-ace4-edaa54e1f810"}],
            "updateFrequency": {"text": "Ten episodes", "rrule": "FREQ=WEEKLY;COUNT=10", "dtstart": "2023-08-28T00:00:00.000Z", "complete": true},
            "block": true, "complete": true, "newFeedUrl": "https://new.castline.example/feed.xml"
            """;
    private static final String EPISODE_SETTINGS = """
            {"soundbites": [{"startTime": 73, "duration": 60}, {"startTime": 1234.5, "duration": 42.25, "title": "Why it matters"}],
             "socialInteracts": [{"protocol": "activitypub", "uri": "https://podcastindex.social/@dave/105079274766075912",
                                  "accountId": "@dave", "accountUrl": "https://podcastindex.social/@dave", "priority": 1}],
             "license": {"identifier": "cc-by-4.0"}}
            """;

    private final ApiFixture fixture = new ApiFixture();
    private final AdminHarness admin = new AdminHarness(fixture);

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void showSettingsAreSavedAndReadBackAsSent() {
        LambdaResponse put = putShow(SHOW_SETTINGS);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode saved = Events.json(invoke(admin.handler, authorized(ApiFixture.event("admin-get-show.json"))).body());
        JsonNode sent = Events.json("{" + SHOW_SETTINGS + "}");
        for (String field : new String[] {"txt", "license", "location", "podroll", "updateFrequency", "block", "complete", "newFeedUrl"}) {
            assertThat(saved.get(field)).as(field).isEqualTo(sent.get(field));
        }
        // Left out, each is cleared; the booleans read false.
        LambdaResponse cleared = invoke(admin.handler, Events.withHeader(authorized(ApiFixture.event("admin-put-show.json")), "if-match",
                put.headers().get("etag")));
        JsonNode after = Events.json(cleared.body());
        assertThat(after.has("txt") || after.has("license") || after.has("location") || after.has("podroll")
                || after.has("updateFrequency") || after.has("newFeedUrl")).isFalse();
        assertThat(after.get("block").asBoolean()).isFalse();
        assertThat(after.get("complete").asBoolean()).isFalse();
    }

    @Test
    void showSettingsAreRefusedNamingTheField() {
        refusedShow("\"podroll\": [{\"feedGuid\": \"917393e3-1b1e-5cef-ace4-edaa54e1f810\"}, {\"feedGuid\": \"buzzcast\"}]", "podroll[1].feedGuid", "must be a UUID");
        refusedShow("\"podroll\": [{\"feedGuid\": \"917393e3-1b1e-5cef-ace4-edaa54e1f810\", \"itemGuid\": \"x\"}]", "podroll[0].itemGuid", "not a field");
        refusedShow("\"txt\": [{\"purpose\": \"verify\"}]", "txt[0].value", "is required");
        refusedShow("\"txt\": {\"value\": \"x\"}", "txt", "must be an array");
        refusedShow("\"license\": \"cc-by-4.0\"", "license", "must be an object");
        refusedShow("\"license\": {\"identifier\": \"my license\"}", "license.url", "custom license");
        refusedShow("\"location\": {\"name\": \"Austin\", \"geo\": \"30.2,97.7\"}", "location.geo", "RFC 5870");
        refusedShow("\"location\": {\"name\": \"Austin\", \"osm\": 113314}", "location.osm", "must be a string");
        refusedShow("\"updateFrequency\": {\"text\": \"Weekly\", \"rrule\": \"WEEKLY\"}", "updateFrequency.rrule", "RFC 5545");
        refusedShow("\"updateFrequency\": {\"text\": \"Done\", \"complete\": \"yes\"}", "updateFrequency.complete", "true or false");
        refusedShow("\"block\": \"Yes\"", "block", "true or false");
        refusedShow("\"newFeedUrl\": \"ftp://example.org/feed.xml\"", "newFeedUrl", "absolute http(s) URL");
    }

    @Test
    void episodeSettingsAreSavedShownToTheHostAndThePublic() {
        Episode podia = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        LambdaResponse patched = patch(podia, EPISODE_SETTINGS);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode host = Events.json(patched.body());
        JsonNode sent = Events.json(EPISODE_SETTINGS);
        assertThat(host.get("soundbites")).isEqualTo(sent.get("soundbites"));
        assertThat(host.get("socialInteracts")).isEqualTo(sent.get("socialInteracts"));
        assertThat(host.get("license")).isEqualTo(sent.get("license"));
        Episode stored = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        assertThat(stored.soundbites()).hasSize(2);
        assertThat(stored.soundbites().get(1).startMillis()).isEqualTo(1_234_500);

        LambdaResponse publicView = invoke(new dev.castline.functions.get.GetEpisodeHandler(fixture.config, fixture.dynamo, fixture.clock),
                Events.withSlug("get-episode.json", ApiFixture.PODIA));
        JsonNode publicEpisode = Events.json(publicView.body());
        assertThat(publicEpisode.get("soundbites")).isEqualTo(sent.get("soundbites"));
        assertThat(publicEpisode.get("license")).isEqualTo(sent.get("license"));

        // null empties the lists and clears the license.
        LambdaResponse cleared = patch(stored, "{\"soundbites\": null, \"socialInteracts\": null, \"license\": null}");
        JsonNode after = Events.json(cleared.body());
        assertThat(after.has("soundbites") || after.has("socialInteracts") || after.has("license")).isFalse();
    }

    @Test
    void episodeSettingsAreRefusedNamingTheField() {
        Episode podia = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        refusedEpisode(podia, "{\"soundbites\": [{\"startTime\": 1, \"duration\": 5}, {\"startTime\": 2}]}", "soundbites[1].duration", "number of seconds");
        refusedEpisode(podia, "{\"soundbites\": [{\"startTime\": 1, \"duration\": 301}]}", "soundbites[0].duration", "at most 300");
        refusedEpisode(podia, "{\"soundbites\": [{\"startTime\": -1, \"duration\": 5}]}", "soundbites[0].startTime", "from 0 to 360000");
        refusedEpisode(podia, "{\"socialInteracts\": [{\"protocol\": \"myspace\", \"uri\": \"https://myspace.test/1\"}]}", "socialInteracts[0].protocol", "must be one of");
        refusedEpisode(podia, "{\"socialInteracts\": [{\"protocol\": \"activitypub\", \"uri\": \"https://x.test/1\", \"priority\": \"1\"}]}",
                "socialInteracts[0].priority", "whole number");
        refusedEpisode(podia, "{\"license\": {\"identifier\": \"cc-by-4.0\", \"version\": 4}}", "license.version", "not a field");
    }

    private LambdaResponse putShow(String settings) {
        String base = Events.json(ApiFixture.event("admin-put-show.json")).get("body").asText();
        String body = base.substring(0, base.length() - 1) + ", " + settings + "}";
        String etag = invoke(admin.handler, authorized(ApiFixture.event("admin-get-show.json"))).headers().get("etag");
        return invoke(admin.handler, Events.withHeader(withRawBody(authorized(ApiFixture.event("admin-put-show.json")), body), "if-match", etag));
    }

    private void refusedShow(String settings, String field, String message) {
        JsonNode error = assertClientError(putShow(settings), 400, "bad_request", field);
        assertThat(error.toString()).contains(message);
    }

    private LambdaResponse patch(Episode e, String body) {
        String event = withRawBody(authorized(withId("admin-patch-episode.json", e.id())), body);
        return invoke(admin.handler, Events.withHeader(event, "if-match", "\"" + e.version() + "\""));
    }

    private void refusedEpisode(Episode e, String body, String field, String message) {
        JsonNode error = assertClientError(patch(e, body), 400, "bad_request", field);
        assertThat(error.toString()).contains(message);
    }
}
