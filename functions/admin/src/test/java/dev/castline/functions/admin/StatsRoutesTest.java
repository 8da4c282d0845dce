package dev.castline.functions.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.domain.Episode;
import dev.castline.store.DownloadStats;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Events;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** GET /api/v1/admin/stats over daily counts as count-downloads writes them; every answer is held to the OpenAPI document. */
class StatsRoutesTest {
    private final ApiFixture fixture = new ApiFixture();
    private final AdminHarness admin = new AdminHarness(fixture);
    private final Episode podia = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
    private final Episode passiv = fixture.store.findBySlug(ApiFixture.PASSIV, true).orElseThrow();

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aRangeIsEveryDayWithItsEpisodesAppsAndCountriesFromOneQuery() throws Exception {
        day("2026-01-01", Map.of("downloads", 3L, "app:Overcast", 2L, "app:Other", 1L, "cc:DE", 2L));
        dayEpisode("2026-01-01", podia.id(), 2);
        dayEpisode("2026-01-01", passiv.id(), 1);
        day("2026-01-03", Map.of("downloads", 1L, "app:Spotify", 1L));
        dayEpisode("2026-01-03", podia.id(), 1);
        day("2026-02-01", Map.of("downloads", 9L)); // outside the range
        fixture.operations.reset();

        JsonNode body = get("from=2026-01-01&to=2026-01-03", Map.of("from", "2026-01-01", "to", "2026-01-03"), 200);

        assertThat(body.get("total").asLong()).isEqualTo(4);
        assertThat(body.get("days").toString()).isEqualTo(
                "[{\"date\":\"2026-01-01\",\"downloads\":3},{\"date\":\"2026-01-02\",\"downloads\":0},{\"date\":\"2026-01-03\",\"downloads\":1}]");
        assertThat(body.get("episodes").toString()).isEqualTo("[{\"slug\":\"" + ApiFixture.PODIA + "\",\"downloads\":3},{\"slug\":\""
                + ApiFixture.PASSIV + "\",\"downloads\":1}]");
        assertThat(body.get("byApp").toString()).isEqualTo("{\"Other\":1,\"Overcast\":2,\"Spotify\":1}");
        assertThat(body.get("byCountry").toString()).isEqualTo("{\"DE\":2}");
        assertThat(fixture.operations.operations()).as("one Query for the range, one BatchGetItem for the slugs")
                .containsExactlyInAnyOrder("Query", "BatchGetItem");
    }

    @Test
    void oneEpisodeReadsItsOwnPartition() throws Exception {
        episodeDay(podia.id(), "2026-01-02", Map.of("downloads", 5L, "app:Apple Podcasts", 5L, "cc:FR", 4L));
        episodeDay(passiv.id(), "2026-01-02", Map.of("downloads", 7L));

        JsonNode body = get("from=2026-01-01&to=2026-01-02&episode=" + ApiFixture.PODIA,
                Map.of("from", "2026-01-01", "to", "2026-01-02", "episode", ApiFixture.PODIA), 200);

        assertThat(body.get("episode").asText()).isEqualTo(ApiFixture.PODIA);
        assertThat(body.get("total").asLong()).isEqualTo(5);
        assertThat(body.get("episodes").toString()).isEqualTo("[{\"slug\":\"" + ApiFixture.PODIA + "\",\"downloads\":5}]");
        assertThat(body.get("byApp").toString()).isEqualTo("{\"Apple Podcasts\":5}");
        assertThat(body.get("byCountry").toString()).isEqualTo("{\"FR\":4}");
    }

    @Test
    void badDatesRangesAndSlugsAreRefusedNamingTheParameter() throws Exception {
        assertThat(get("to=2026-01-01", Map.of("to", "2026-01-01"), 400).get("error").get("field").asText()).isEqualTo("from");
        assertThat(get("from=2026-1-1&to=2026-01-01", Map.of("from", "2026-1-1", "to", "2026-01-01"), 400).get("error").get("field").asText()).isEqualTo("from");
        assertThat(get("from=2026-01-02&to=2026-01-01", Map.of("from", "2026-01-02", "to", "2026-01-01"), 400).get("error").get("field").asText()).isEqualTo("to");
        assertThat(get("from=2020-01-01&to=2026-01-01", Map.of("from", "2020-01-01", "to", "2026-01-01"), 400).get("error").get("field").asText()).isEqualTo("to");
        get("from=2026-01-01&to=2026-01-02&episode=no-such-episode", Map.of("from", "2026-01-01", "to", "2026-01-02", "episode", "no-such-episode"), 404);
    }

    private JsonNode get(String rawQuery, Map<String, String> query, int status) throws Exception {
        ObjectNode event = (ObjectNode) Events.json(AdminHarness.authorized(ApiFixture.event("admin-get-stats.json")));
        event.put("rawQueryString", rawQuery);
        ObjectNode params = event.putObject("queryStringParameters");
        query.forEach(params::put);
        ApiFixture.LambdaResponse response = ApiFixture.invoke(admin.handler, event.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return Events.json(response.body());
    }

    private void day(String date, Map<String, Long> counts) {
        put(DownloadStats.showPartition(fixture.config.layout()), DownloadStats.daySortKey(date), counts);
    }

    private void dayEpisode(String date, String episodeId, long n) {
        put(DownloadStats.showPartition(fixture.config.layout()), DownloadStats.dayEpisodeSortKey(date, episodeId), Map.of("downloads", n));
    }

    private void episodeDay(String episodeId, String date, Map<String, Long> counts) {
        put(DownloadStats.episodePartition(fixture.config.layout(), episodeId), DownloadStats.daySortKey(date), counts);
    }

    private void put(String pk, String sk, Map<String, Long> counts) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)));
        counts.forEach((k, v) -> item.put(k, AttributeValue.fromN(Long.toString(v))));
        fixture.dynamo.putItem(r -> r.tableName(fixture.table).item(item));
    }
}
