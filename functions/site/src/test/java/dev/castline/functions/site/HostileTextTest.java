package dev.castline.functions.site;

import static dev.castline.testing.ApiFixture.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.domain.Chapter;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Episodes;
import dev.castline.testing.Events;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whatever a host types (or an import brings) into titles, summaries, guests, chapters, links and
 * show notes, no page turns it into markup a browser would run: every text the site shows is
 * escaped for where it stands, and only http(s) URLs become links. Checked on the pages that show
 * each field, for random mixes of the usual attacks and ordinary text.
 */
class HostileTextTest {
    private static final ApiFixture FIXTURE = new ApiFixture();
    private static final SiteHandler HANDLER = new SiteHandler(FIXTURE.config, FIXTURE.dynamo, FIXTURE.clock);

    static {
        // Artwork of ours, so the pages carry its srcset too.
        FIXTURE.shows.save(dev.castline.testing.Shows.withArtwork(dev.castline.testing.TestTables.MEDIA_BASE_URL + "/"
                + dev.castline.domain.MediaKey.newShowArtwork(dev.castline.domain.ImageFormat.PNG).value()));
    }
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger RENDERED = new AtomicInteger();
    private static final List<String> ATTACKS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)", "</script><script>alert(1)</script>", "' onmouseover='alert(1)", "<svg onload=alert(1)>",
            "\u202Eevil\u202C", "&lt;script&gt;", "<!--", "]]>", "{{7*7}}", "${7*7}", "\\u003c/script>", "<a href=\"javascript:x\">x</a>",
            "data:text/html,<script>alert(1)</script>", "\u2028\u2029", "<style>*{display:none}</style>", "<iframe src=//evil>");

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> attack = Arbitraries.of(ATTACKS);
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
        return Arbitraries.oneOf(attack, plain).list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(" ", parts).strip())
                .filter(s -> !s.isBlank());
    }

    /** URLs the domain accepts (absolute http(s)) that still carry quotes and markup. */
    @Provide
    Arbitrary<String> url() {
        return Arbitraries.of("https://evil.test/%22%3E%3Cscript%3Ealert(1)%3C/script%3E", "https://evil.test/?a='onmouseover='alert(1)",
                "https://evil.test/?q=1&x=%3Cimg", "http://evil.test/&amp;&lt;", "https://example.test/");
    }

    @Property(tries = 60)
    void noFieldBecomesMarkup(@ForAll("hostile") String title, @ForAll("hostile") String summary, @ForAll("hostile") String guest,
                              @ForAll("hostile") String chapter, @ForAll("hostile") String link, @ForAll("url") String url) {
        String slug = "hostile-" + SEQUENCE.incrementAndGet();
        String tag = "tag-" + SEQUENCE.get();
        dev.castline.domain.Episode episode;
        try {
            episode = Episodes.published(slug, ApiFixture.NOW.minusSeconds(SEQUENCE.get()))
                    .title(title).summary(summary).notes(summary + "\n\n[" + link + "](" + url + ") " + chapter)
                    .guests(List.of(new Guest(guest, "guest", url, url, "@" + SEQUENCE.get())))
                    .chapters(List.of(new Chapter(0, chapter, url), new Chapter(60_000, title, null)))
                    .links(List.of(new Link(LinkKind.REFERENCE, url, link), new Link(LinkKind.LIBRARY, url, null)))
                    .tags(tag)
                    .build();
            FIXTURE.store.create(episode);
        } catch (dev.castline.domain.ValidationException e) {
            // The domain refuses some of it outright (bidirectional overrides, line separators in a
            // one-line field): nothing to render. Pages are checked for everything it accepts.
            return;
        }
        // The transcript takes any text (cue text has no one-line rule): speakers and cues from the same attacks.
        var transcript = new dev.castline.transcript.Transcript(List.of(
                // within the limits every transcript file read is held to (a speaker's name: 100 characters)
                new dev.castline.transcript.Cue(0, 1_000, guest.substring(0, guest.offsetByCodePoints(0,
                        Math.min(guest.codePointCount(0, guest.length()), dev.castline.transcript.Transcript.MAX_SPEAKER_CHARS))), title + "\n" + link),
                new dev.castline.transcript.Cue(1_000, 2_000, null, summary + " --> " + chapter)));
        var parts = dev.castline.store.TranscriptParts.encode(transcript).orElseThrow();
        try {
            FIXTURE.store.replaceTranscript(episode, new dev.castline.domain.TranscriptFile("t" + SEQUENCE.get(), "en", 2, parts.size()), parts);
        } catch (dev.castline.domain.ValidationException e) {
            // The domain refuses some of it outright (bidirectional overrides, line separators in a
            // one-line field): nothing to render. Pages are checked for everything it accepts.
            return;
        }
        RENDERED.incrementAndGet();

        Document episodePage = page(Events.withSlug("site-episode-page.json", slug));
        assertThat(episodePage.selectFirst("h1").text()).isEqualTo(Jsoup.parse("<p>" + escape(title)).text());
        assertThat(episodePage.select("[data-topics] .chapter-title").eachText()).contains(Jsoup.parse("<p>" + escape(chapter)).text());
        assertThat(episodePage.select(".transcript .cues span[dir=auto]").eachText()).containsExactly(
                Jsoup.parse("<p>" + escape(transcript.cues().get(0).text().replace('\n', ' '))).text(),
                Jsoup.parse("<p>" + escape(transcript.cues().get(1).text())).text());
        assertSafe(episodePage);
        assertSafe(page(Events.withSlug("site-embed.json", slug)));
        assertSafe(page(ApiFixture.event("site-home.json")));
        assertSafe(page(ApiFixture.event("site-tag-page.json").replace("\"tag\": \"rails\"", "\"tag\": \"" + tag + "\"")
                .replace("/tags/rails", "/tags/" + tag)));
    }

    /** The property has teeth only if most tries reach the pages. */
    @net.jqwik.api.lifecycle.AfterContainer
    static void mostTriesWereRendered() {
        assertThat(RENDERED.get()).as("tries whose text the domain accepted").isGreaterThan(SEQUENCE.get() / 3);
    }

    private static Document page(String event) {
        ApiFixture.LambdaResponse response = invoke(HANDLER, event);
        assertThat(response.status()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** Only our own script runs; no handler attribute, no script URL, no element an attack brings. */
    private static void assertSafe(Document page) {
        for (Element script : page.select("script")) {
            if (script.attr("type").equals("application/ld+json")) {
                assertThat(script.data()).doesNotContainIgnoringCase("</script").doesNotContain("<");
                Events.json(script.data()); // still JSON
            } else {
                assertThat(script.attr("src")).matches("/assets/player\\.[0-9a-f]{10}\\.js");
                assertThat(script.data()).isEmpty();
            }
        }
        assertThat(page.select("iframe, object, embed, svg, style, base, form, meta[http-equiv]")).isEmpty();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("an event handler attribute on <%s>", element.tagName()).doesNotStartWith("on");
                boolean urlMeta = element.tagName().equals("meta") && name.equals("content")
                        && List.of("og:url", "og:audio", "og:image", "twitter:player", "twitter:image")
                                .contains(element.attr("property") + element.attr("name"));
                if (urlMeta || List.of("href", "src", "srcset", "action", "formaction", "data-artwork", "data-base-url").contains(name)) {
                    String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(value).as("<%s %s>", element.tagName(), name).doesNotStartWith("javascript:")
                            .doesNotStartWith("data:").doesNotStartWith("vbscript:");
                }
            }
        }
        assertThat(page.select("img")).as("no image from anywhere but our own media URL").allSatisfy(img -> {
            assertThat(img.attr("src")).startsWith("https://media.castline.test/");
            for (String candidate : img.attr("srcset").split(",")) {
                assertThat(candidate.isBlank() ? "https://media.castline.test/" : candidate.strip()).startsWith("https://media.castline.test/");
            }
        });
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
