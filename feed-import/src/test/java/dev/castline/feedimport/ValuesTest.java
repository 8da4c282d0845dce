package dev.castline.feedimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Dates, durations, URLs and chapters JSON as feeds write them. */
class ValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Sat, 15 Jun 2019 19:00:00 GMT      | 2019-06-15T19:00:00Z",
        "15 Jun 2019 19:00:00 GMT           | 2019-06-15T19:00:00Z",
        "Sat, 5 Jun 2019 19:00:00 +0000     | 2019-06-05T19:00:00Z",
        "Mon, 15 Jun 2019 19:00:00 GMT      | 2019-06-15T19:00:00Z",
        "Sat, 15 Jun 19 19:00:00 GMT        | 2019-06-15T19:00:00Z",
        "Sat, 15 Jun 99 19:00:00 GMT        | 1999-06-15T19:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 EST      | 2019-06-16T00:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 EDT      | 2019-06-15T23:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 PDT      | 2019-06-16T02:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 PST      | 2019-06-16T03:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 CST      | 2019-06-16T01:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 UT       | 2019-06-15T19:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 Z        | 2019-06-15T19:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 -0500    | 2019-06-16T00:00:00Z",
        "Sat, 15 Jun 2019 19:00:00 +05:30   | 2019-06-15T13:30:00Z",
        "Sat, 15 Jun 2019 19:00:00 GMT+0200 | 2019-06-15T17:00:00Z",
        "Sat,  15  Jun  2019  19:00  GMT    | 2019-06-15T19:00:00Z",
        "Saturday, 15 June 2019 19:00:00 GMT| 2019-06-15T19:00:00Z",
        "Sat, 15 SEPT 2019 07:00:00 PM GMT  | 2019-09-15T19:00:00Z",
        "Sat Jun 15 19:00:00 2019 GMT       | 2019-06-15T19:00:00Z",
        "2019-06-15T19:00:00Z               | 2019-06-15T19:00:00Z",
        "2019-06-15T19:00:00.5+02:00        | 2019-06-15T17:00:00.5Z",
        "2019-06-15 19:00:00+0000           | 2019-06-15T19:00:00Z",
    })
    void dates_in_the_forms_feeds_use(String text, String expected) {
        assertThat(FeedDates.parse(text)).get().extracting(FeedDates.Parsed::instant).isEqualTo(Instant.parse(expected));
    }

    @Test
    void a_date_without_a_zone_is_read_as_utc_with_a_note() {
        assertThat(FeedDates.parse("Sat, 15 Jun 2019 19:00:00")).get()
                .isEqualTo(new FeedDates.Parsed(Instant.parse("2019-06-15T19:00:00Z"), "no time zone: read as UTC"));
        assertThat(FeedDates.parse("2019-06-15")).get().extracting(FeedDates.Parsed::note).asString().contains("midnight UTC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "yesterday", "Sat, 32 Jun 2019 19:00:00 GMT", "Sat, 15 Foo 2019 19:00:00 GMT",
        "Sat, 15 Jun 2019 25:00:00 GMT", "Sat, 15 Jun 2019 19:00:00 XYZT", "2019-13-45T00:00:00Z", "15 Jun"})
    void unreadable_dates_are_empty_never_an_exception(String text) {
        assertThat(FeedDates.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "3023       | 3023000", "3023.5 | 3023500", "50:23 | 3023000", "1:02:03 | 3723000", "01:02:03.250 | 3723250",
        "75:00      | 4500000", "0 | 0", " 61 | 61000", "35:12.250 | 2112250", "1:2:3 | 3723000", "12,5 | 12500"})
    void durations_and_normal_play_time(String text, long millis) {
        assertThat(Durations.parseMillis(text)).hasValue(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1:60", "1:02:60", "1:2:3:4", "-5", "PT1H", "1h", "1::2", "99999999999999"})
    void unreadable_durations_are_empty(String text) {
        assertThat(Durations.parseMillis(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "https://a.example/x.mp3           | https://a.example/x.mp3",
        "/media/x.mp3                      | https://feeds.example/media/x.mp3",
        "x.mp3                             | https://feeds.example/show/x.mp3",
        "//cdn.example/x.mp3               | https://cdn.example/x.mp3",
        "https://a.example/my episode.mp3  | https://a.example/my%20episode.mp3",
        "https://a.example/caf\u00e9.mp3   | https://a.example/caf%C3%A9.mp3",
        "https://a.example/a%20b.mp3       | https://a.example/a%20b.mp3",
        "https://a.example/100%.mp3        | https://a.example/100%25.mp3",
        "javascript:alert(1)               | NULL",
        "data:audio/mpeg;base64,AAAA       | NULL",
        "file:///etc/passwd                | NULL",
        "ftp://a.example/x.mp3             | NULL",
        "https://                          | NULL",
    })
    void urls_resolve_against_the_feed_and_only_http_survives(String raw, String expected) {
        assertThat(Urls.resolve(raw, URI.create("https://feeds.example/show/feed.xml"))).isEqualTo(expected);
    }

    @Test
    void a_relative_url_without_any_base_is_unusable_but_a_protocol_relative_one_takes_https() {
        assertThat(Urls.resolve("/x.mp3", null)).isNull();
        assertThat(Urls.resolve("//cdn.example/x.mp3", null)).isEqualTo("https://cdn.example/x.mp3");
        assertThat(Urls.resolve("//cdn.example/x.mp3", URI.create("http://feeds.example/"))).isEqualTo("http://cdn.example/x.mp3");
    }

    @Test
    void namespace_variants_are_matched_by_uri() {
        assertThat(Ns.of("http://www.itunes.com/dtds/podcast-1.0.dtd")).isEqualTo(Ns.ITUNES);
        assertThat(Ns.of("http://www.itunes.com/DTDs/Podcast-1.0.dtd")).isEqualTo(Ns.ITUNES);
        assertThat(Ns.of("https://itunes.com/dtds/podcast-1.0.dtd")).isEqualTo(Ns.ITUNES);
        assertThat(Ns.of("https://podcastindex.org/namespace/1.0")).isEqualTo(Ns.PODCAST);
        assertThat(Ns.of("https://podcastindex.org/namespace/1.0/")).isEqualTo(Ns.PODCAST);
        assertThat(Ns.of("https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md")).isEqualTo(Ns.PODCAST);
        assertThat(Ns.of("http://purl.org/rss/1.0/modules/content")).isEqualTo(Ns.CONTENT);
        assertThat(Ns.of("https://www.w3.org/2005/Atom")).isEqualTo(Ns.ATOM);
        assertThat(Ns.of("http://podlove.org/simple-chapters/")).isEqualTo(Ns.PSC);
        assertThat(Ns.of("https://example.com/itunes")).isEqualTo(Ns.OTHER);
    }

    @Test
    void elements_are_matched_by_namespace_not_by_prefix() {
        String xml = "<rss xmlns:i=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:itunes=\"https://example.com/not-itunes\"><channel>"
                + "<title>T</title><i:author>Right</i:author><itunes:author>Wrong</itunes:author>"
                + Feeds.item("a", "<i:duration>61</i:duration><itunes:duration>99</itunes:duration>") + "</channel></rss>";
        Feeds.Read feed = Feeds.string(xml);

        assertThat(feed.show().author()).isEqualTo("Right");
        assertThat(feed.items().get(0).durationMillis()).isEqualTo(61_000L);
    }

    @Test
    void a_live_item_in_the_channel_is_neither_an_item_nor_the_channel_title() {
        Feeds.Read feed = Feeds.string(Feeds.rss("<podcast:liveItem status=\"pending\"><title>Live!</title>"
                + "<guid>live</guid><enclosure url=\"https://s.example/live.mp3\" type=\"audio/mpeg\" length=\"1\"/></podcast:liveItem>"
                + Feeds.item("a", "")));

        assertThat(feed.show().title()).isEqualTo("T");
        assertThat(feed.items()).extracting(ImportedItem::guid).containsExactly("a");
    }

    @Test
    void items_are_delivered_one_at_a_time_and_the_channel_is_known_before_the_first() {
        String xml = Feeds.rss("<podcast:locked owner=\"o@example.com\">yes</podcast:locked>" + Feeds.item("a", "") + Feeds.item("b", "")
                + "<copyright>after the items</copyright>");
        try (FeedCursor cursor = new FeedReader().open(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null)) {
            assertThat(cursor.show().isLocked()).isTrue();
            assertThat(cursor.show().copyright()).isNull();
            assertThat(cursor.next().guid()).isEqualTo("a");
            assertThat(cursor.itemsRead()).isEqualTo(1);
            assertThat(cursor.next().guid()).isEqualTo("b");
            assertThat(cursor.hasNext()).isFalse();
            assertThat(cursor.show().copyright()).isEqualTo("after the items");
        }
    }

    @Test
    void a_50_mb_feed_streams_the_first_item_arrives_after_a_sliver_of_the_input() {
        byte[] head = Feeds.rss("").replace("</channel>\n</rss>\n", "").getBytes(StandardCharsets.UTF_8);
        byte[] unit = Feeds.item("g", "<description>" + "Long show notes. ".repeat(1500) + "</description>").getBytes(StandardCharsets.UTF_8);
        int count = (50 * 1024 * 1024) / unit.length;
        java.util.concurrent.atomic.AtomicLong pulled = new java.util.concurrent.atomic.AtomicLong();
        java.io.InputStream in = new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(head),
                java.util.stream.IntStream.range(0, count).mapToObj(i -> new String(unit, StandardCharsets.UTF_8).replace(">g<", ">g" + i + "<")
                        .getBytes(StandardCharsets.UTF_8)))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                    list.add("</channel></rss>".getBytes(StandardCharsets.UTF_8));
                    return list.stream();
                }))
                .map(b -> (java.io.InputStream) new java.io.ByteArrayInputStream(b) {
                    @Override
                    public synchronized int read(byte[] buf, int off, int len) {
                        int n = super.read(buf, off, len);
                        pulled.addAndGet(Math.max(n, 0));
                        return n;
                    }
                }).toList()));
        java.util.List<Long> pulledAtItem = new java.util.ArrayList<>();
        FeedSummary summary = new FeedReader().read(in, null, item -> {
            if (pulledAtItem.size() < 1) {
                pulledAtItem.add(pulled.get());
            }
        });

        assertThat(summary.itemsDelivered()).isEqualTo(count);
        assertThat(pulled.get()).isGreaterThan(45L * 1024 * 1024);
        assertThat(pulledAtItem.get(0)).isLessThan(1024 * 1024);
    }

    @Test
    void chapters_json_is_read_sorted_with_unreadable_chapters_reported() {
        String json = """
                {"version":"1.2.0","author":"x","chapters":[
                  {"startTime":159.5,"title":"Second","url":"https://a.example/2","img":"/img/2.jpg"},
                  {"startTime":0,"title":"<b>First</b>"},
                  {"title":"No start"},
                  {"startTime":300,"title":"Hidden","toc":false,"url":"javascript:alert(1)"},
                  "not an object",
                  {"startTime":"7:48","title":"String start","extra":{"nested":[1,2,3]}}
                ]}""";
        ChaptersJson.Result result = ChaptersJson.read(json.getBytes(StandardCharsets.UTF_8), URI.create("https://a.example/ch/chapters.json"));

        assertThat(result.version()).isEqualTo("1.2.0");
        assertThat(result.chapters()).containsExactly(
                new ImportedChapter(0, "First", null, null, true),
                new ImportedChapter(159_500, "Second", "https://a.example/2", "https://a.example/img/2.jpg", true),
                new ImportedChapter(300_000, "Hidden", null, null, false),
                new ImportedChapter(468_000, "String start", null, null, true));
        assertThat(result.problems()).containsExactly(
                "chapter 2 (\"No start\") has no readable startTime: left out", "chapter 4 is not an object: left out");
    }

    @Test
    void a_file_that_is_not_chapters_json_is_refused_clearly() {
        assertThatThrownBy(() -> ChaptersJson.read("[1,2]".getBytes(StandardCharsets.UTF_8), null)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ChaptersJson.read("{\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8), null)).hasMessageContaining("no \"chapters\"");
        assertThatThrownBy(() -> ChaptersJson.read("{\"chapters\":[".getBytes(StandardCharsets.UTF_8), null)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ChaptersJson.read(new byte[ChaptersJson.MAX_BYTES + 1], null)).hasMessageContaining("larger than");
    }
}
