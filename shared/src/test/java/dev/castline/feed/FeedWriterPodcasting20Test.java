package dev.castline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Soundbite;
import dev.castline.testing.Episodes;
import dev.castline.testing.Shows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each Podcasting 2.0 and Apple setting as the feed writes it: exactly, and only when set. */
class FeedWriterPodcasting20Test {
    private static final FeedWriter WRITER = new FeedWriter("https://media.castline.test");
    private static final Instant BUILT = Instant.parse("2020-07-01T00:00:00Z");

    @Test
    void theChannelCarriesEveryShowSetting() {
        String xml = render(Shows.withEverything(), List.of(), List.of(episode("one").build()));
        assertThat(xml)
                .contains("<itunes:block>Yes</itunes:block>")
                .contains("<itunes:complete>Yes</itunes:complete>")
                .contains("<itunes:new-feed-url>https://new.castline.test/feed.xml</itunes:new-feed-url>")
                .contains("<podcast:license url=\"https://example.org/mypodcastlicense/full.pdf\">my-podcast-license-v1</podcast:license>")
                .contains("<podcast:location geo=\"geo:30.2672,97.7431\" osm=\"R113314\">Austin, TX</podcast:location>")
                .contains("<podcast:txt purpose=\"applepodcastsverify\">05124</podcast:txt>")
                .contains("<podcast:txt>naj3eEZaWVVY9a38uhX8FekACyhtqP4JN</podcast:txt>")
                .contains("<podcast:updateFrequency rrule=\"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO\">Every other Monday</podcast:updateFrequency>")
                .contains("<podcast:podroll>"
                        + "<podcast:remoteItem feedGuid=\"29cdca4a-32d8-56ba-b48b-09a011c5daa9\" feedUrl=\"https://rss.buzzsprout.com/231452.rss\" title=\"Buzzcast\"/>"
                        + "<podcast:remoteItem feedGuid=\"917393e3-1b1e-5cef-ace4-edaa54e1f810\"/>"
                        + "</podcast:podroll>");
        // Channel tags stay in the channel: none is written before it or inside an item.
        String channel = xml.substring(xml.indexOf("<channel>"), xml.indexOf("<item>"));
        assertThat(channel).contains("podcast:podroll", "podcast:txt", "itunes:block");
    }

    @Test
    void noSettingNoTag() {
        String xml = render(Shows.sample(), List.of(), List.of(episode("one").build()));
        assertThat(xml).doesNotContain("itunes:block", "itunes:complete", "itunes:new-feed-url", "podcast:license", "podcast:location",
                "podcast:txt", "podcast:updateFrequency", "podcast:podroll", "podcast:trailer", "podcast:soundbite", "podcast:socialInteract");
    }

    @Test
    void aCompleteScheduleSaysSoWithItsStartDate() {
        var values = new java.util.EnumMap<dev.castline.domain.ShowField, Object>(dev.castline.domain.ShowField.class);
        for (var f : dev.castline.domain.ShowField.values()) {
            if (f.of(Shows.sample()) != null) {
                values.put(f, f.of(Shows.sample()));
            }
        }
        values.put(dev.castline.domain.ShowField.UPDATE_FREQUENCY,
                new dev.castline.domain.UpdateFrequency("That's all folks!", "FREQ=WEEKLY;COUNT=10", "2023-08-28T00:00:00.000Z", true));
        String xml = render(dev.castline.domain.ShowField.toShow(values), List.of(), List.of(episode("one").build()));
        assertThat(xml).contains("<podcast:updateFrequency complete=\"true\" dtstart=\"2023-08-28T00:00:00.000Z\" rrule=\"FREQ=WEEKLY;COUNT=10\">"
                + "That&apos;s all folks!</podcast:updateFrequency>".replace("&apos;", apostrophe()));
    }

    @Test
    void itemsCarryTheirSoundbitesCommentThreadsAndLicense() {
        String xml = render(Shows.sample(), List.of(), List.of(episode("one").withPodcasting20().build()));
        assertThat(xml)
                .contains("<podcast:soundbite startTime=\"73\" duration=\"60\"/>")
                .contains("<podcast:soundbite startTime=\"1234.5\" duration=\"42.25\">Why the &lt;namespace&gt; &amp; Rails matter</podcast:soundbite>")
                .contains("<podcast:socialInteract protocol=\"activitypub\" uri=\"https://podcastindex.social/@dave/105079274766075912\""
                        + " accountId=\"@dave\" accountUrl=\"https://podcastindex.social/@dave\" priority=\"1\"/>")
                .contains("<podcast:socialInteract protocol=\"bluesky\" uri=\"at://did:plc:abc/app.bsky.feed.post/3k\" priority=\"2\"/>")
                .contains("<podcast:license>cc-by-4.0</podcast:license>");
        String item = xml.substring(xml.indexOf("<item>"));
        assertThat(item).contains("podcast:soundbite", "podcast:socialInteract", "podcast:license");
    }

    @Test
    void aSoundbitePastTheEndOfTheAudioIsLeftOut() {
        Episode e = episode("one").audio(new Audio("audio/e/u.mp3", "audio/mpeg", 1_000, 100_000))
                .soundbites(List.of(new Soundbite(40_000, 60_000, "fits exactly"), new Soundbite(40_001, 60_000, "one millisecond over")))
                .build();
        String xml = render(Shows.sample(), List.of(), List.of(e));
        assertThat(xml).contains(">fits exactly<").doesNotContain("one millisecond over");
    }

    @Test
    void disabledCommentsAreTheProtocolAlone() {
        Episode e = episode("one").socialInteracts(List.of(new dev.castline.domain.SocialInteract("disabled", null, null, null, null))).build();
        assertThat(render(Shows.sample(), List.of(), List.of(e))).contains("<podcast:socialInteract protocol=\"disabled\"/>");
    }

    @Test
    void trailerEpisodesAreTheChannelsTrailersOnEveryPage() {
        Episode trailer = episode("coming-soon").type(EpisodeType.TRAILER).title("Coming April 1st, 2021").season(4)
                .publishAt(Instant.parse("2021-04-01T13:00:00Z")).build();
        Episode full = episode("one").build();
        String expected = "<podcast:trailer url=\"https://media.castline.test/" + trailer.audio().key() + "\""
                + " pubdate=\"Thu, 01 Apr 2021 13:00:00 GMT\" length=\"68807424\" type=\"audio/mpeg\" season=\"4\">Coming April 1st, 2021</podcast:trailer>";
        // Named by the caller (a page that does not hold the trailer item) ...
        String page2 = render(Shows.sample(), List.of(trailer), List.of(full));
        assertThat(page2).contains(expected);
        assertThat(page2.indexOf("podcast:trailer")).isLessThan(page2.indexOf("<item>"));
        // ... or found among the items when the page holds them all.
        String whole = new String(WRITER.render(Shows.sample(), List.of(trailer, full), FeedWriter.Page.ONLY, BUILT), StandardCharsets.UTF_8);
        assertThat(whole).contains(expected);
        assertThat(FeedWriter.trailers(List.of(full))).isEmpty();
    }

    @Test
    void atMostTheTenNewestTrailers() {
        List<Episode> trailers = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            trailers.add(episode("t" + i).type(EpisodeType.TRAILER).publishAt(Instant.parse("2021-01-01T00:00:00Z").minusSeconds(i)).build());
        }
        assertThat(FeedWriter.trailers(trailers)).hasSize(FeedWriter.MAX_TRAILERS).containsExactlyElementsOf(trailers.subList(0, 10));
    }

    private static String apostrophe() {
        // XmlOut escapes quotes in text as it does in attributes, or not: whichever, the test follows it.
        String probe = render(Shows.sample(), List.of(), List.of(episode("x").title("'").build()));
        int at = probe.indexOf("<item><title>") + "<item><title>".length();
        return probe.substring(at, probe.indexOf("</title>", at));
    }

    private static Episodes.Builder episode(String slug) {
        return Episodes.published(slug, Instant.parse("2020-06-29T00:00:00Z"));
    }

    private static String render(dev.castline.domain.Show show, List<Episode> trailers, List<Episode> items) {
        return new String(WRITER.render(show, trailers, items, FeedWriter.Page.ONLY, BUILT), StandardCharsets.UTF_8);
    }
}
