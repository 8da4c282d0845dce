package dev.castline.functions.site;

import static dev.castline.testing.ApiFixture.DRAFT;
import static dev.castline.testing.ApiFixture.PASSIV;
import static dev.castline.testing.ApiFixture.PODIA;
import static dev.castline.testing.ApiFixture.REAL_ESTATE;
import static dev.castline.testing.ApiFixture.SCHEDULED;
import static dev.castline.testing.ApiFixture.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Episode;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Episodes;
import dev.castline.testing.Events;
import dev.castline.testing.Shows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The site's pages, through the handler's real entry point, against DynamoDB Local. */
class SiteHandlerTest {
    private static final String HOME = "site-home.json";
    private static final String PAGE = "site-episode-page.json";
    private static final String TAG = "site-tag-page.json";
    private static final String EMBED = "site-embed.json";
    private static final String MEDIA = dev.castline.testing.TestTables.MEDIA_BASE_URL;

    private final ApiFixture fixture = new ApiFixture();
    private final SiteHandler handler = new SiteHandler(fixture.config, fixture.dynamo, fixture.clock);

    @Test
    void everySampleEventForTheSitesRoutesGetsItsDocumentedAnswer() {
        Map<String, Integer> expected = Map.of("site-home.json", 200, "site-episode-page.json", 200, "site-tag-page.json", 200,
                "site-embed.json", 200, "site-oembed.json", 200, "site-sitemap.json", 200, "site-robots.json", 200,
                "site-asset.json", 404, "site-not-found.json", 404);
        int seen = 0;
        for (String route : List.of("GET /", "GET /episodes/{slug}", "GET /tags/{tag}", "GET /embed/{slug}", "GET /oembed",
                "GET /sitemap.xml", "GET /robots.txt", "GET /assets/{name}", "GET /{proxy+}")) {
            for (String file : ApiFixture.eventsFor(route)) {
                Integer status = expected.get(file);
                if (status == null) {
                    fail("events/" + file + " has no expected answer in this test: add one");
                }
                assertThat(invoke(handler, ApiFixture.event(file)).status()).as(file).isEqualTo(status);
                seen++;
            }
        }
        assertThat(seen).isEqualTo(expected.size());
        assertThat(fixture.operations.operations()).as("what the pages read").isNotEmpty()
                .allSatisfy(operation -> assertThat(siteFunctionActions()).as("the site function's IAM policy").contains("dynamodb:" + operation));
    }

    /** Every action the template's policy grants the site function. */
    private static List<String> siteFunctionActions() {
        var template = dev.castline.template.SamTemplate.load(ApiFixture.root().resolve("template.yaml"));
        var site = dev.castline.template.SamTemplate.map(template.resources().get("SiteFunction"));
        List<String> actions = new java.util.ArrayList<>();
        for (Object policy : dev.castline.template.SamTemplate.list(dev.castline.template.SamTemplate.map(site.get("Properties")).get("Policies"))) {
            for (Object statement : dev.castline.template.SamTemplate.list(dev.castline.template.SamTemplate.map(policy).get("Statement"))) {
                Object action = dev.castline.template.SamTemplate.map(statement).get("Action");
                if (action instanceof List<?> many) {
                    many.forEach(a -> actions.add((String) a));
                } else {
                    actions.add((String) action);
                }
            }
        }
        return actions;
    }

    @Test
    void theHomePageIsTheShowAndItsPublicEpisodesNewestFirstForOneQueryAndOneGetItem() {
        LambdaResponse response = invoke(handler, ApiFixture.event(HOME));

        assertThat(fixture.operations.operations()).containsExactlyInAnyOrder("Query", "GetItem");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Running in Production");
        assertThat(page.select(".episode-card h2 a").eachAttr("href"))
                .containsExactly("/episodes/" + PODIA, "/episodes/" + REAL_ESTATE, "/episodes/" + PASSIV);
        assertThat(response.body()).doesNotContain(DRAFT).doesNotContain(SCHEDULED);
        assertThat(page.select(".feed-url").attr("value")).isEqualTo(fixture.shows.load().show().orElseThrow().feedUrl());
        assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href")).endsWith("/feed.xml");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://runninginproduction.test/");
        assertThat(page.select("html").attr("lang")).isEqualTo("en-us");
        JsonNode ld = Events.json(page.select("script[type=application/ld+json]").html());
        assertThat(ld.get("@type").asText()).isEqualTo("PodcastSeries");
        assertThat(ld.get("webFeed").asText()).endsWith("/feed.xml");
        assertThat(page.select(".episode-card .meta").first().text()).isEqualTo("8 Feb 2021 · 1:11:40");
        assertThat(page.select(".pager")).isEmpty();
    }

    /**
     * The pages show our own artwork from its renditions (a srcset the browser picks from by the
     * layout's size and the screen's density), never decoding the full-size image to show it small;
     * Open Graph, JSON-LD and the Media Session name the original, which apps want large.
     */
    @Test
    void ourArtworkIsShownFromItsRenditionsAndNamedFullSizeWhereAppsReadIt() {
        MediaKey key = MediaKey.newShowArtwork(ImageFormat.PNG);
        String original = MEDIA + "/" + key.value();
        fixture.shows.save(Shows.withArtwork(original));
        String srcset = MEDIA + "/" + key.rendition(128) + " 128w, " + MEDIA + "/" + key.rendition(480) + " 480w";

        Document home = Jsoup.parse(invoke(handler, ApiFixture.event(HOME)).body());
        assertRenditions(home.selectFirst("header img.show-art"), srcset, "48px");
        assertRenditions(home.selectFirst("img.show-art-large"), srcset, "160px");
        assertThat(home.select("meta[property=og:image]").attr("content")).isEqualTo(original);
        assertThat(Events.json(home.selectFirst("script[type=application/ld+json]").data()).get("image").asText()).isEqualTo(original);

        Document episode = Jsoup.parse(invoke(handler, ApiFixture.event(PAGE)).body());
        assertRenditions(episode.selectFirst("header img.show-art"), srcset, "48px");
        assertThat(episode.select("meta[property=og:image]").attr("content")).isEqualTo(original);
        assertThat(episode.select("[data-player]").attr("data-artwork")).as("the Media Session's, full size").isEqualTo(original);

        Document embed = Jsoup.parse(invoke(handler, ApiFixture.event(EMBED)).body());
        assertRenditions(embed.selectFirst(".embed-head img.show-art"), srcset, "40px");
        assertThat(embed.select("img")).hasSize(1);
    }

    private static void assertRenditions(Element img, String srcset, String sizes) {
        assertThat(img).isNotNull();
        assertThat(img.attr("src")).as("the smallest rendition").isEqualTo(srcset.substring(0, srcset.indexOf(' ')));
        assertThat(img.attr("srcset")).isEqualTo(srcset);
        assertThat(img.attr("sizes")).isEqualTo(sizes);
    }

    /** An image our media URL serves that is no artwork key has no renditions: shown as it is; another host's, not at all. */
    @Test
    void otherArtworkIsShownAsItIsOrNotAtAll() {
        String ours = MEDIA + "/audio/ep/logo.png";
        fixture.shows.save(Shows.withArtwork(ours));
        Document home = Jsoup.parse(invoke(handler, ApiFixture.event(HOME)).body());
        assertThat(home.select("img.show-art, img.show-art-large")).hasSize(2).allSatisfy(img -> {
            assertThat(img.attr("src")).isEqualTo(ours);
            assertThat(img.hasAttr("srcset")).isFalse();
            assertThat(img.hasAttr("sizes")).isFalse();
        });

        fixture.shows.save(Shows.withArtwork("https://images.elsewhere.test/artwork/show/" + java.util.UUID.randomUUID() + ".png"));
        Document elsewhere = Jsoup.parse(invoke(handler, ApiFixture.event(HOME)).body());
        assertThat(elsewhere.select("img")).isEmpty();
        assertThat(elsewhere.select("meta[property=og:image]")).isEmpty();
    }

    @Test
    void theSubscribeBoxLinksThePodcastAppsTheShowIsOnInTheirOrder() {
        dev.castline.domain.Show sample = fixture.shows.load().show().orElseThrow();
        Map<dev.castline.domain.ShowField, Object> values = new java.util.EnumMap<>(dev.castline.domain.ShowField.class);
        for (dev.castline.domain.ShowField f : dev.castline.domain.ShowField.values()) {
            values.put(f, f.of(sample));
        }
        values.put(dev.castline.domain.ShowField.SUBSCRIBE_LINKS,
                Map.of("overcast", "https://overcast.fm/itunes1", "apple", "https://podcasts.apple.com/podcast/id1"));
        fixture.shows.save(dev.castline.domain.ShowField.toShow(values));

        Document page = Jsoup.parse(invoke(handler, ApiFixture.event(HOME)).body());
        assertThat(page.select(".subscribe-links a").eachText()).containsExactly("Apple Podcasts", "Overcast");
        assertThat(page.select(".subscribe-links a").eachAttr("href"))
                .containsExactly("https://podcasts.apple.com/podcast/id1", "https://overcast.fm/itunes1");
    }

    @Test
    void everyPageCarriesAStrictPolicyAndOnlyTheEmbedMayBeFramed() {
        for (String file : List.of(HOME, PAGE, TAG)) {
            LambdaResponse response = invoke(handler, ApiFixture.event(file));
            String csp = response.headers().get("content-security-policy");
            assertThat(csp).as(file).contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                    .contains("default-src 'none'").doesNotContain("unsafe-inline");
            assertThat(response.headers()).as(file).containsEntry("x-frame-options", "DENY")
                    .containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("referrer-policy", "strict-origin-when-cross-origin");
            assertThat(response.headers().get("cache-control")).as(file).startsWith("public, max-age=").contains("stale-while-revalidate=");
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("script:not([type=application/ld+json])")).as(file).allSatisfy(s ->
                    assertThat(s.attr("src")).startsWith("/assets/player.").endsWith(".js"));
            assertThat(page.select("[style]")).as("%s: no inline style, which the policy forbids", file).isEmpty();
        }
        fixture.operations.reset();
        LambdaResponse embed = invoke(handler, ApiFixture.event(EMBED));
        assertThat(fixture.operations.operations()).as("the embed page: no neighbours").containsExactlyInAnyOrder("BatchGetItem", "Query");
        assertThat(embed.headers().get("content-security-policy")).contains("frame-ancestors *");
        assertThat(embed.headers()).doesNotContainKey("x-frame-options");
        assertThat(Jsoup.parse(embed.body()).select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void theScriptIsFetchedEarlyWhereItBringsControlsToLifeAndRunsOnceThePageIsParsed() {
        // The player's controls and the feed's copy button are drawn by the server and do nothing
        // until the script runs, so there it is fetched at high priority beside the stylesheet; a tag
        // page has nothing for it to do. defer keeps it from blocking the parser everywhere.
        Map<String, String> priority = Map.of(HOME, "high", PAGE, "high", EMBED, "high", TAG, "");
        priority.forEach((file, expected) -> {
            Document page = Jsoup.parse(invoke(handler, ApiFixture.event(file)).body());
            assertThat(page.select("script[src]")).as(file).singleElement().satisfies(s -> {
                assertThat(s.hasAttr("defer")).as("%s: defer", file).isTrue();
                if (expected.isEmpty()) {
                    assertThat(s.hasAttr("fetchpriority")).as("%s: no fetchpriority", file).isFalse();
                } else {
                    assertThat(s.attr("fetchpriority")).as("%s: fetchpriority", file).isEqualTo(expected);
                }
            });
        });
    }

    @Test
    void aPageIsRevalidatedWithItsETag() {
        LambdaResponse first = invoke(handler, ApiFixture.event(PAGE));
        String etag = first.headers().get("etag");
        assertThat(etag).isNotBlank();
        LambdaResponse again = invoke(handler, Events.withHeader(ApiFixture.event(PAGE), "if-none-match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isNullOrEmpty();
    }

    @Test
    void anEpisodePageHasEverythingAListenerNeedsForOneBatchOfSlugAndShowThenItsItemAndTwoNeighbourQueries() {
        LambdaResponse response = invoke(handler, ApiFixture.event(PAGE));

        assertThat(fixture.operations.operations()).containsExactlyInAnyOrder("BatchGetItem", "Query", "Query", "Query");
        assertThat(response.status()).isEqualTo(200);
        Episode stored = fixture.store.findBySlug(PODIA, true).orElseThrow();
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo(stored.title());
        assertThat(page.select("title").text()).isEqualTo(stored.title() + " · Running in Production");
        assertThat(page.select(".meta").text()).isEqualTo("8 Feb 2021 · 1:11:40");
        assertThat(page.select(".meta time").attr("datetime")).isEqualTo("2021-02-08");
        assertThat(page.select(".guest-name").text()).isEqualTo("Jason Charnes");
        assertThat(page.select(".guest a").attr("href")).isEqualTo("https://podia.com");

        Element audio = page.selectFirst("section.player audio");
        assertThat(audio.attr("preload")).isEqualTo("none");
        assertThat(audio.hasAttr("controls")).isTrue();
        // The sample event asks for t=2:39: the audio starts at the first topic without JavaScript.
        assertThat(audio.attr("src")).isEqualTo("https://media.castline.test/" + stored.audio().key() + "#t=159");
        assertThat(page.select("[data-topics] a[data-start]").eachAttr("href"))
                .containsExactly("/episodes/" + PODIA + "?t=2:39", "/episodes/" + PODIA + "?t=3:50");
        assertThat(page.select("[data-topics] .chapter-title").eachText())
                .containsExactly("Motivation for using Ruby on Rails", "Using interactors and Action Cable with StimulusReflex");
        assertThat(page.select(".notes").html()).contains("<a href=\"https://example.com/why\">why</a>");
        assertThat(page.select(".links h2").eachText()).containsExactly("References", "Libraries Used");
        assertThat(page.select(".links a").eachAttr("href")).containsExactly("https://hotwire.dev/", "https://github.com/mperham/sidekiq");
        assertThat(page.select(".tech-stack a").eachAttr("href")).containsExactly("/tags/rails", "/tags/ruby", "/tags/react");
        assertThat(page.select(".support a").attr("href")).isEqualTo("https://nickjanetakis.com/courses");
        assertThat(page.select("a[rel=prev]").attr("href")).isEqualTo("/episodes/" + REAL_ESTATE);
        assertThat(page.select("a[rel=next]")).as("the newest public episode: the scheduled one is not public yet").isEmpty();
        assertThat(page.select(".download a").attr("href")).isEqualTo("https://media.castline.test/" + stored.audio().key());
        assertThat(page.select(".download a").text()).isEqualTo("Download the audio (MP3, 69 MB)");

        assertThat(page.select("meta[property=og:audio]").attr("content")).isEqualTo("https://media.castline.test/" + stored.audio().key());
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("player");
        assertThat(page.select("meta[name=twitter:player]").attr("content")).isEqualTo("https://runninginproduction.test/embed/" + PODIA);
        assertThat(page.select("link[rel=alternate][type=application/json+oembed]").attr("href"))
                .startsWith("https://runninginproduction.test/oembed?url=https%3A%2F%2Frunninginproduction.test%2Fepisodes%2F" + PODIA);
        JsonNode ld = Events.json(page.select("script[type=application/ld+json]").html());
        assertThat(ld.get("@type").asText()).isEqualTo("PodcastEpisode");
        assertThat(ld.get("timeRequired").asText()).isEqualTo("PT1H11M40S");
        assertThat(ld.get("partOfSeries").get("name").asText()).isEqualTo("Running in Production");
    }

    @Test
    void theMiddleEpisodeLinksBothNeighbours() {
        Document page = Jsoup.parse(invoke(handler, Events.withSlug(PAGE, REAL_ESTATE)).body());
        assertThat(page.select("a[rel=prev]").attr("href")).isEqualTo("/episodes/" + PASSIV);
        assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/episodes/" + PODIA);
    }

    @Test
    void anImportedEpisodePlaysFromItsOldHostWhichThePagesPolicyAllowsForMediaAlone() {
        var service = new dev.castline.host.EpisodeService(fixture.store, new dev.castline.testing.RecordedMedia(), fixture.clock);
        Episode imported = service.importEpisode(new dev.castline.host.NewEpisode(new dev.castline.host.EpisodeEdit().title("From the old host"),
                "old-guid-1", java.time.Instant.parse("2020-05-01T10:00:00Z"),
                new dev.castline.host.NewEpisode.ExternalAudio("https://media.oldhost.example/ep1.mp3", "audio/mpeg", 1000, 61_000))).episode();

        LambdaResponse page = invoke(handler, Events.withSlug(PAGE, imported.slug()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("audio").attr("src")).startsWith("https://media.oldhost.example/ep1.mp3");
        String policy = page.headers().get("content-security-policy");
        assertThat(policy).contains("media-src 'self' " + origin(fixture.config.mediaBaseUrl()) + " https://media.oldhost.example;");
        assertThat(policy.substring(0, policy.indexOf("media-src"))).as("images, scripts: still ours alone").doesNotContain("oldhost");
        assertThat(invoke(handler, ApiFixture.event(PAGE)).headers().get("content-security-policy")).as("our own audio's page").doesNotContain("oldhost");
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Test
    void theTranscriptIsInThePageAsLinksToItsTimesWithSpeakersNamedWhenTheyChangeForNoExtraRead() {
        dev.castline.testing.Episodes.withTranscript(fixture.store, ApiFixture.PODIA, 40);
        fixture.operations.reset();
        Document page = Jsoup.parse(invoke(handler, ApiFixture.event(PAGE)).body());
        assertThat(fixture.operations.operations()).as("the transcript comes with the episode's Query")
                .containsExactlyInAnyOrder("BatchGetItem", "Query", "Query", "Query");

        var section = page.selectFirst("section.transcript");
        assertThat(section.attr("lang")).isEqualTo("en-us");
        assertThat(section.select(".cues li")).hasSize(40);
        var third = section.select(".cues li").get(3);
        assertThat(third.attr("data-start")).isEqualTo("15");
        assertThat(third.selectFirst("a.time").attr("href")).isEqualTo("/episodes/" + ApiFixture.PODIA + "?t=0:15");
        assertThat(third.selectFirst("a.time").text()).isEqualTo("0:15");
        assertThat(third.selectFirst(".speaker").text()).isEqualTo("Jason Charnes");
        assertThat(third.selectFirst("span[dir=auto]").text()).isEqualTo("Cue 4: we talk about Rails & <Heroku> here.");
        assertThat(section.select(".cues li .speaker").eachText()).as("named when the speaker changes")
                .hasSize(14).startsWith("Nick Janetakis", "Jason Charnes", "Nick Janetakis");
        assertThat(section.selectFirst("[data-transcript]").hasClass("collapsed")).isTrue();
        assertThat(section.selectFirst("button[data-transcript-toggle]").attr("aria-controls")).isEqualTo(section.selectFirst("[data-transcript]").id());

        dev.castline.testing.Episodes.withTranscript(fixture.store, ApiFixture.PODIA, 5);
        Document shortOne = Jsoup.parse(invoke(handler, ApiFixture.event(PAGE)).body());
        assertThat(shortOne.selectFirst("[data-transcript]").hasClass("collapsed")).isFalse();
        assertThat(shortOne.select("button[data-transcript-toggle]")).isEmpty();
    }

    @Test
    void aDraftOrAnEpisodeNotYetDueIsThePlain404PageUntilItsTime() {
        LambdaResponse unknown = invoke(handler, Events.withSlug(PAGE, "never-existed"));
        LambdaResponse draft = invoke(handler, Events.withSlug(PAGE, DRAFT));
        LambdaResponse scheduled = invoke(handler, Events.withSlug(PAGE, SCHEDULED));

        for (LambdaResponse r : List.of(unknown, draft, scheduled)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        }
        assertThat(draft.body()).as("not a hint that a draft exists").isEqualTo(unknown.body());
        assertThat(scheduled.body()).isEqualTo(unknown.body());
        fixture.operations.reset();
        invoke(handler, Events.withSlug(PAGE, DRAFT));
        assertThat(fixture.operations.operations()).as("a draft's page ends at its slug, read with the show").containsExactly("BatchGetItem");
        assertThat(invoke(handler, Events.withSlug(EMBED, SCHEDULED)).status()).isEqualTo(404);

        fixture.clock.advance(Duration.ofDays(8));
        assertThat(invoke(handler, Events.withSlug(PAGE, SCHEDULED)).status()).isEqualTo(200);
    }

    @Test
    void aFormerSlugMovesToTheCurrentPageKeepingTheStartTime() {
        Episode podia = fixture.store.findBySlug(PODIA, true).orElseThrow();
        fixture.store.update(podia, podia.toBuilder().slug("podia-renamed").formerSlugs(List.of(PODIA)));

        LambdaResponse moved = invoke(handler, ApiFixture.event(PAGE));
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.headers().get("location")).isEqualTo("/episodes/podia-renamed?t=2:39");
        assertThat(invoke(handler, Events.withSlug(EMBED, PODIA)).headers().get("location")).isEqualTo("/embed/podia-renamed");
    }

    @Test
    void aBadStartTimeIsA400PageNamingItBeforeAnyRead() {
        for (String t : List.of("soon", "1:2", "1:60", "99:00:00", "-5", "1:02:03:04")) {
            LambdaResponse response = invoke(handler, Events.withQuery(PAGE, Events.query("t", t)));
            assertThat(response.status()).as(t).isEqualTo(400);
            assertThat(response.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(Jsoup.parse(response.body()).select("main p").first().text()).as(t).contains("t must be a time");
        }
        assertThat(fixture.operations.operations()).isEmpty();
        for (String t : List.of("88", "1:28", "1:02:03", "0:00")) {
            assertThat(invoke(handler, Events.withQuery(PAGE, Events.query("t", t))).status()).as(t).isEqualTo(200);
        }
    }

    @Test
    void aTagPageListsWhatTheJsonApiListsForTheTag() {
        for (String tag : List.of("rails", "react", "django")) {
            LambdaResponse response = invoke(handler, withTag(tag));
            assertThat(response.status()).isEqualTo(200);
            List<String> api = fixture.store.listPublic(Optional.of(tag), 100, Optional.empty(), fixture.clock.instant())
                    .items().stream().map(s -> "/episodes/" + s.slug()).toList();
            assertThat(api).isNotEmpty();
            assertThat(Jsoup.parse(response.body()).select(".episode-card h2 a").eachAttr("href")).as(tag).isEqualTo(api);
        }
        fixture.operations.reset();
        invoke(handler, withTag("ruby"));
        assertThat(fixture.operations.operations()).containsExactlyInAnyOrder("Query", "GetItem");
        assertThat(invoke(handler, withTag("no-such-tag")).status()).isEqualTo(404);
        assertThat(invoke(handler, withTag("Not A Tag!")).status()).isEqualTo(404);
    }

    @Test
    void longListsPageWithASignedCursorOneQueryAPage() {
        for (int i = 0; i < 12; i++) {
            fixture.store.create(Episodes.published("extra-" + i, ApiFixture.NOW.minus(Duration.ofDays(i + 1))).tags("rails").build());
        }
        Document first = Jsoup.parse(invoke(handler, ApiFixture.event(HOME)).body());
        assertThat(first.select(".episode-card")).hasSize(SitePages.PAGE_SIZE);
        String older = first.select(".pager a[rel=next]").attr("href");
        assertThat(older).startsWith("/?cursor=");
        fixture.operations.reset();
        String cursor = java.net.URLDecoder.decode(older.substring("/?cursor=".length()), java.nio.charset.StandardCharsets.UTF_8);
        Document second = Jsoup.parse(invoke(handler, Events.withQuery(HOME, Events.query("cursor", cursor))).body());
        assertThat(fixture.operations.operations()).containsExactlyInAnyOrder("Query", "GetItem");
        assertThat(second.select(".episode-card")).hasSize(15 - SitePages.PAGE_SIZE);
        assertThat(invoke(handler, Events.withQuery(HOME, Events.query("cursor", "made-up"))).status()).isEqualTo(400);
    }

    @Test
    void theSitemapListsExactlyThePublicEpisodes() {
        LambdaResponse response = invoke(handler, ApiFixture.event("site-sitemap.json"));
        Document xml = Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser());
        List<String> expected = new java.util.ArrayList<>(List.of("https://runninginproduction.test/"));
        for (EpisodeSummary s : fixture.store.listPublic(Optional.empty(), 100, Optional.empty(), fixture.clock.instant()).items()) {
            expected.add("https://runninginproduction.test/episodes/" + s.slug());
        }
        assertThat(xml.select("url > loc").eachText()).isEqualTo(expected).hasSize(4);
        assertThat(response.body()).doesNotContain(DRAFT).doesNotContain(SCHEDULED);
        assertThat(invoke(handler, ApiFixture.event("site-robots.json")).body())
                .contains("Sitemap: https://runninginproduction.test/sitemap.xml").contains("Disallow: /api/v1/admin/");
    }

    @Test
    void oEmbedDescribesAnIframeOfTheEmbedPage() {
        JsonNode answer = Events.json(invoke(handler, ApiFixture.event("site-oembed.json")).body());
        assertThat(answer.get("type").asText()).isEqualTo("rich");
        assertThat(answer.get("html").asText()).contains("src=\"https://runninginproduction.test/embed/" + PODIA + "\"");
        String draftUrl = "https://runninginproduction.test/episodes/" + DRAFT;
        LambdaResponse draft = invoke(handler, Events.withQuery("site-oembed.json", Events.query("url", draftUrl)));
        assertThat(draft.status()).isEqualTo(404);
        assertThat(draft.headers().get("content-type")).startsWith("application/json");
        assertThat(invoke(handler, Events.withQuery("site-oembed.json", Events.query("url", "https://elsewhere.test/x"))).status()).isEqualTo(404);
        assertThat(invoke(handler, Events.withQuery("site-oembed.json", Events.query("url", draftUrl.replace(DRAFT, PODIA), "format", "xml"))).status())
                .isEqualTo(501);
    }

    @Test
    void theAssetsArePagesLinkedNamesServedImmutableAndAnyOtherNameIsA404() {
        Document page = Jsoup.parse(invoke(handler, ApiFixture.event(HOME)).body());
        String css = page.select("link[rel=stylesheet]").attr("href");
        String js = page.select("script[src]").attr("src");
        String icon = page.select("link[rel=icon]").attr("href");
        assertThat(icon).matches("/assets/icon\\.[0-9a-f]{10}\\.svg");
        assertThat(css).matches("/assets/site\\.[0-9a-f]{10}\\.css");
        assertThat(js).matches("/assets/player\\.[0-9a-f]{10}\\.js");
        for (String href : List.of(css, js, icon)) {
            LambdaResponse asset = invoke(handler, asset(href.substring("/assets/".length())));
            assertThat(asset.status()).isEqualTo(200);
            assertThat(asset.headers().get("cache-control")).isEqualTo("public, max-age=31536000, immutable");
        }
        assertThat(invoke(handler, asset("site.0000000000.css")).status()).isEqualTo(404);
    }

    @Test
    void anyOtherAddressIsTheStyled404ButUnderTheApiItIsTheApisJsonError() {
        LambdaResponse page = invoke(handler, ApiFixture.event("site-not-found.json"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(Jsoup.parse(page.body()).select("link[rel=stylesheet]").attr("href")).startsWith("/assets/site.");
        String api = ApiFixture.event("site-not-found.json").replace("/no/such/page", "/api/v1/nothing").replace("no/such/page", "api/v1/nothing");
        LambdaResponse json = invoke(handler, api);
        assertThat(json.status()).isEqualTo(404);
        assertThat(Events.json(json.body()).get("error").get("code").asText()).isEqualTo("not_found");
    }

    private static String withTag(String tag) {
        String event = ApiFixture.event(TAG);
        return event.replace("\"tag\": \"rails\"", "\"tag\": " + Events.MAPPER.valueToTree(tag))
                .replace("/tags/rails", "/tags/" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String asset(String name) {
        return ApiFixture.event("site-asset.json").replace("site.0000000000.css", name);
    }
}
