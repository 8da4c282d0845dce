package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feeds that try to break the importer: each ends with a clear error (exit 2), no request to the
 * admin API that writes, and no episode of it in Castline's feed.
 */
@ExtendWith(LocalStack.class)
class ImportHostileFeedTest {
    static FeedServer server;
    private final LocalStack.Running running;

    ImportHostileFeedTest(LocalStack.Running running) {
        this.running = running;
    }

    private static String item(String guid) {
        return "<item><title>Item " + guid + "</title><guid>" + guid + "</guid><pubDate>Fri, 05 Mar 2021 12:00:00 +0000</pubDate>"
                + "<enclosure url=\"https://cdn.hostile.example/" + guid + ".mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
                + "<itunes:duration>60</itunes:duration></item>";
    }

    private static final String RSS = "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel><title>Hostile</title>";

    @BeforeAll
    static void hostileHost() {
        server = new FeedServer();
        String leak = server.url("/leak").toString();
        server.bytes("/xxe.xml", "text/xml", ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY file SYSTEM \"file:///etc/passwd\">\n"
                        + "<!ENTITY net SYSTEM \"" + leak + "\">\n]>\n" + RSS + item("xxe-1").replace("Item xxe-1", "&file;&net;") + item("xxe-2")
                        + "</channel></rss>").getBytes(StandardCharsets.UTF_8))
                .bytes("/laughs.xml", "text/xml", ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
                        + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                        + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                        + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                        + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                        + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                        + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                        + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                        + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n"
                        + RSS + item("laughs-1").replace("Item laughs-1", "&lol9;") + "</channel></rss>").getBytes(StandardCharsets.UTF_8))
                .handler("/junk.xml", exchange -> {
                    // A good start, one good item, then 100 MB of junk, sent as it is made.
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write((RSS + item("junk-1") + "<item><title>").getBytes(StandardCharsets.UTF_8));
                        byte[] junk = new byte[1024 * 1024];
                        Arrays.fill(junk, (byte) 'x');
                        for (int i = 0; i < 100; i++) {
                            out.write(junk);
                        }
                    }
                })
                .bytes("/truncated.xml", "text/xml", (RSS + item("truncated-1") + item("truncated-2") + "<item><title>cut he")
                        .getBytes(StandardCharsets.UTF_8))
                .handler("/stalls.xml", exchange -> {
                    // Headers and a good start, then nothing: a server that never finishes.
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write((RSS + item("stalls-1")).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                })
                .handler("/trickles.xml", exchange -> {
                    // A byte at a time, each well within the time-out: it would never end.
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    try {
                        for (byte b : (RSS + item("trickles-1") + "</channel></rss>").repeat(50).getBytes(StandardCharsets.UTF_8)) {
                            out.write(b);
                            out.flush();
                            Thread.sleep(200);
                        }
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    } catch (IOException closed) {
                        // the client gave up, as it should
                    }
                })
                .redirect("/loop/a", 302, "/loop/b")
                .redirect("/loop/b", 302, "/loop/a")
                .redirect("/to-file", 302, "file:///etc/passwd");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Cli.Run refused(String path, String because, String... guids) throws Exception {
        Cli cli = Cli.on(running);
        Instant start = Instant.now();
        Cli.Run run = cli.run("import", "feed", server.url(path).toString(), "--timeout", "2");
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(Exit.USAGE);
        assertThat(run.err()).contains(because);
        assertThat(Duration.between(start, Instant.now())).as("refused quickly").isLessThan(Duration.ofSeconds(20));
        assertThat(run.requests()).as("nothing sent to the admin API").noneMatch(r -> r.uri().getPath().startsWith("/api/"));
        if (guids.length > 0) {
            assertThat(ImportFeeds.castlineFeed(running).keySet()).doesNotContainAnyElementsOf(Arrays.asList(guids));
        }
        return run;
    }

    @Test
    void aDoctypeWithExternalEntitiesIsRefusedWithoutReadingThem() throws Exception {
        Cli.Run run = refused("/xxe.xml", "DOCTYPE", "xxe-1", "xxe-2");
        assertThat(run.err()).doesNotContain("root:");
        assertThat(server.asked()).doesNotContain("/leak");
    }

    @Test
    void aBillionLaughsIsRefusedQuickly() throws Exception {
        refused("/laughs.xml", "DOCTYPE", "laughs-1");
    }

    @Test
    void oneHundredMegabytesOfJunkIsRefused() throws Exception {
        Cli.Run run = refused("/junk.xml", "the feed", "junk-1");
        assertThat(run.err()).containsAnyOf("larger than", "Nothing was imported");
    }

    @Test
    void aFeedThatBreaksAfterGoodItemsImportsNone() throws Exception {
        Cli.Run run = refused("/truncated.xml", "Nothing was imported", "truncated-1", "truncated-2");
        assertThat(run.err()).contains("the feed cannot be imported");
    }

    @Test
    void aServerThatStallsIsLeftAfterTheTimeOut() throws Exception {
        refused("/stalls.xml", "nothing arrived for 2 s", "stalls-1");
    }

    @Test
    void aServerThatTricklesIsLeftOnceItsAverageIsTooSlow() throws Exception {
        refused("/trickles.xml", "arrives at under 1", "trickles-1");
    }

    @Test
    void aRedirectLoopIsBounded() throws Exception {
        Cli.Run run = refused("/loop/a", "more than " + Fetcher.MAX_REDIRECTS + " redirects");
        assertThat(run.requests()).hasSizeLessThanOrEqualTo(Fetcher.MAX_REDIRECTS + 1);
    }

    @Test
    void aRedirectToAFileIsRefused() throws Exception {
        refused("/to-file", "only http and https");
    }

    @Test
    void aFeedInTheWrongEncodingIsRefusedLeavingNothingAndImportsWhenTheHostNamesItsEncoding() throws Exception {
        // A good item first, then one whose title is Windows-1252 bytes in a feed that says UTF-8.
        String text = RSS + item("latin1-0") + item("latin1-1").replace("Item latin1-1", "Caf\u00e9 cr\u00e8me") + "</channel></rss>";
        byte[] declared = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text).getBytes(java.nio.charset.Charset.forName("windows-1252"));
        int bad = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text).indexOf('\u00e9');
        server.bytes("/latin1.xml", "text/xml; charset=utf-8", declared);
        Cli cli = Cli.on(running);
        var feedBefore = ImportFeeds.castlineFeed(running).keySet();
        String episodesBefore = cli.ok("episodes", "--json").out();

        Cli.Run refused = cli.run("import", "feed", server.url("/latin1.xml").toString());

        assertThat(refused.code()).as("exit code; stderr: %s", refused.err()).isEqualTo(Exit.USAGE);
        assertThat(refused.err()).contains("the feed cannot be imported: The feed declares UTF-8 but its bytes are not UTF-8: the first bad byte, "
                        + "0xE9, is at byte offset " + bad + " (line 2); the text looks like Windows-1252. Nothing was imported.")
                .contains("If the feed is Windows-1252, run again with --encoding windows-1252");
        assertThat(refused.requests()).as("nothing sent to the admin API").noneMatch(r -> r.uri().getPath().startsWith("/api/"));
        assertThat(ImportFeeds.castlineFeed(running).keySet()).as("Castline's feed unchanged").isEqualTo(feedBefore);
        assertThat(cli.ok("episodes", "--json").out()).as("the admin episode list unchanged").isEqualTo(episodesBefore);

        Cli.Run repaired = cli.ok("import", "feed", server.url("/latin1.xml").toString(), "--encoding", "windows-1252");

        assertThat(repaired.out()).contains("imported 2 episode(s)");
        assertThat(repaired.err()).contains("The feed declares UTF-8; read as windows-1252, as asked");
        assertThat(ImportFeeds.castlineFeed(running).get("latin1-1").getTitle()).isEqualTo("Caf\u00e9 cr\u00e8me");
        assertThat(cli.run("import", "feed", server.url("/latin1.xml").toString(), "--encoding", "klingon").err())
                .contains("--encoding klingon: not an encoding Java knows");
        cli.ok("show", "set", "title=Running Locally");
    }
}
