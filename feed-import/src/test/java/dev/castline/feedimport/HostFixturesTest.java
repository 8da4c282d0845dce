package dev.castline.feedimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Feeds shaped like what the big hosts write (fixtures under src/test/resources/feeds). */
class HostFixturesTest {

    @Test
    void libsyn_channel_settings_nested_category_and_clock_durations() {
        Feeds.Read feed = Feeds.fixture("libsyn.xml", "https://feeds.libsyn.com/12345/rss");

        ImportedShow show = feed.show();
        assertThat(show.title()).isEqualTo("Garden Talk");
        assertThat(show.author()).isEqualTo("Ann Gardener");
        assertThat(show.description()).isEqualTo("Weekly talk about gardens & growing.");
        assertThat(show.language()).isEqualTo("en");
        assertThat(show.artworkUrl()).isEqualTo("https://static.libsyn.com/p/assets/a/b/c/d/garden-3000.jpg");
        assertThat(show.categories()).containsExactly(
                new ImportedShow.Category("Leisure", "Home & Garden"), new ImportedShow.Category("Education", null));
        assertThat(show.explicit()).isFalse();
        assertThat(show.owner()).isEqualTo(new ImportedShow.Owner("Ann Gardener", "host@gardentalk.example"));
        assertThat(show.copyright()).isEqualTo("Copyright 2019 Garden Talk");
        assertThat(show.newFeedUrl()).isEqualTo("https://feeds.libsyn.com/12345/rss");
        assertThat(show.link()).isEqualTo("https://gardentalk.libsyn.com");
        assertThat(show.serial()).isFalse();
        assertThat(show.locked()).isNull();

        ImportedItem first = feed.item("6b1e0f5a-4b7e-4a8c-9d2e-1f00c0ffee01");
        assertThat(first.title()).isEqualTo("Tomatoes & Trellises");
        assertThat(first.guidIsPermaLink()).isFalse();
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2019-03-05T10:00:00Z"));
        assertThat(first.durationMillis()).isEqualTo(3_723_000L);
        assertThat(first.season()).isEqualTo(2);
        assertThat(first.episode()).isEqualTo(12);
        assertThat(first.episodeType()).isEqualTo("full");
        assertThat(first.explicit()).isFalse();
        assertThat(first.enclosure()).isEqualTo(new ImportedEnclosure(
                "https://traffic.libsyn.com/secure/gardentalk/Tomatoes.mp3?dest-id=12345", "audio/mpeg", 43_567_123L));
        assertThat(first.descriptionMarkdown()).isEqualTo("""
                How to **stake** tomatoes, and *why*.

                Links:

                - [Trellis plans](https://example.org/trellis)
                - [Notes](https://feeds.libsyn.com/notes/1)""");
        assertThat(first.summary()).isEqualTo("How to stake tomatoes.\n\nLinks:\n\n- Trellis plans\n- Notes");
        assertThat(first.imageUrl()).isEqualTo("https://ssl-static.libsyn.com/p/assets/e/f/tomatoes.jpg");
        assertThat(first.link()).isEqualTo("https://gardentalk.libsyn.com/tomatoes-trellises");

        ImportedItem second = feed.item("6b1e0f5a-4b7e-4a8c-9d2e-1f00c0ffee02");
        assertThat(second.durationMillis()).isEqualTo(2_730_000L);
        assertThat(second.explicit()).isTrue();
        assertThat(feed.problems()).isEmpty();
    }

    @Test
    void anchor_single_digit_day_m4a_and_an_item_without_audio_skipped_with_its_reason() {
        Feeds.Read feed = Feeds.fixture("anchor.xml", null);

        assertThat(feed.itemsInFeed()).isEqualTo(2);
        assertThat(feed.items()).hasSize(1);
        ImportedItem moths = feed.items().get(0);
        assertThat(moths.title()).isEqualTo("Episode 3: Moths");
        assertThat(moths.publishedAt()).isEqualTo(Instant.parse("2021-02-03T08:00:00Z"));
        assertThat(moths.durationMillis()).isEqualTo(2_712_000L);
        assertThat(moths.enclosure().type()).isEqualTo("audio/x-m4a");
        assertThat(moths.enclosure().url()).startsWith("https://anchor.fm/s/abc123/podcast/play/25000000/https%3A%2F%2F");
        assertThat(moths.descriptionMarkdown()).isEqualTo("Moths, mostly.\n\nThanks to our guest.\\\nSee you next week.");
        assertThat(moths.summary()).isEqualTo("Moths, mostly.");
        assertThat(feed.problems()).containsExactly(
                new ImportProblem(1, "8d2c5b0e-0b5c-4c1e-8a55-3d3d3d3d3d00", "no enclosure: skipped (nothing to play)"));
        assertThat(feed.show().selfUrl()).isEqualTo("https://anchor.fm/s/abc123/podcast/rss");
        assertThat(feed.show().description()).isEqualTo("Late-night conversations.");
    }

    @Test
    void buzzsprout_podcasting_2_0_tags_locked_funding_persons_transcripts_chapters() {
        Feeds.Read feed = Feeds.fixture("buzzsprout.xml", "https://feeds.buzzsprout.com/100001.rss");

        ImportedShow show = feed.show();
        assertThat(show.isLocked()).isTrue();
        assertThat(show.locked()).isEqualTo(new ImportedShow.Locked(true, "chef@kitchen.example"));
        assertThat(show.funding()).containsExactly(new ImportedShow.Funding("https://www.buzzsprout.com/100001/support", "Support the show"));
        assertThat(show.persons()).containsExactly(
                new ImportedPerson("Chef Ada", "host", "cast", "https://kitchen.example", "https://kitchen.example/chef.jpg"));
        assertThat(show.podcastGuid()).isEqualTo("11111111-2222-5333-8444-555555555555");
        assertThat(show.serial()).isTrue();
        assertThat(show.categories()).containsExactly(new ImportedShow.Category("Science", "Chemistry"));
        assertThat(show.copyright()).isEqualTo("© 2023 Chef Ada");

        ImportedItem maillard = feed.item("Buzzsprout-12000002");
        assertThat(maillard.title()).isEqualTo("S1 E2: Maillard");
        assertThat(maillard.publishedAt()).isEqualTo(Instant.parse("2023-01-19T17:00:00Z"));
        assertThat(maillard.durationMillis()).isEqualTo(1_834_000L);
        assertThat(maillard.persons()).containsExactly(
                new ImportedPerson("Dr. Brown", "guest", "cast", "https://guest.example", "https://guest.example/brown.jpg"));
        assertThat(maillard.transcripts()).containsExactly(
                new ImportedTranscript("https://www.buzzsprout.com/100001/12000002/transcript", "text/html", null, null),
                new ImportedTranscript("https://www.buzzsprout.com/100001/12000002/transcript.srt", "application/x-subrip", "en", "captions"));
        assertThat(maillard.chaptersUrl()).isEqualTo("https://www.buzzsprout.com/100001/12000002/chapters.json");
        assertThat(maillard.descriptionMarkdown()).isEqualTo(
                "Why browning tastes good. Guest: [Dr. Brown](https://guest.example).\n\n1. Sugars\n2. Amino acids");

        ImportedItem bonus = feed.item("Buzzsprout-12000001");
        assertThat(bonus.title()).isEqualTo("Bonus: Q&A");
        assertThat(bonus.episodeType()).isEqualTo("bonus");
        assertThat(bonus.episode()).isNull();
        assertThat(bonus.season()).isEqualTo(1);
    }

    @Test
    void transistor_inline_podlove_chapters_paging_link_and_a_bad_chapter_reported() {
        Feeds.Read feed = Feeds.fixture("transistor.xml", "https://feeds.transistor.fm/build-log");

        assertThat(feed.show().nextPageUrl()).isEqualTo("https://feeds.transistor.fm/build-log?page=2");
        assertThat(feed.show().locked()).isEqualTo(new ImportedShow.Locked(false, "dev@build.example"));
        assertThat(feed.show().isLocked()).isFalse();
        ImportedItem item = feed.items().get(0);
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2023-01-19T21:00:00Z"));
        assertThat(item.episode()).isEqualTo(7);
        assertThat(item.chapters()).containsExactly(
                new ImportedChapter(0, "Intro", null, null, true),
                new ImportedChapter(159_000, "The bug", "https://build.example/bug", null, true),
                new ImportedChapter(3_723_250, "Outro", null, "https://img.transistor.fm/outro.jpg", true));
        assertThat(item.chaptersUrl()).isEqualTo("https://share.transistor.fm/s/6f5a8c1e/chapters.json");
        assertThat(item.descriptionMarkdown()).isEqualTo("We shipped. **Finally.**\n\nChapters below.");
        assertThat(feed.problemsOf(0)).containsExactly("psc:chapter start \"soon\" cannot be read: chapter left out");
    }

    @Test
    void megaphone_fractional_seconds_tracking_pixel_iframe_and_script_dropped_double_escaped_text_decoded() {
        Feeds.Read feed = Feeds.fixture("megaphone.xml", "https://feeds.megaphone.fm/NEWS1234567890");

        ImportedItem item = feed.items().get(0);
        assertThat(item.durationMillis()).isEqualTo(2_563_500L);
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2023-01-16T08:00:00Z"));
        assertThat(item.enclosure().length()).isZero();
        assertThat(item.enclosure().url())
                .isEqualTo("https://www.podtrac.com/pts/redirect.mp3/traffic.megaphone.fm/NEWS1234567890.mp3?updated=1673856000&from=feed");
        assertThat(item.descriptionMarkdown()).isEqualTo(
                "Markets, weather & more.\n\nLearn more about your ad choices. Visit [megaphone.fm/adchoices](https://megaphone.fm/adchoices)");
        assertThat(item.summary()).isEqualTo("Markets, weather & more.");
        assertThat(feed.show().categories()).containsExactly(new ImportedShow.Category("News", "Daily News"));
        assertThat(feed.show().artworkUrl()).isEqualTo("https://megaphone.imgix.net/podcasts/brief/image/brief.png?ixlib=rails-4.3.1&max-w=3000");
    }

    @Test
    void acast_protocol_relative_artwork_named_zone_and_its_footer_kept_as_a_link() {
        Feeds.Read feed = Feeds.fixture("acast.xml", null);

        assertThat(feed.show().artworkUrl()).isEqualTo("https://assets.pippa.io/shows/5f0000000000000000000001/show-cover.jpg");
        assertThat(feed.show().description()).startsWith("Tales from the water.\n\nHosted on Acast. See acast.com/privacy");
        ImportedItem item = feed.items().get(0);
        assertThat(item.imageUrl()).isEqualTo("https://assets.pippa.io/shows/5f0000000000000000000001/ep-lighthouse.jpg");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2023-01-20T05:00:00Z"));
        assertThat(item.durationMillis()).isEqualTo(2_536_000L);
        assertThat(item.descriptionMarkdown()).isEqualTo("""
                A keeper's story.

                Read by **Sam**.

                ***

                Hosted on Acast. See [acast.com/privacy](https://acast.com/privacy) for more information.""");
        assertThat(feed.problems()).isEmpty();
    }

    @Test
    void art19_escaped_html_descriptions_and_opaque_guids_kept_exactly() {
        Feeds.Read feed = Feeds.fixture("art19.xml", "https://rss.art19.com/history-hour");

        ImportedItem item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("gid://art19-episode-locator/V0/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef");
        assertThat(item.episode()).isEqualTo(101);
        assertThat(item.durationMillis()).isEqualTo(3_023_000L);
        assertThat(item.descriptionMarkdown()).isEqualTo("Gutenberg & after.\n\n[Sources](https://historyhour.example/sources)");
        assertThat(item.summary()).isEqualTo("Gutenberg & after.");
        assertThat(feed.show().owner()).isEqualTo(new ImportedShow.Owner("History Hour", "history@art19.example"));
    }

    @Test
    void a_sloppy_hand_written_feed_is_read_and_every_guess_or_skip_is_reported() {
        Feeds.Read feed = Feeds.fixture("sloppy.xml", null);

        ImportedShow show = feed.show();
        assertThat(show.title()).isEqualTo("Sloppy & Proud");
        assertThat(show.description()).isEqualTo("Everything \u00a0wrong, on purpose. AT&T would not approve.");
        assertThat(show.artworkUrl()).isEqualTo("https://sloppy.example/art/cover.jpg");
        assertThat(show.explicit()).isNull();
        assertThat(show.persons()).containsExactly(new ImportedPerson("Solo Host", "host", "cast", null, null));

        assertThat(feed.items()).extracting(ImportedItem::guid).containsExactly("ep-1", "ep-2", "ep-3", "ep-4");
        ImportedItem one = feed.item("ep-1");
        assertThat(one.publishedAt()).isEqualTo(Instant.parse("2019-03-05T15:00:00Z"));
        assertThat(one.enclosure()).isEqualTo(new ImportedEnclosure("https://sloppy.example/media/ep%201.mp3", "audio/mpeg", null));
        assertThat(one.durationMillis()).isEqualTo(3_723_500L);
        assertThat(one.descriptionMarkdown()).isEqualTo("Line one\\\nline two\n\nSecond paragraph with <https://sloppy.example/link>.");
        assertThat(one.guidIsPermaLink()).isTrue();

        ImportedItem two = feed.item("ep-2");
        assertThat(two.publishedAt()).isEqualTo(Instant.parse("2019-07-10T01:30:00Z"));
        assertThat(two.enclosure().url()).isEqualTo("https://cdn.sloppy.example/ep2.mp3?a=1&b=2");
        assertThat(two.durationMillis()).isNull();
        assertThat(two.descriptionMarkdown()).isEqualTo("Raw **HTML** that was never escaped.");

        ImportedItem three = feed.item("ep-3");
        assertThat(three.publishedAt()).isEqualTo(Instant.parse("2019-07-16T18:30:00Z"));
        assertThat(three.enclosure().url()).isEqualTo("https://sloppy.example/podcast/ep3.mp3");
        assertThat(feed.item("ep-4").publishedAt()).isNull();

        assertThat(feed.channelProblems()).anyMatch(m -> m.contains("HTML entity (&nbsp;)"));
        assertThat(feed.channelProblems()).anyMatch(m -> m.contains("\"content:\" is used without being declared"));
        assertThat(feed.channelProblems()).anyMatch(m -> m.contains("itunes:explicit \"maybe\""));
        assertThat(feed.problemsOf(2)).containsExactly("itunes:duration \"forever\" cannot be read");
        assertThat(feed.problemsOf(3)).containsExactly("pubDate \"sometime last week\" cannot be read");
        assertThat(feed.problemsOf(4)).containsExactly("duplicate guid: the same as item 0: skipped");
        assertThat(feed.problemsOf(5)).singleElement().asString().startsWith("no guid: skipped");
        assertThat(feed.problemsOf(6)).containsExactly("no enclosure: skipped (nothing to play)");
        assertThat(feed.problemsOf(7)).singleElement().asString().contains("\"javascript:alert(1)\" is not a usable http(s) URL");
    }

    @Test
    void a_missing_guid_can_take_the_enclosure_url_when_the_host_asks_and_it_is_still_reported() {
        var reader = new FeedReader(FeedLimits.DEFAULTS, MissingGuid.USE_ENCLOSURE_URL);
        var feed = Feeds.read(HostFixturesTest.class.getResourceAsStream("/feeds/sloppy.xml"), null, reader);

        ImportedItem noGuid = feed.item("https://sloppy.example/no-guid.mp3");
        assertThat(noGuid.guidIsPermaLink()).isFalse();
        assertThat(feed.problemsOf(5)).containsExactly("no guid: the enclosure URL is used as its guid, as asked");
    }
}
