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

    private static void assertCaught(String broken, String word) {
        assertThat(violations(broken)).as("violations of a feed broken around '%s'", word)
                .isNotEmpty()
                .anySatisfy(v -> assertThat(v.toLowerCase()).contains(word.toLowerCase()));
    }

    private static List<String> violations(String xml) {
        return FeedRuleChecker.violations(xml.getBytes(StandardCharsets.UTF_8), FeedRuleChecker.appleCategories());
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
