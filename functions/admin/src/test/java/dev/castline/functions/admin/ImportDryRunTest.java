package dev.castline.functions.admin;

import static dev.castline.functions.admin.AdminHarness.authorized;
import static dev.castline.testing.ApiFixture.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Events;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/admin/imports?dryRun=true}: the answer the import would get (201, 200, the
 * same 400 and 409), with reads only. Every answer is held to the OpenAPI document by
 * {@link ApiFixture#invoke}.
 */
class ImportDryRunTest {
    private static final String GUID = "https://oldhost.example/episodes/podia";
    private static final List<String> WRITES = List.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");

    private final ApiFixture fixture = new ApiFixture();
    private final AdminHarness admin = new AdminHarness(fixture);

    @AfterEach
    void close() {
        admin.close();
    }

    private static String dryRun(String event) {
        return withQuery(event, "dryRun=true", "true");
    }

    private static String withQuery(String event, String raw, String dryRun) {
        ObjectNode e = (ObjectNode) Events.json(event);
        e.put("rawQueryString", raw);
        e.putObject("queryStringParameters").put("dryRun", dryRun);
        return e.toString();
    }

    private static String withBody(String event, String field, Object value) {
        ObjectNode e = (ObjectNode) Events.json(event);
        ObjectNode body = (ObjectNode) Events.json(e.get("body").asText());
        body.set(field, Events.MAPPER.valueToTree(value));
        e.put("body", body.toString());
        return e.toString();
    }

    private LambdaResponse call(String event) {
        return invoke(admin.handler, authorized(event));
    }

    @Test
    void aNewGuidIsAnsweredWithWhatWouldBeCreatedAndNothingIsWritten() {
        fixture.operations.reset();

        LambdaResponse planned = call(dryRun(ApiFixture.event("admin-import-episode.json")));

        assertThat(planned.status()).isEqualTo(201);
        assertThat(planned.headers()).doesNotContainKey("location");
        JsonNode body = Events.json(planned.body());
        assertThat(body.get("dryRun").asBoolean()).isTrue();
        assertThat(body.has("id")).as("nothing is stored, so no id").isFalse();
        assertThat(body.get("guid").asText()).isEqualTo(GUID);
        assertThat(body.get("slug").asText()).as("the title's slug is the sample show's: numbered").isEqualTo(ApiFixture.PODIA + "-2");
        assertThat(body.get("status").asText()).isEqualTo("published");
        assertThat(body.get("publishAt").asText()).isEqualTo("2021-02-08T06:00:00Z");
        assertThat(fixture.operations.operations()).as("reads only").containsOnly("GetItem").doesNotContainAnyElementsOf(WRITES);
        assertThat(fixture.store.findByGuid(GUID, true)).isEmpty();

        LambdaResponse created = call(ApiFixture.event("admin-import-episode.json"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(Events.json(created.body()).get("slug").asText()).as("the slug the dry run said").isEqualTo(body.get("slug").asText());
    }

    @Test
    void aGuidImportedAlreadyIsAnsweredWithTheEpisodeAsItIsAsTheImportWouldBe() {
        JsonNode imported = Events.json(call(ApiFixture.event("admin-import-episode.json")).body());
        fixture.operations.reset();

        LambdaResponse planned = call(dryRun(withBody(ApiFixture.event("admin-import-episode.json"), "title", "Retitled at the old host")));
        LambdaResponse again = call(withBody(ApiFixture.event("admin-import-episode.json"), "title", "Retitled at the old host"));

        assertThat(planned.status()).isEqualTo(200).isEqualTo(again.status());
        assertThat(planned.body()).isEqualTo(again.body());
        assertThat(Events.json(planned.body()).get("id").asText()).isEqualTo(imported.get("id").asText());
        assertThat(planned.headers().get("etag")).isEqualTo(again.headers().get("etag"));
        assertThat(fixture.operations.operations()).containsOnly("GetItem");
    }

    @Test
    void aDryRunRefusesExactlyWhatTheImportWouldAndReachesNoWrite() {
        String event = ApiFixture.event("admin-import-episode.json");
        List<Map.Entry<String, Object>> bad = List.of(Map.entry("guid", ""), Map.entry("publishAt", "last tuesday"),
                Map.entry("audio", Map.of("url", "javascript:alert(1)", "type", "audio/mpeg", "bytes", 1, "durationSeconds", 1)),
                Map.entry("audio", Map.of("url", "https://oldhost.example/a.mp3", "type", "text/html", "bytes", 1, "durationSeconds", 1)),
                Map.entry("audio", Map.of("url", "https://oldhost.example/a.mp3", "type", "audio/mpeg", "bytes", 1)),
                Map.entry("title", "<script>alert(1)</script>".repeat(100)), Map.entry("status", "draft"),
                Map.entry("chapters", List.of(Map.of("startTime", 10, "title", "B"), Map.of("startTime", 5, "title", "A"))),
                Map.entry("slug", "Not A Slug"));
        for (var b : bad) {
            String withBad = withBody(event, b.getKey(), b.getValue());
            fixture.operations.reset();
            LambdaResponse planned = call(dryRun(withBad));
            assertThat(fixture.operations.operations()).as("%s: dry run", b).doesNotContainAnyElementsOf(WRITES);
            LambdaResponse real = call(withBad);
            assertThat(planned.status()).as(b.toString()).isEqualTo(400).isEqualTo(real.status());
            assertThat(planned.body()).as(b.toString()).isEqualTo(real.body());
        }

        String slugTaken = withBody(event, "slug", ApiFixture.PASSIV);
        fixture.operations.reset();
        LambdaResponse planned = call(dryRun(slugTaken));
        assertThat(fixture.operations.operations()).containsOnly("GetItem");
        LambdaResponse real = call(slugTaken);
        assertThat(planned.status()).isEqualTo(409).isEqualTo(real.status());
        assertThat(Events.json(planned.body()).path("error").path("code").asText())
                .isEqualTo(Events.json(real.body()).path("error").path("code").asText());
        assertThat(fixture.store.findByGuid(GUID, true)).isEmpty();
    }

    @Test
    void dryRunIsTrueOrFalse() {
        LambdaResponse refused = call(withQuery(ApiFixture.event("admin-import-episode.json"), "dryRun=yes", "yes"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(Events.json(refused.body()).path("error").path("field").asText()).isEqualTo("dryRun");
        assertThat(fixture.store.findByGuid(GUID, true)).isEmpty();
        assertThat(call(withQuery(ApiFixture.event("admin-import-episode.json"), "dryRun=false", "false")).status()).as("a real import")
                .isEqualTo(201);
    }
}
