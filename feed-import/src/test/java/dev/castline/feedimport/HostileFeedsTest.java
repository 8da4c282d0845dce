package dev.castline.feedimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Feeds meant to hurt: each is refused quickly with a clear message, or read with nothing live left in it. */
class HostileFeedsTest {

    /** Counts connections to a local port for the duration of a read. */
    private static final class Listener implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final Thread thread;

        Listener() throws Exception {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(50);
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (var ignored = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        }

        @Override
        public void close() throws Exception {
            Thread.sleep(200);
            socket.close();
            thread.join();
        }
    }

    @Test
    void an_external_file_entity_is_refused_and_the_file_never_opened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("secret");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        boolean haveFifo = mk.waitFor() == 0;
        if (!haveFifo) {
            Files.writeString(fifo, "TOP-SECRET");
        }
        // A FIFO blocks whoever opens it until a writer comes: a parser that tried would hang the test (see @Timeout).
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + fifo.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";

        assertThatThrownBy(() -> Feeds.string(xml))
                .isInstanceOf(FeedImportException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    @Timeout(10)
    void an_external_http_entity_or_dtd_is_refused_and_no_connection_is_made() throws Exception {
        try (Listener listener = new Listener()) {
            String entity = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + listener.url("/entity") + "\">]>"
                    + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
            String dtd = "<!DOCTYPE rss SYSTEM \"" + listener.url("/dtd") + "\"><rss version=\"2.0\"><channel/></rss>";
            String parameter = "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"" + listener.url("/p") + "\"> %p;]><rss/>";

            for (String xml : List.of(entity, dtd, parameter)) {
                assertThatThrownBy(() -> Feeds.string(xml)).isInstanceOf(FeedImportException.class).hasMessageContaining("DOCTYPE");
            }
            // Defence in depth: the parser itself, without the guard in front, refuses too and connects nowhere.
            for (String xml : List.of(entity, dtd, parameter)) {
                assertThatThrownBy(() -> {
                    try (XmlWalker walker = new XmlWalker(new StringReader(xml), FeedLimits.DEFAULTS, m -> { })) {
                        walker.root();
                        walker.skip();
                    }
                }).isInstanceOf(FeedImportException.class);
            }
            Thread.sleep(300);
            assertThat(listener.connections).hasValue(0);
        }
    }

    @Test
    @Timeout(5)
    void billion_laughs_is_refused_in_under_a_second() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";

        long start = System.nanoTime();
        assertThatThrownBy(() -> Feeds.string(xml)).isInstanceOf(FeedImportException.class).hasMessageContaining("DOCTYPE");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    /** 100 MB made on the fly, counting what the reader pulls. */
    private static InputStream junk(byte[] head, byte[] unit, AtomicLong pulled) {
        long total = 100L * 1024 * 1024;
        return new InputStream() {
            long at;

            @Override
            public int read() {
                if (at >= total) {
                    return -1;
                }
                pulled.incrementAndGet();
                long i = at++;
                return (i < head.length ? head[(int) i] : unit[(int) ((i - head.length) % unit.length)]) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
    }

    @Test
    @Timeout(20)
    void a_hundred_megabytes_of_junk_is_refused_quickly_without_reading_it_all() {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        random[0] = 'x';
        record Case(String name, byte[] head, byte[] unit, String message) {
        }
        List<Case> cases = List.of(
                new Case("random bytes", new byte[0], random, "not XML"),
                new Case("whitespace forever", new byte[0], " \n".getBytes(), "No root element"),
                new Case("a comment forever", "<!--".getBytes(), "junk ".getBytes(), "No root element"),
                new Case("one endless title", "<rss><channel><title>".getBytes(), "AAAAAAAA".getBytes(), "characters without markup"),
                new Case("endless tiny elements", "<rss><channel>".getBytes(), "<x/>".getBytes(), "elements"),
                new Case("endless nesting", "<rss><channel>".getBytes(), "<a>".getBytes(), "nested deeper"),
                new Case("endless attribute", "<rss><channel><x y=\"".getBytes(), "A".getBytes(), "characters without markup"));
        for (Case c : cases) {
            AtomicLong pulled = new AtomicLong();
            long start = System.nanoTime();
            assertThatThrownBy(() -> Feeds.read(junk(c.head(), c.unit(), pulled), null, new FeedReader()))
                    .as(c.name()).isInstanceOf(FeedImportException.class).hasMessageContaining(c.message());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(pulled.get()).as(c.name() + ": bytes read").isLessThan(20L * 1024 * 1024);
            assertThat(millis).as(c.name() + ": milliseconds").isLessThan(5000);
        }
    }

    @Test
    void a_feed_over_the_byte_limit_is_refused_naming_the_limit() {
        String xml = Feeds.rss(Feeds.item("a", "<description>" + "words ".repeat(2000) + "</description>"));
        var reader = new FeedReader(FeedLimits.DEFAULTS.withMaxBytes(4096), MissingGuid.SKIP);

        assertThatThrownBy(() -> Feeds.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null, reader))
                .isInstanceOf(FeedImportException.class).hasMessage("The feed is larger than 4096 bytes, the import's limit");
    }

    @Test
    void too_many_items_and_too_long_a_text_are_refused_with_their_limits() {
        String items = Feeds.item("a", "") + Feeds.item("b", "") + Feeds.item("c", "");
        var fewItems = new FeedReader(FeedLimits.DEFAULTS.withMaxItems(2), MissingGuid.SKIP);
        assertThatThrownBy(() -> Feeds.read(new ByteArrayInputStream(Feeds.rss(items).getBytes(StandardCharsets.UTF_8)), null, fewItems))
                .hasMessageContaining("more than 2 items");

        String longText = Feeds.rss(Feeds.item("a", "<description><![CDATA[" + "<p>x</p>".repeat(300) + "]]></description>"));
        var shortTexts = new FeedReader(FeedLimits.DEFAULTS.withMaxTextChars(1000), MissingGuid.SKIP);
        assertThatThrownBy(() -> Feeds.read(new ByteArrayInputStream(longText.getBytes(StandardCharsets.UTF_8)), null, shortTexts))
                .hasMessageContaining("longer than 1000 characters").hasMessageContaining("line ");
    }

    @Test
    void a_windows_1252_feed_labelled_utf_8_is_refused_naming_the_byte_and_what_it_looks_like() {
        String xml = Feeds.rss(Feeds.item("a", "<description>\u201cCaf\u00e9\u201d \u2013 na\u00efve</description>"))
                .replace("<title>T</title>", "<title>Caf\u00e9 \u2019s</title>");
        byte[] bytes = xml.getBytes(Charset.forName("windows-1252"));

        assertThatThrownBy(() -> Feeds.bytes(bytes)).isInstanceOfSatisfying(FeedEncodingException.class, e -> {
            assertThat(e.looksLike()).isEqualTo("windows-1252");
            assertThat(e).hasMessageContaining("declares UTF-8 but its bytes are not UTF-8").hasMessageContaining("0xE9")
                    .hasMessageContaining("looks like Windows-1252");
        });
    }

    @Test
    void a_utf_8_feed_labelled_iso_8859_1_is_refused_as_utf_8() {
        String xml = Feeds.rss("").replace("UTF-8", "ISO-8859-1").replace("<title>T</title>", "<title>Caf\u00e9 \u2013 \u00fcber</title>");

        assertThatThrownBy(() -> Feeds.bytes(xml.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(FeedEncodingException.class,
                e -> assertThat(e).hasMessageContaining("declares ISO-8859-1 but its text is UTF-8").hasMessageContaining("0xC3 0xA9")
                        .hasMessageContaining("looks like UTF-8"));
    }

    @Test
    void honest_encodings_read_without_problems_and_unknown_or_wrong_ones_are_refused_by_name() {
        String xml = Feeds.rss("").replace("<title>T</title>", "<title>\u00c5ngstr\u00f6m \u65e5\u672c</title>");
        byte[] utf16 = xml.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16);
        assertThat(Feeds.bytes(utf16).show().title()).isEqualTo("\u00c5ngstr\u00f6m \u65e5\u672c");
        assertThat(Feeds.bytes(utf16).problems()).isEmpty();

        String latin1 = Feeds.rss("").replace("UTF-8", "ISO-8859-1").replace("<title>T</title>", "<title>Caf\u00e9</title>");
        Feeds.Read honest = Feeds.bytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(honest.show().title()).isEqualTo("Caf\u00e9");
        assertThat(honest.problems()).isEmpty();

        assertThatThrownBy(() -> Feeds.bytes(Feeds.rss("").replace("UTF-8", "x-klingon").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedImportException.class).hasMessageContaining("\"x-klingon\", which is not supported");
        byte[] notShiftJis = Feeds.rss("").replace("UTF-8", "Shift_JIS").replace("<title>T</title>", "<title>\u00ff\u00fe\u00fd\u00fc</title>")
                .getBytes(StandardCharsets.ISO_8859_1);
        notShiftJis[notShiftJis.length - 40] = (byte) 0xa0;
        assertThatThrownBy(() -> Feeds.bytes(new String(notShiftJis, StandardCharsets.ISO_8859_1)
                .replace("\u00ff\u00fe", "\u0080\u00a0").getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(FeedEncodingException.class).hasMessageContaining("declares Shift_JIS but its bytes are not Shift_JIS");
    }

    @Test
    void not_a_feed_at_all_is_named_for_what_it_is() {
        assertThatThrownBy(() -> Feeds.string("<!DOCTYPE html><html><body>Hi</body></html>")).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> Feeds.string("<html><body>Hi</body></html>")).hasMessageContaining("web page");
        assertThatThrownBy(() -> Feeds.string("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")).hasMessageContaining("Atom");
        assertThatThrownBy(() -> Feeds.string("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Feeds.string("{\"json\": true}")).hasMessageContaining("not XML");
        assertThatThrownBy(() -> Feeds.string("<rss><channel><title>cut off")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Feeds.string("<rss><channel><title>a</wrong></channel></rss>"))
                .isInstanceOf(FeedImportException.class).hasMessageStartingWith("The feed is not well-formed XML");
    }

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(2)>";

    @Test
    void script_in_every_text_field_comes_out_inert() {
        String both = SCRIPT + IMG;
        String escaped = both.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        String cdata = "<![CDATA[" + both + "]]>";
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:podcast=\"https://podcastindex.org/namespace/1.0\""
                + " xmlns:psc=\"http://podlove.org/simple-chapters\"><channel>"
                + "<title>" + cdata + "Show</title><link>javascript:alert(3)</link><description>" + escaped + "About</description>"
                + "<itunes:author>" + escaped + "Ann</itunes:author><copyright>" + cdata + "(c)</copyright>"
                + "<itunes:image href=\"javascript:alert(4)\"/><itunes:category text=\"" + escaped + "Arts\"/>"
                + "<itunes:owner><itunes:name>" + cdata + "Ann</itunes:name></itunes:owner>"
                + "<podcast:funding url=\"javascript:alert(5)\">" + escaped + "</podcast:funding>"
                + "<podcast:person href=\"javascript:alert(6)\" img=\"data:text/html,x\">" + escaped + "Bob</podcast:person>"
                + "<item><guid>g</guid><title>" + escaped + "Ep</title><pubDate>Tue, 05 Mar 2019 10:00:00 GMT</pubDate>"
                + "<link>javascript:alert(7)</link><itunes:image href=\"javascript:alert(8)\"/>"
                + "<enclosure url=\"https://media.example/a.mp3\" type=\"audio/mpeg\" length=\"1\"/>"
                + "<description>" + escaped + "<![CDATA[<a href=\"javascript:alert(9)\" onclick=\"x()\">click</a><style>p{}</style>"
                + "<iframe src=\"https://evil.example\"></iframe><p onmouseover=\"x()\">hi</p>]]></description>"
                + "<content:encoded>" + cdata + "<![CDATA[<a href=\"JaVaScRiPt:alert(10)\">x</a><object data=\"x\"></object>"
                + "<svg onload=\"alert(11)\"></svg>&lt;script&gt;alert(12)&lt;/script&gt;]]></content:encoded>"
                + "<itunes:summary>" + escaped + "</itunes:summary>"
                + "<psc:chapters><psc:chapter start=\"0\" title=\"" + escaped + "Intro\" href=\"javascript:alert(13)\"/></psc:chapters>"
                + "<podcast:person href=\"javascript:alert(14)\">" + cdata + "Guest</podcast:person>"
                + "<podcast:transcript url=\"javascript:alert(15)\" type=\"text/html\"/>"
                + "</item></channel></rss>";

        Feeds.Read feed = Feeds.string(xml);

        ImportedShow show = feed.show();
        ImportedItem item = feed.items().get(0);
        // Every field but the Markdown (checked below, rendered): plain text and URLs.
        String everything = show + " " + item.toString().replace(item.descriptionMarkdown(), "");
        assertThat(everything).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("onclick").doesNotContain("data:text");
        assertThat(show.title()).isEqualTo("Show");
        assertThat(show.author()).isEqualTo("Ann");
        assertThat(show.link()).isNull();
        assertThat(show.artworkUrl()).isNull();
        assertThat(show.funding()).isEmpty();
        assertThat(show.persons()).containsExactly(new ImportedPerson("Bob", "host", "cast", null, null));
        assertThat(item.title()).isEqualTo("Ep");
        assertThat(item.link()).isNull();
        assertThat(item.chapters()).containsExactly(new ImportedChapter(0, "Intro", null, null, true));
        assertThat(item.transcripts()).isEmpty();
        // The Markdown holds no raw HTML: even a renderer that passes raw HTML through gives none.
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(item.descriptionMarkdown()));
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("<object").doesNotContainIgnoringCase(" on");
        // content:encoded wins over description: the javascript: link keeps its text, the escaped script stays text.
        assertThat(item.descriptionMarkdown()).isEqualTo("x\\<script\\>alert(12)\\</script\\>");
    }
}
