package dev.castline.functions.admin;

import static dev.castline.testing.ApiFixture.invoke;
import static dev.castline.functions.admin.AdminHarness.authorized;
import static dev.castline.functions.admin.AdminHarness.withId;
import static dev.castline.functions.admin.AdminHarness.withRawBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.functions.feed.FeedHandler;
import dev.castline.functions.get.GetEpisodeHandler;
import dev.castline.functions.list.ListEpisodesHandler;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Events;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a host does, in whatever order (create, edit, upload, have an upload refused or
 * processed, publish now or later, unpublish, delete, let time pass), every public route and the
 * feed show exactly the episodes that are published, due and (for the feed) have audio: no draft,
 * no scheduled episode before its time, no refused upload ever leaks.
 */
class NothingUnfinishedLeaksTest {

    @Property(tries = 12)
    void publicRoutesShowExactlyThePublishedAndDueEpisodes(@ForAll("actions") List<Integer> actions) {
        ApiFixture fixture = new ApiFixture();
        try (AdminHarness admin = new AdminHarness(fixture)) {
            AdminHandler handler = admin.handler;
            ListEpisodesHandler list = new ListEpisodesHandler(fixture.config, fixture.dynamo, fixture.clock);
            GetEpisodeHandler get = new GetEpisodeHandler(fixture.config, fixture.dynamo, fixture.clock);
            FeedHandler feed = new FeedHandler(fixture.config, fixture.dynamo, fixture.clock);
            List<String> ids = new ArrayList<>();

            for (int action : actions) {
                String id = ids.isEmpty() ? null : ids.get(Math.floorMod(action / 10, ids.size()));
                switch (action % 10) {
                    case 0, 1 -> ids.add(Events.json(invoke(handler, authorized(withRawBody(ApiFixture.event("admin-create-episode.json"),
                            "{\"title\":\"Episode " + action + "\",\"tags\":[\"rails\"]}"))).body()).get("id").asText());
                    case 2 -> { if (id != null) { processAudio(fixture, id); } }
                    case 3 -> { if (id != null) { invoke(handler, authorized(route("admin-publish.json", id, ""))); } }
                    case 4 -> { if (id != null) { invoke(handler, authorized(route("admin-publish.json", id,
                            "{\"at\":\"" + fixture.clock.instant().plus(Duration.ofHours(1 + action % 5)) + "\"}"))); } }
                    case 5 -> { if (id != null) { invoke(handler, authorized(route("admin-unpublish.json", id, null))); } }
                    case 6 -> { if (id != null) { invoke(handler, authorized(route("admin-request-upload.json", id,
                            "{\"contentType\":\"audio/mpeg\",\"bytes\":1000}"))); rejectUpload(fixture, id); } }
                    case 7 -> { if (id != null && invoke(handler, authorized(route("admin-delete-episode.json", id, null))).status() == 204) { ids.remove(id); } }
                    default -> fixture.clock.advance(Duration.ofMinutes(40L * (1 + action % 3)));
                }
                assertPublicViewsMatch(fixture, list, get, feed);
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> actions() {
        return Arbitraries.integers().between(0, 999).list().ofMinSize(5).ofMaxSize(30);
    }

    private static void assertPublicViewsMatch(ApiFixture fixture, ListEpisodesHandler list, GetEpisodeHandler get, FeedHandler feed) {
        var now = fixture.clock.instant();
        Set<String> expected = new HashSet<>();
        Set<String> expectedInFeed = new HashSet<>();
        List<Episode> everything = new ArrayList<>();
        try (var scanner = fixture.client()) {
            scanner.scan(r -> r.tableName(fixture.table)).items().stream()
                    .filter(item -> item.get("PK").s().startsWith(fixture.config.layout().episodeKey("").get("PK").s()))
                    .forEach(item -> everything.add(dev.castline.store.EpisodeMapper.episode(item)));
        }
        for (Episode e : everything) {
            if (e.isPublicAt(now)) {
                expected.add(e.slug());
                if (e.audio() != null) {
                    expectedInFeed.add(e.guid());
                }
            }
        }
        // Reported with the test: how often the host's own episodes were public at a check.
        boolean ownPublic = everything.stream().anyMatch(e -> e.title().startsWith("Episode ") && e.isPublicAt(now));
        net.jqwik.api.statistics.Statistics.collect(ownPublic ? "a created episode public" : "no created episode public");
        Set<String> listed = new HashSet<>();
        Events.json(invoke(list, Events.withQuery("list-episodes.json", java.util.Map.of("limit", "100"))).body())
                .get("items").forEach(i -> listed.add(i.get("slug").asText()));
        assertThat(listed).isEqualTo(expected);
        Set<String> tagged = new HashSet<>();
        Events.json(invoke(list, Events.withQuery("list-episodes.json", java.util.Map.of("limit", "100", "tag", "rails"))).body())
                .get("items").forEach(i -> tagged.add(i.get("slug").asText()));
        assertThat(tagged).isSubsetOf(expected);
        for (Episode e : everything) {
            int status = invoke(get, Events.withSlug("get-episode.json", e.slug())).status();
            assertThat(status).as("GET /episodes/%s (%s)", e.slug(), e.status()).isEqualTo(expected.contains(e.slug()) ? 200 : 404);
        }
        String xml = invoke(feed, ApiFixture.event("feed.json")).body();
        for (Episode e : everything) {
            assertThat(xml.contains(e.guid())).as("feed holds %s (%s)", e.slug(), e.status()).isEqualTo(expectedInFeed.contains(e.guid()));
        }
    }

    /** What processing a good upload does: the episode gets audio. */
    private static void processAudio(ApiFixture fixture, String id) {
        Episode e = fixture.store.findById(id, true).orElseThrow();
        fixture.store.update(e, e.toBuilder().audio(new Audio("audio/" + id + "/" + java.util.UUID.randomUUID() + ".mp3",
                "audio/mpeg", 1000, 60_000)).upload(null).version(e.version() + 1).build());
    }

    /** What processing a bad upload does: the pending upload is marked refused, nothing else changes. */
    private static void rejectUpload(ApiFixture fixture, String id) {
        Episode e = fixture.store.findById(id, true).orElseThrow();
        if (e.upload() != null) {
            fixture.store.update(e, e.toBuilder().upload(e.upload().rejected("not an MP3 or M4A file")).version(e.version() + 1).build());
        }
    }

    private static String route(String file, String id, String body) {
        return withRawBody(withId(file, id), body);
    }
}
