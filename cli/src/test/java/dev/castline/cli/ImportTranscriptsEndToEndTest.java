package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code castline import feed} carries each item's {@code podcast:transcript}: fetched from the old
 * host with the import's hardened fetcher (WebVTT first, then SRT, then Podcasting 2.0 JSON),
 * attached with {@code PUT .../transcript}, and served by Castline in its three formats. A
 * transcript that cannot be fetched or read is reported and its episode imported all the same; a
 * second run sends no PUT; a run that left an episode without its transcript is resumed.
 */
@ExtendWith(LocalStack.class)
class ImportTranscriptsEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RSS = "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
            + " xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel><title>Tides Transcribed</title>";
    private static final String VTT = """
            WEBVTT

            00:00.000 --> 00:04.500
            <v Ada Fielding>Welcome to the tides.

            00:04.500 --> 00:09.000
            <v Nick>Thanks for having me.
            """;
    private static final String SRT = """
            1
            00:00:01,000 --> 00:00:03,250
            Ada: Spring tides come twice a month.

            2
            00:00:03,250 --> 00:00:05,000
            Nick: Neap tides in between.
            """;
    private static final String JSON = """
            {"version": "1.0.0", "segments": [
              {"speaker": "Ada", "startTime": 0.5, "endTime": 2, "body": "Moon and sun."},
              {"speaker": "Nick", "startTime": 2, "endTime": 4.25, "body": "Pulling together."}]}
            """;

    static FeedServer server;
    private final LocalStack.Running running;

    ImportTranscriptsEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    private static String item(String guid, String title, boolean duration, String... transcripts) {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < transcripts.length; i += 2) {
            links.append("<podcast:transcript url=\"").append(server.url(transcripts[i])).append("\" type=\"").append(transcripts[i + 1])
                    .append("\" language=\"en\"/>");
        }
        return "<item><title>" + title + "</title><guid>" + guid + "</guid><pubDate>Fri, 05 Mar 2021 12:00:00 +0000</pubDate>"
                + "<enclosure url=\"https://cdn.tides.example/" + guid + ".mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
                + (duration ? "<itunes:duration>60</itunes:duration>" : "") + links + "</item>";
    }

    private static byte[] feed(String... items) {
        return (RSS + String.join("", items) + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void oldHost() {
        server = new FeedServer()
                .bytes("/t/vtt.vtt", "text/vtt", VTT.getBytes(StandardCharsets.UTF_8))
                .bytes("/t/vtt.html", "text/html", "<p>Welcome to the tides.</p>".getBytes(StandardCharsets.UTF_8))
                .bytes("/t/srt.srt", "application/x-subrip", SRT.getBytes(StandardCharsets.UTF_8))
                .bytes("/t/srt.json", "application/json", JSON.getBytes(StandardCharsets.UTF_8))
                .bytes("/t/json.json", "application/json", JSON.getBytes(StandardCharsets.UTF_8))
                .bytes("/t/fallback.srt", "application/srt", SRT.getBytes(StandardCharsets.UTF_8))
                .bytes("/t/unmeasured.vtt", "text/vtt", VTT.getBytes(StandardCharsets.UTF_8))
                .bytes("/t/only.html", "text/html", "<p>Words, no times.</p>".getBytes(StandardCharsets.UTF_8))
                .bytes("/t/broken.vtt", "text/vtt", "WEBVTT\n\nnot a timing\nhello\n".getBytes(StandardCharsets.UTF_8))
                .redirect("/t/loop-a.vtt", 302, "/t/loop-b.vtt")
                .redirect("/t/loop-b.vtt", 302, "/t/loop-a.vtt")
                .handler("/t/huge.vtt", exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write("WEBVTT\n\n".getBytes(StandardCharsets.UTF_8));
                        byte[] chunk = new byte[1024 * 1024];
                        Arrays.fill(chunk, (byte) 'a');
                        for (int i = 0; i < 6; i++) {
                            out.write(chunk);
                        }
                    }
                })
                .bytes("/t/later.vtt", "text/vtt", VTT.getBytes(StandardCharsets.UTF_8));
        server.bytes("/good.xml", "application/rss+xml", feed(
                        item("tr-vtt", "Tides With Captions", true, "/t/vtt.html", "text/html", "/t/vtt.vtt", "text/vtt"),
                        item("tr-srt", "Tides With Subtitles", true, "/t/srt.json", "application/json", "/t/srt.srt", "application/x-subrip"),
                        item("tr-json", "Tides With Segments", true, "/t/json.json", "application/json"),
                        item("tr-fallback", "Tides With A Lost Caption File", true, "/t/gone.vtt", "text/vtt", "/t/fallback.srt", "application/srt"),
                        item("tr-unmeasured", "Tides Without A Duration", false, "/t/unmeasured.vtt", "text/vtt")))
                .bytes("/bad.xml", "application/rss+xml", feed(
                        item("tr-html", "Tides In Prose", true, "/t/only.html", "text/html"),
                        item("tr-broken", "Tides With A Broken Caption File", true, "/t/broken.vtt", "text/vtt"),
                        item("tr-missing", "Tides With A Missing Caption File", true, "/t/missing.vtt", "text/vtt"),
                        item("tr-loop", "Tides Going Round", true, "/t/loop-a.vtt", "text/vtt"),
                        item("tr-huge", "Tides Too Long", true, "/t/huge.vtt", "text/vtt")))
                .bytes("/later.xml", "application/rss+xml", feed(item("tr-later", "Tides Transcribed Later", true, "/t/later.vtt", "text/vtt")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void showAsItWas() {
        Cli.on(running).ok("show", "set", "title=Running Locally");
    }

    private String served(String guid, String format) throws Exception {
        SyndEntry entry = ImportFeeds.castlineFeed(running).get(guid);
        assertThat(entry).as("%s in Castline's feed", guid).isNotNull();
        URI url = URI.create(running.stack().baseUrl() + ImportFeeds.pagePath(entry) + "/transcript." + format);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode();
    }

    @Test
    void eachFormatIsFetchedAttachedAndServedAndASecondRunSendsNoPut() throws Exception {
        Cli cli = Cli.on(running);
        String url = server.url("/good.xml").toString();

        Cli.Run first = cli.ok("import", "feed", url);

        assertThat(first.out()).contains("imported 5 episode(s); 0 already there").contains("; transcripts attached to 5");
        assertThat(first.requests("PUT")).filteredOn(r -> r.uri().getPath().endsWith("/transcript")).hasSize(5)
                .allMatch(r -> "language=en".equals(r.uri().getQuery()));
        assertThat(served("tr-vtt", "vtt")).contains("00:00:00.000 --> 00:00:04.500\n<v Ada Fielding>Welcome to the tides.")
                .contains("00:00:04.500 --> 00:00:09.000\n<v Nick>Thanks for having me.");
        assertThat(served("tr-srt", "vtt")).contains("00:00:01.000 --> 00:00:03.250\n<v Ada>Spring tides come twice a month.")
                .contains("00:00:03.250 --> 00:00:05.000\n<v Nick>Neap tides in between.");
        assertThat(served("tr-json", "vtt")).contains("00:00:00.500 --> 00:00:02.000\n<v Ada>Moon and sun.")
                .contains("00:00:02.000 --> 00:00:04.250\n<v Nick>Pulling together.");
        assertThat(served("tr-fallback", "vtt")).contains("<v Ada>Spring tides come twice a month.");
        assertThat(served("tr-unmeasured", "vtt")).as("no itunes:duration: 0 s, unknown, not checked")
                .contains("<v Ada Fielding>Welcome to the tides.");
        assertThat(served("tr-vtt", "srt")).contains("00:00:00,000 --> 00:00:04,500\nAda Fielding: Welcome to the tides.");
        assertThat(served("tr-srt", "json")).contains("\"speaker\":\"Ada\"").contains("Spring tides come twice a month.");
        assertThat(ImportFeeds.get(URI.create(running.stack().baseUrl() + "/feed.xml")))
                .containsPattern("<podcast:transcript url=\"[^\"]+/transcript\\.vtt\" type=\"text/vtt\" language=\"en\"");
        assertThat(server.asked()).as("WebVTT, then SRT, then JSON: the SRT item's JSON and the VTT item's HTML are never fetched")
                .contains("/t/vtt.vtt", "/t/srt.srt", "/t/gone.vtt", "/t/fallback.srt").doesNotContain("/t/srt.json", "/t/vtt.html");
        assertThat(first.err()).contains("item 3 (guid tr-fallback): transcript " + server.url("/t/fallback.srt") + " attached, after the transcript "
                + server.url("/t/gone.vtt") + ": answered 404");

        Cli.Run second = cli.ok("import", "feed", url);

        assertThat(second.out()).contains("imported 0 episode(s); 5 already there; show settings up to date");
        assertThat(second.requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");
        assertThat(second.requests("POST")).hasSize(5).allMatch(r -> r.uri().getPath().equals("/api/v1/admin/imports"));
        assertThat(second.requests("GET")).as("the transcripts are not fetched again").noneMatch(r -> r.uri().getPath().startsWith("/t/"));
    }

    @Test
    void aTranscriptThatCannotBeFetchedOrReadIsReportedAndItsEpisodeImported() throws Exception {
        Cli cli = Cli.on(running);
        String url = server.url("/bad.xml").toString();

        Cli.Run run = cli.ok("import", "feed", url, "--timeout", "5");

        assertThat(run.out()).contains("imported 5 episode(s); 0 already there").doesNotContain("transcripts attached");
        Map<String, SyndEntry> feed = ImportFeeds.castlineFeed(running);
        assertThat(feed).containsKeys("tr-html", "tr-broken", "tr-missing", "tr-loop", "tr-huge");
        for (String guid : new String[] {"tr-html", "tr-broken", "tr-missing", "tr-loop", "tr-huge"}) {
            assertThat(served(guid, "vtt")).as(guid).isEqualTo("HTTP 404");
        }
        assertThat(run.err())
                .contains("item 0 (guid tr-html): 1 transcript link(s) not carried: " + server.url("/t/only.html")
                        + " is text/html: Castline takes timed transcripts (WebVTT, SRT or Podcasting 2.0 JSON), and this has no times to make cues of")
                .contains("item 1 (guid tr-broken): 1 transcript link(s) not carried: the transcript " + server.url("/t/broken.vtt")
                        + ": the API answered 400")
                .contains("line 4")
                .contains("item 2 (guid tr-missing): 1 transcript link(s) not carried: the transcript " + server.url("/t/missing.vtt")
                        + ": answered 404")
                .contains("item 3 (guid tr-loop): 1 transcript link(s) not carried: the transcript " + server.url("/t/loop-a.vtt")
                        + ": more than " + Fetcher.MAX_REDIRECTS + " redirects")
                .contains("item 4 (guid tr-huge): 1 transcript link(s) not carried: the transcript " + server.url("/t/huge.vtt")
                        + " is larger than 5.0 MiB");
        assertThat(server.asked().stream().filter(p -> p.startsWith("/t/loop-")).count()).as("the redirects are bounded")
                .isLessThanOrEqualTo(Fetcher.MAX_REDIRECTS + 1);

        // Again: nothing written. The one file the API refused is tried again (the old host may have fixed it), refused again.
        Cli.Run second = cli.ok("import", "feed", url, "--timeout", "5");
        assertThat(second.out()).contains("imported 0 episode(s); 5 already there");
        assertThat(second.requests("PUT")).hasSize(1).allMatch(r -> r.uri().getPath().endsWith("/transcript"));
        assertThat(second.err()).contains("item 1 (guid tr-broken): 1 transcript link(s) not carried");
        assertThat(served("tr-broken", "vtt")).isEqualTo("HTTP 404");
    }

    @Test
    void withoutFetchingTheEpisodeIsImportedBareAndALaterRunAttachesItsTranscript() throws Exception {
        Cli cli = Cli.on(running);
        String url = server.url("/later.xml").toString();

        Cli.Run bare = cli.ok("import", "feed", url, "--no-transcripts-fetch");

        assertThat(bare.out()).contains("imported 1 episode(s)");
        assertThat(bare.err()).contains("item 0 (guid tr-later): 1 transcript link(s) not carried (--no-transcripts-fetch)");
        assertThat(bare.requests()).noneMatch(r -> r.uri().getPath().startsWith("/t/"));
        assertThat(served("tr-later", "vtt")).isEqualTo("HTTP 404");

        Cli.Run dry = cli.ok("import", "feed", url, "--dry-run");
        assertThat(dry.out()).contains("already there tr-later").contains("(transcript from " + server.url("/t/later.vtt") + ")");
        assertThat(dry.requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");

        Cli.Run resumed = cli.ok("import", "feed", url);
        assertThat(resumed.out()).contains("imported 0 episode(s); 1 already there").contains("; transcripts attached to 1");
        assertThat(served("tr-later", "vtt")).contains("<v Ada Fielding>Welcome to the tides.");

        Cli.Run again = cli.ok("import", "feed", url);
        assertThat(again.requests("PUT")).isEmpty();
        assertThat(cli.ok("import", "feed", url, "--dry-run").out()).contains("already there tr-later").doesNotContain("transcript from");
    }
}
