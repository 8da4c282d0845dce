package dev.castline.functions.feed;

import static dev.castline.testing.ApiFixture.invoke;
import static dev.castline.testing.Events.withHeader;
import static dev.castline.testing.Responses.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.modules.psc.modules.PodloveSimpleChapterModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.castline.domain.Episode;
import dev.castline.domain.Status;
import dev.castline.feed.FeedPager;
import dev.castline.feed.FeedWriter;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Episodes;
import dev.castline.testing.Events;
import dev.castline.testing.Shows;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class FeedHandlerTest {
    private final ApiFixture fixture = new ApiFixture();
    private final FeedHandler handler = new FeedHandler(fixture.config, fixture.dynamo, fixture.clock);

    @Test
    void everySampleEventForTheFeedRoutesGetsItsDocumentedAnswer() {
        List<String> files = new ArrayList<>(ApiFixture.eventsFor("GET /feed.xml"));
        files.addAll(ApiFixture.eventsFor("HEAD /feed.xml"));
        files.addAll(ApiFixture.eventsFor("GET /episodes/{slug}/chapters.json"));
        for (String format : List.of("vtt", "srt", "json")) {
            files.addAll(ApiFixture.eventsFor("GET /episodes/{slug}/transcript." + format));
        }
        assertThat(files).contains("feed.json", "feed-gzip.json", "feed-head.json", "feed-if-modified-since.json", "episode-chapters.json");
        for (String file : files) {
            LambdaResponse response = invoke(handler, ApiFixture.event(file));
            switch (file) {
                case "feed.json" -> {
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(FeedRuleChecker.violations(FeedResponses.xml(response), FeedRuleChecker.appleCategories())).isEmpty();
                }
                case "feed-gzip.json" -> {
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.headers()).containsEntry("content-encoding", "gzip");
                }
                case "feed-head.json" -> {
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.body()).isEmpty();
                }
                case "feed-if-modified-since.json" -> assertThat(response.status()).isEqualTo(304);
                case "episode-chapters.json" -> assertThat(response.headers().get("content-type")).startsWith("application/json+chapters");
                // The sample episode has no transcript until one is attached (transcriptsAreServedInThreeFormats...).
                case "episode-transcript-vtt.json", "episode-transcript-srt.json", "episode-transcript-json.json" ->
                        assertClientError(response, 404, "not_found", null);
                default -> fail("events/" + file + " has no expected answer in this test: add one");
            }
        }
    }

    @Test
    void romeReadsBackEveryPublicItemAndItsPodcastFields() throws Exception {
        LambdaResponse response = feed();
        assertThat(response.headers().get("content-type")).isEqualTo("application/rss+xml; charset=utf-8");
        SyndFeed feed = rome(FeedResponses.xml(response));

        assertThat(feed.getTitle()).isEqualTo("Running in Production");
        FeedInformation channel = (FeedInformation) feed.getModule(ITunes.URI);
        assertThat(channel.getImageUri()).isEqualTo("https://castline.test/artwork.jpg");
        assertThat(channel.getCategories()).extracting(c -> c.getName()).containsExactly("Technology");

        List<Episode> expected = List.of(find(ApiFixture.PODIA), find(ApiFixture.REAL_ESTATE), find(ApiFixture.PASSIV));
        assertThat(feed.getEntries()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Episode e = expected.get(i);
            SyndEntry entry = feed.getEntries().get(i);
            assertThat(entry.getTitle()).isEqualTo(e.title());
            assertThat(entry.getUri()).isEqualTo(e.guid());
            assertThat(entry.getPublishedDate()).isEqualTo(Date.from(e.publishAt()));
            assertThat(entry.getEnclosures()).hasSize(1);
            assertThat(entry.getEnclosures().getFirst().getUrl()).isEqualTo("https://media.castline.test/" + e.audio().key());
            assertThat(entry.getEnclosures().getFirst().getLength()).isEqualTo(e.audio().bytes());
            assertThat(entry.getEnclosures().getFirst().getType()).isEqualTo("audio/mpeg");
            EntryInformation itunes = (EntryInformation) entry.getModule(ITunes.URI);
            assertThat(itunes.getDuration().getMilliseconds()).isEqualTo(e.audio().durationSeconds() * 1000);
            assertThat(itunes.getEpisode()).isEqualTo(e.episodeNumber());
            assertThat(itunes.getSeason()).isEqualTo(e.season());
            assertThat(itunes.getExplicit()).isEqualTo(e.explicit());
            assertThat(itunes.getEpisodeType()).isEqualTo("full");
            PodloveSimpleChapterModule psc = (PodloveSimpleChapterModule) entry.getModule("http://podlove.org/simple-chapters");
            assertThat(psc.getChapters()).extracting(c -> c.getStart()).containsExactly("2:39", "3:50");
            assertThat(psc.getChapters()).extracting(c -> c.getTitle()).containsExactly(e.chapters().get(0).title(), e.chapters().get(1).title());
        }
    }

    @Test
    void theFeedPassesEveryRuleAndHoldsOnlyPublicEpisodes() {
        byte[] xml = FeedResponses.xml(feed());
        assertThat(FeedRuleChecker.violations(xml, FeedRuleChecker.appleCategories())).isEmpty();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(ApiFixture.DRAFT).doesNotContain(ApiFixture.SCHEDULED);
        assertThat(text).contains("<podcast:guid>" + FeedRuleChecker.podcastGuidFor(Shows.FEED_URL) + "</podcast:guid>");
    }

    @Test
    void aMatchingEtagIs304AfterOneGetItemAndNoQuery() {
        String etag = feed().headers().get("etag");
        fixture.operations.reset();

        LambdaResponse poll = invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-none-match", etag));

        assertThat(poll.status()).isEqualTo(304);
        assertThat(poll.body()).isEmpty();
        assertThat(poll.headers()).containsEntry("etag", etag).containsKey("last-modified").containsEntry("cache-control", "public, max-age=300");
        assertThat(fixture.operations.operations()).containsExactly("GetItem");
    }

    @Test
    void anUnchangedFeedSinceIfModifiedSinceIs304AfterOneGetItem() {
        String lastModified = feed().headers().get("last-modified");
        fixture.operations.reset();
        LambdaResponse poll = invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-modified-since", lastModified));
        assertThat(poll.status()).isEqualTo(304);
        assertThat(fixture.operations.operations()).containsExactly("GetItem");

        LambdaResponse older = invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-modified-since", "Mon, 01 Jan 2001 00:00:00 GMT"));
        assertThat(older.status()).isEqualTo(200);
        LambdaResponse garbage = invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-modified-since", "yesterday-ish"));
        assertThat(garbage.status()).as("an invalid date is ignored").isEqualTo(200);
    }

    @Test
    void theEtagChangesOnPublishEditDeleteAndWhenAScheduledEpisodeComesDue() {
        Set<String> etags = new HashSet<>();
        etags.add(etag());

        Episode published = fixture.store.create(Episodes.published("fresh", ApiFixture.NOW.minusSeconds(60)).build());
        assertThat(etags.add(etag())).as("publish").isTrue();

        Episode edited = fixture.store.update(published, Episodes.published("fresh", published.publishAt()).id(published.id())
                .title("Fresh, retitled").version(2).build());
        assertThat(etags.add(etag())).as("edit").isTrue();

        fixture.store.delete(edited);
        assertThat(etags.add(etag())).as("delete").isTrue();

        fixture.store.create(Episodes.draft("a-second-draft").build());
        assertThat(etags.add(etag())).as("a draft does not change the feed").isFalse();

        String beforeDue = etag();
        fixture.clock.advance(Duration.ofDays(7)); // ApiFixture.SCHEDULED comes due
        String afterDue = etag();
        assertThat(afterDue).as("a scheduled episode coming due").isNotEqualTo(beforeDue);
        assertThat(new String(FeedResponses.xml(feed()), StandardCharsets.UTF_8)).contains("Episode " + ApiFixture.SCHEDULED);
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(etag()).as("nothing else changes after").isEqualTo(afterDue);
    }

    @Test
    void aScheduledEpisodeChangesThePollAnswerAtItsTimeWithoutAnyWrite() {
        String etag = feed().headers().get("etag");
        String lastModified = feed().headers().get("last-modified");
        fixture.clock.advance(Duration.ofDays(7));
        assertThat(invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-none-match", etag)).status()).isEqualTo(200);
        assertThat(invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-modified-since", lastModified)).status()).isEqualTo(200);
    }

    @Test
    void rightAfterAChangeTheFeedGoesOutWithoutValidatorsUntilTheIndexHasSettled() {
        var config = fixture.config;
        var settling = new dev.castline.config.Config(config.region(), config.tableName(), config.showId(), config.mediaBaseUrl(),
                config.cursorSigningKey(), config.dynamoDbEndpoint(), config.cacheMaxAge(), config.feedCacheMaxAge(),
                Duration.ofSeconds(10), config.credentials());
        FeedHandler handler = new FeedHandler(settling, fixture.dynamo, fixture.clock);
        fixture.clock.advance(Duration.ofMinutes(1));
        String etag = invoke(handler, ApiFixture.event("feed.json")).headers().get("etag");
        assertThat(etag).isNotBlank();

        fixture.store.create(Episodes.published("just-now", fixture.clock.instant().minusSeconds(1)).build());
        LambdaResponse fresh = invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-none-match", etag));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.headers()).doesNotContainKeys("etag", "last-modified").containsEntry("cache-control", "no-cache");

        fixture.clock.advance(Duration.ofSeconds(11));
        LambdaResponse settled = invoke(handler, ApiFixture.event("feed.json"));
        assertThat(settled.headers().get("etag")).isNotBlank().isNotEqualTo(etag);
        assertThat(invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-none-match", settled.headers().get("etag"))).status())
                .isEqualTo(304);
    }

    @Test
    void gzipRoundTripsToTheSameFeedWithItsOwnEtag() {
        LambdaResponse plain = feed();
        LambdaResponse gzipped = invoke(handler, ApiFixture.event("feed-gzip.json"));
        assertThat(gzipped.base64()).isTrue();
        assertThat(gzipped.headers()).containsEntry("content-encoding", "gzip").containsEntry("vary", "Accept-Encoding");
        assertThat(FeedResponses.xml(gzipped)).isEqualTo(FeedResponses.xml(plain));
        assertThat(gzipped.headers().get("etag")).isNotEqualTo(plain.headers().get("etag"));
        assertThat(Base64Length.of(gzipped.body())).isLessThan(plain.body().length());

        LambdaResponse refused = invoke(handler, withHeader(ApiFixture.event("feed.json"), "accept-encoding", "gzip;q=0, identity"));
        assertThat(refused.headers()).doesNotContainKey("content-encoding");
        LambdaResponse poll = invoke(handler, withHeader(ApiFixture.event("feed-gzip.json"), "if-none-match", plain.headers().get("etag")));
        assertThat(poll.status()).as("either representation's tag names the same content").isEqualTo(304);
    }

    @Test
    void headAnswersTheHeadersWithoutABody() {
        LambdaResponse head = invoke(handler, ApiFixture.event("feed-head.json"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers()).containsEntry("content-type", FeedHandler.FEED_TYPE).containsEntry("etag", feed().headers().get("etag"));
    }

    @Test
    void anOversizedFeedIsPagedAndEveryEpisodeIsReachableFromTheFirstPage() throws Exception {
        for (int i = 0; i < 12; i++) {
            fixture.store.create(Episodes.published("bulk-" + i, ApiFixture.NOW.minus(Duration.ofDays(10 + i))).build());
        }
        FeedHandler small = new FeedHandler(fixture.config, fixture.dynamo, fixture.clock,
                new FeedPager(new FeedWriter(fixture.config.mediaBaseUrl()), 12_000));

        Set<String> guids = new HashSet<>();
        String url = Shows.FEED_URL;
        int pages = 0;
        while (url != null) {
            String page = url.contains("page=") ? url.substring(url.indexOf("page=") + 5) : null;
            LambdaResponse response = invoke(small, page == null ? ApiFixture.event("feed.json")
                    : Events.withQuery("feed.json", Map.of("page", page)));
            assertThat(response.status()).isEqualTo(200);
            byte[] xml = FeedResponses.xml(response);
            assertThat(xml.length).isLessThanOrEqualTo(12_000);
            assertThat(FeedRuleChecker.violations(xml, FeedRuleChecker.appleCategories())).isEmpty();
            SyndFeed feed = rome(xml);
            feed.getEntries().forEach(e -> assertThat(guids.add(e.getUri())).as("no episode on two pages").isTrue());
            url = atomLink(xml, "next");
            if (pages == 0) {
                assertThat(atomLink(xml, "first")).isEqualTo(Shows.FEED_URL);
                assertThat(atomLink(xml, "last")).contains("page=");
            }
            pages++;
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(guids).hasSize(15);
        assertClientError(invoke(small, Events.withQuery("feed.json", Map.of("page", "999"))), 404, "not_found", null);
    }

    @Test
    void theShowCanCapTheMainFeed() {
        fixture.shows.save(Shows.withLimit(2));
        byte[] xml = FeedResponses.xml(feed());
        assertThat(new String(xml, StandardCharsets.UTF_8).split("<item>", -1)).hasSize(3);
        assertThat(atomLink(xml, "next")).isEqualTo(Shows.FEED_URL + "?page=2");
    }

    private static final String VTT = """
            WEBVTT

            00:00.000 --> 00:04.500
            <v Nick Janetakis>Welcome to Running in Production.

            00:04.500 --> 00:09.250
            <v Jason Charnes>Thanks &amp; hello: &lt;script&gt;alert(1)&lt;/script&gt; --&gt; ok
            """;

    private Episode attachTranscript(String slug) {
        var service = new dev.castline.host.EpisodeService(fixture.store, new dev.castline.testing.RecordedMedia(), fixture.clock);
        Episode e = fixture.store.findBySlug(slug, true).orElseThrow();
        return new dev.castline.host.Transcripts(service, fixture.store).attach(e.id(), java.util.OptionalLong.empty(),
                VTT.getBytes(StandardCharsets.UTF_8), dev.castline.domain.TranscriptFormat.VTT, "en-us").episode();
    }

    @Test
    void transcriptsAreServedInThreeFormatsToAnySiteAndListedInTheFeed() throws Exception {
        attachTranscript(ApiFixture.PODIA);
        var expected = dev.castline.transcript.WebVtt.parse(VTT).cues();

        LambdaResponse vtt = invoke(handler, ApiFixture.event("episode-transcript-vtt.json"));
        assertThat(vtt.status()).isEqualTo(200);
        assertThat(vtt.headers()).containsEntry("content-type", "text/vtt; charset=utf-8").containsEntry("access-control-allow-origin", "*");
        assertThat(dev.castline.transcript.WebVtt.parse(vtt.body()).cues()).isEqualTo(expected);
        LambdaResponse srt = invoke(handler, ApiFixture.event("episode-transcript-srt.json"));
        assertThat(srt.headers()).containsEntry("content-type", "application/x-subrip; charset=utf-8").containsEntry("access-control-allow-origin", "*");
        assertThat(dev.castline.transcript.Srt.parse(srt.body()).cues()).isEqualTo(expected);
        LambdaResponse json = invoke(handler, ApiFixture.event("episode-transcript-json.json"));
        assertThat(json.headers()).containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(dev.castline.transcript.TranscriptJson.parse(json.body().getBytes(StandardCharsets.UTF_8)).cues()).isEqualTo(expected);
        assertThat(Events.json(json.body()).get("segments").get(1).get("speaker").asText()).isEqualTo("Jason Charnes");

        LambdaResponse again = invoke(handler, withHeader(ApiFixture.event("episode-transcript-vtt.json"), "if-none-match", vtt.headers().get("etag")));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.headers()).containsEntry("access-control-allow-origin", "*");
        assertThat(json.headers().get("etag")).isNotEqualTo(vtt.headers().get("etag"));

        String feed = new String(FeedResponses.xml(feed()), StandardCharsets.UTF_8);
        String base = "https://api.castline.test/episodes/" + ApiFixture.PODIA + "/transcript.";
        assertThat(feed).contains("<podcast:transcript url=\"" + base + "vtt\" type=\"text/vtt\" language=\"en-us\" rel=\"captions\"/>")
                .contains("<podcast:transcript url=\"" + base + "srt\" type=\"application/x-subrip\" language=\"en-us\"/>")
                .contains("<podcast:transcript url=\"" + base + "json\" type=\"application/json\" language=\"en-us\"/>");
        assertThat(FeedRuleChecker.violations(FeedResponses.xml(feed()), FeedRuleChecker.appleCategories())).isEmpty();

        // podcast-partytime, the Podcast Index's parser, reads the three with their types and language.
        com.fasterxml.jackson.databind.JsonNode parsed = Partytime.parse(FeedResponses.xml(feed()));
        com.fasterxml.jackson.databind.JsonNode item = null;
        for (com.fasterxml.jackson.databind.JsonNode i : parsed.get("items")) {
            if (i.path("title").asText().equals(fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow().title())) {
                item = i;
            }
        }
        assertThat(item).as("the episode, as partytime reads it").isNotNull();
        List<String> urls = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode t : item.get("podcastTranscripts")) {
            urls.add(t.get("url").asText());
            types.add(t.get("type").asText());
            assertThat(t.get("language").asText()).isEqualTo("en-us");
        }
        assertThat(urls).containsExactly(base + "vtt", base + "srt", base + "json");
        // partytime names SRT by its own constant, application/srt, whichever SRT type the feed says.
        assertThat(types).containsExactly("text/vtt", "application/srt", "application/json");
    }

    @Test
    void aDraftsTranscriptIsNeverServed() {
        attachTranscript(ApiFixture.DRAFT);
        for (String format : List.of("vtt", "srt", "json")) {
            assertClientError(invoke(handler, Events.withSlugIn(ApiFixture.event("episode-transcript-" + format + ".json"), ApiFixture.DRAFT)),
                    404, "not_found", null);
        }
        assertThat(new String(FeedResponses.xml(feed()), StandardCharsets.UTF_8)).doesNotContain(ApiFixture.DRAFT);
    }

    @Test
    void chaptersJsonFollowsPodcasting20() {
        LambdaResponse response = invoke(handler, ApiFixture.event("episode-chapters.json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo(FeedHandler.CHAPTERS_TYPE);
        var json = Events.json(response.body());
        assertThat(json.get("version").asText()).isEqualTo("1.2.0");
        assertThat(json.get("chapters").get(0).get("startTime").asInt()).isEqualTo(159);
        assertThat(json.get("chapters").get(0).get("startTime").isIntegralNumber()).isTrue();
        assertThat(json.get("chapters").get(1).get("url").asText()).isEqualTo("https://stimulusreflex.com");

        LambdaResponse again = invoke(handler, withHeader(ApiFixture.event("episode-chapters.json"), "if-none-match", response.headers().get("etag")));
        assertThat(again.status()).isEqualTo(304);

        assertClientError(invoke(handler, Events.withSlugIn(ApiFixture.event("episode-chapters.json"), ApiFixture.DRAFT)),
                404, "not_found", null);
        assertClientError(invoke(handler, Events.withSlugIn(ApiFixture.event("episode-chapters.json"), "Not A Slug")),
                400, "bad_request", "slug");
    }

    @Test
    void anUndocumentedQueryParameterIsRedirectedToTheCanonicalUrlWithoutAnyRead() {
        fixture.operations.reset();
        LambdaResponse cacheBuster = invoke(handler, Events.withQuery("feed.json", Map.of("cb", "1")));
        assertThat(cacheBuster.status()).isEqualTo(301);
        assertThat(cacheBuster.headers()).containsEntry("location", "/feed.xml");
        LambdaResponse paged = invoke(handler, Events.withQuery("feed.json", Map.of("page", "2", "utm_source", "x")));
        assertThat(paged.status()).isEqualTo(301);
        assertThat(paged.headers()).containsEntry("location", "/feed.xml?page=2");
        assertThat(fixture.operations.operations()).as("no read at all").isEmpty();
        // A bad page is refused before anything else, still without a read.
        assertClientError(invoke(handler, Events.withQuery("feed.json", Map.of("page", "x", "cb", "1"))), 400, "bad_request", "page");
        assertThat(fixture.operations.operations()).isEmpty();
    }

    @Test
    void aPagePastTheEndIsA404AfterOneReadAndNoRender() {
        // Four released episodes (one still scheduled): no page past the third can exist at all.
        fixture.operations.reset();
        assertClientError(invoke(handler, Events.withQuery("feed.json", Map.of("page", "99"))), 404, "not_found", null);
        assertThat(fixture.operations.operations()).containsExactly("GetItem");

        // Within that bound, once this container has rendered the current edition it knows the count.
        assertThat(feed().status()).isEqualTo(200);
        fixture.operations.reset();
        assertClientError(invoke(handler, Events.withQuery("feed.json", Map.of("page", "2"))), 404, "not_found", null);
        assertThat(fixture.operations.operations()).containsExactly("GetItem");

        // A new edition (here: an edit) is not judged by the old count.
        Episode podia = find(ApiFixture.PODIA);
        fixture.store.update(podia, podia.toBuilder().title("Podia, retitled"));
        fixture.operations.reset();
        assertClientError(invoke(handler, Events.withQuery("feed.json", Map.of("page", "2"))), 404, "not_found", null);
        assertThat(fixture.operations.operations()).contains("GetItem", "Query");
    }

    @Test
    void theFeedReadsOnlyWhatItShowsAndReadsItEventuallyConsistentOnceSettled() {
        java.util.List<software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        software.amazon.awssdk.core.interceptor.ExecutionInterceptor spy = new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
            @Override
            public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                if (context.request() instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest b) {
                    batches.add(b);
                }
            }
        };
        FeedHandler watched = new FeedHandler(fixture.config, fixture.client(spy), fixture.clock);
        assertThat(invoke(watched, ApiFixture.event("feed.json")).status()).isEqualTo(200);

        assertThat(batches).hasSize(1);
        var keys = batches.getFirst().requestItems().get(fixture.table);
        assertThat(keys.consistentRead()).as("settled: eventually consistent").isFalse();
        assertThat(keys.expressionAttributeNames().values()).contains("notesHtml", "audio", "chapters")
                .doesNotContain("notesMarkdown", "formerSlugs", "upload");
    }

    @Test
    void aBadPageIsA400NamingIt() {
        for (String page : new String[] {"0", "-1", "abc", "", "1.5", "9999999", "<x>"}) {
            assertClientError(invoke(handler, Events.withQuery("feed.json", Map.of("page", page))), 400, "bad_request", "page");
        }
    }

    @Test
    void withoutShowSettingsThereIsNoFeedYet() {
        fixture.dynamo.deleteItem(r -> r.tableName(fixture.table).key(fixture.config.layout().showKey()));
        assertClientError(feed(), 404, "not_found", null);
    }

    @Test
    void aDraftTurnedPublishedAppearsAndATakenDownEpisodeDisappears() {
        Episode draft = fixture.store.findBySlug(ApiFixture.DRAFT, true).orElseThrow();
        Episode live = fixture.store.update(draft, Episodes.published(ApiFixture.DRAFT, ApiFixture.NOW.minusSeconds(5))
                .id(draft.id()).version(draft.version() + 1).build());
        assertThat(new String(FeedResponses.xml(feed()), StandardCharsets.UTF_8)).contains(live.guid());

        fixture.store.update(live, Episodes.published(ApiFixture.DRAFT, live.publishAt()).id(live.id()).status(Status.DRAFT)
                .version(live.version() + 1).build());
        assertThat(new String(FeedResponses.xml(feed()), StandardCharsets.UTF_8)).doesNotContain(live.guid());
    }

    @Test
    void plainTextDescriptionsCanNeverBecomeMarkupInAReaderThatRendersHtml() throws Exception {
        String hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> Tom & Jerry <3";
        fixture.store.create(Episodes.published("hostile-summary", ApiFixture.NOW.minusSeconds(60)).summary(hostile).build());

        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(FeedResponses.xml(feed())));
        org.w3c.dom.NodeList descriptions = xml.getElementsByTagName("description");
        assertThat(descriptions.getLength()).isGreaterThan(1);
        boolean found = false;
        for (int i = 0; i < descriptions.getLength(); i++) {
            String html = descriptions.item(i).getTextContent();
            // What a reader hands its HTML renderer holds no tag at all: every < became &lt;.
            assertThat(html).doesNotContain("<").doesNotContain(">");
            if (html.contains("alert(1)")) {
                found = true;
                assertThat(html).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; Tom &amp; Jerry &lt;3");
                // And rendered as HTML, it reads exactly as typed.
                assertThat(html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                        .replace("&amp;", "&")).isEqualTo(hostile);
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void lastModifiedIsAnImfFixdateWithATwoDigitDay() {
        fixture.clock.set(Instant.parse("2026-12-01T09:05:03Z"));
        fixture.store.create(Episodes.published("first-of-december", Instant.parse("2026-12-01T09:00:00Z")).build());
        fixture.clock.advance(Duration.ofMinutes(1));

        String lastModified = feed().headers().get("last-modified");

        assertThat(lastModified).isEqualTo("Tue, 01 Dec 2026 09:05:03 GMT");
        assertThat(invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-modified-since", lastModified)).status()).isEqualTo(304);
        // The RFC 1123 form with a one-digit day that some clients send still reads.
        assertThat(invoke(handler, withHeader(ApiFixture.event("feed.json"), "if-modified-since", "Tue, 1 Dec 2026 09:05:03 GMT")).status())
                .isEqualTo(304);
    }

    private LambdaResponse feed() {
        return invoke(handler, ApiFixture.event("feed.json"));
    }

    private String etag() {
        return feed().headers().get("etag");
    }

    private Episode find(String slug) {
        return fixture.store.findBySlug(slug, true).orElseThrow();
    }

    static SyndFeed rome(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new InputSource(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8)));
    }

    static String atomLink(byte[] xml, String rel) {
        String text = new String(xml, StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("<atom:link href=\"([^\"]+)\" rel=\"" + rel + "\"").matcher(text);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    /** Bytes a base64 string stands for. */
    private static final class Base64Length {
        static int of(String base64) {
            return base64.length() * 3 / 4;
        }
    }
}
