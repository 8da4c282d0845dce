package dev.castline.functions.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.domain.PodcastGuid;
import dev.castline.feed.FeedWriter;
import dev.castline.testing.Episodes;
import dev.castline.testing.Shows;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule checker itself: it must pass a good feed and catch each kind of breakage, or it proves nothing. */
class FeedRuleCheckerTest {
    private static final String GOOD = render();
    /** A feed with every Podcasting 2.0 and Apple setting set, and a trailer. */
    private static final String FULL = renderFull();

    @Test
    void podcastGuidsAreVersion5AsThePodcastIndexSpecifies() {
        assertThat(FeedRuleChecker.podcastGuidFor("https://podnews.net/rss")).hasToString("9b024349-ccf0-5f69-a609-6b82873eab3c");
        assertThat(PodcastGuid.forFeedUrl("https://podnews.net/rss")).hasToString("9b024349-ccf0-5f69-a609-6b82873eab3c");
        assertThat(PodcastGuid.forFeedUrl("http://podnews.net/rss/")).hasToString("9b024349-ccf0-5f69-a609-6b82873eab3c");
    }

    @Test
    void aGoodFeedPasses() {
        assertThat(violations(GOOD)).isEmpty();
    }

    @Test
    void eachBreakageIsCaught() {
        assertCaught(GOOD.replaceFirst("length=\"\\d+\"", "length=\"0\""), "length");
        assertCaught(GOOD.replace("text=\"Technology\"", "text=\"Technologies\""), "category");
        assertCaught(GOOD.replaceFirst("<podcast:guid>[^<]+</podcast:guid>", "<podcast:guid>0b6d7a3e-6c3f-4c43-9d61-1d1b2f1b2c3d</podcast:guid>"), "guid");
        assertCaught(GOOD.replaceFirst("start=\"3:50\"", "start=\"1:00\""), "start");
        assertCaught(GOOD.replaceFirst("<pubDate>[^<]+</pubDate>", "<pubDate>2020-06-29</pubDate>"), "pubDate");
        assertCaught(GOOD.replace("<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>no</itunes:explicit>"), "explicit");
        assertCaught(GOOD.substring(0, GOOD.length() - 20), "well-formed");
        assertCaught(GOOD.replace("isPermaLink=\"false\"", "isPermaLink=\"true\""), "isPermaLink");
    }

    @Test
    void aFeedWithEverySettingPasses() {
        assertThat(FULL).contains("<podcast:podroll>", "<podcast:trailer ", "<podcast:soundbite ", "<podcast:socialInteract ",
                "<itunes:block>", "<podcast:updateFrequency ");
        assertThat(violations(FULL)).isEmpty();
    }

    @Test
    void eachBreakageOfTheNewTagsIsCaught() {
        assertCaught(FULL.replace("<itunes:block>Yes</itunes:block>", "<itunes:block>yes</itunes:block>"), "itunes:block must be \"Yes\"");
        assertCaught(FULL.replace("<itunes:complete>Yes</itunes:complete>", "<itunes:complete>true</itunes:complete>"), "itunes:complete must be");
        assertCaught(FULL.replace("<itunes:new-feed-url>https://new.castline.test/feed.xml<", "<itunes:new-feed-url>new.castline.test/feed.xml<"), "itunes:new-feed-url must be an absolute");
        assertCaught(FULL.replace("<itunes:new-feed-url>https://new.castline.test/feed.xml<", "<itunes:new-feed-url>" + dev.castline.testing.Shows.FEED_URL + "<"), "new address");
        assertCaught(FULL.replace("url=\"https://example.org/mypodcastlicense/full.pdf\"", "url=\"http://example.org/mypodcastlicense/full.pdf\""), "podcast:license url must be https");
        assertCaught(FULL.replace(">my-podcast-license-v1<", "><"), "podcast:license must have text");
        assertCaught(FULL.replace("geo=\"geo:30.2672,97.7431\"", "geo=\"30.2672,97.7431\""), "podcast:location geo");
        assertCaught(FULL.replace("osm=\"R113314\"", "osm=\"113314\""), "podcast:location osm");
        assertCaught(FULL.replace(">Austin, TX<", ">" + "A".repeat(129) + "<"), "podcast:location text must be at most 128");
        assertCaught(FULL.replace("<podcast:txt purpose=\"applepodcastsverify\">05124<", "<podcast:txt purpose=\"applepodcastsverify\"><"), "podcast:txt must have text");
        assertCaught(FULL.replace("rrule=\"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO\"", "rrule=\"weekly\""), "rrule must be an RFC 5545");
        assertCaught(FULL.replace("rrule=\"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO\"", "rrule=\"FREQ=WEEKLY;COUNT=3\""), "needs dtstart");
        assertCaught(FULL.replace("<podcast:updateFrequency ", "<podcast:updateFrequency complete=\"yes\" "), "complete must be");
        assertCaught(FULL.replace("feedGuid=\"29cdca4a-32d8-56ba-b48b-09a011c5daa9\"", "feedGuid=\"buzzcast\""), "feedGuid must be a podcast:guid");
        assertCaught(FULL.replaceAll("<podcast:podroll>.*</podcast:podroll>", "<podcast:podroll></podcast:podroll>"), "at least one podcast:remoteItem");
        assertCaught(FULL.replaceFirst("pubdate=\"[^\"]+\"", "pubdate=\"2021-04-01\""), "podcast:trailer pubdate");
        assertCaught(FULL.replaceFirst("<podcast:trailer url=\"[^\"]+\"", "<podcast:trailer url=\"teaser.mp3\""), "podcast:trailer url");
        assertCaught(FULL.replaceFirst("(<podcast:trailer [^>]*)length=\"\\d+\"", "$1length=\"-1\""), "podcast:trailer length");
        assertCaught(FULL.replace("startTime=\"73\"", "startTime=\"1:13\""), "soundbite startTime");
        assertCaught(FULL.replace("duration=\"60\"", "duration=\"0\""), "soundbite duration");
        assertCaught(FULL.replace("startTime=\"73\"", "startTime=\"4290\""), "runs past the audio's end");
        assertCaught(FULL.replace("protocol=\"activitypub\"", "protocol=\"myspace\""), "socialInteract protocol");
        assertCaught(FULL.replace("protocol=\"bluesky\" uri=\"at://did:plc:abc/app.bsky.feed.post/3k\"", "protocol=\"bluesky\""), "socialInteract uri is missing");
        assertCaught(FULL.replace("protocol=\"bluesky\"", "protocol=\"disabled\""), "disabled");
        assertCaught(FULL.replace("priority=\"1\"", "priority=\"high\""), "priority must be a whole number");
        assertCaught(FULL.replace("<podcast:license>cc-by-4.0</podcast:license>", "<podcast:license>cc-by-4.0</podcast:license><podcast:license>mit</podcast:license>"), "at most once");
    }

    private static void assertCaught(String broken, String word) {
        assertThat(violations(broken)).as("violations of a feed broken around '%s'", word)
                .isNotEmpty()
                .anySatisfy(v -> assertThat(v.toLowerCase()).contains(word.toLowerCase()));
    }

    private static List<String> violations(String xml) {
        return FeedRuleChecker.violations(xml.getBytes(StandardCharsets.UTF_8), FeedRuleChecker.appleCategories());
    }

    private static String renderFull() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var trailer = Episodes.published("coming-soon", Instant.parse("2020-06-01T00:00:00Z")).type(dev.castline.domain.EpisodeType.TRAILER)
                .title("Coming soon").build();
        new FeedWriter("https://media.castline.test").write(dev.castline.testing.Shows.withEverything(),
                List.of(Episodes.published("one", Instant.parse("2020-06-29T00:00:00Z")).withPodcasting20().build(), trailer),
                FeedWriter.Page.ONLY, Instant.parse("2020-07-01T00:00:00Z"), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new FeedWriter("https://media.castline.test").write(Shows.sample(),
                    List.of(Episodes.published("one", Instant.parse("2020-06-29T00:00:00Z")).build()),
                    FeedWriter.Page.ONLY, Instant.parse("2020-07-01T00:00:00Z"), out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
