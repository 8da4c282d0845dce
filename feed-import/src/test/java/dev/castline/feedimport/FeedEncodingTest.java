package dev.castline.feedimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bytes are read strictly in the feed's encoding (its byte-order mark, else its declaration, else
 * UTF-8): a feed whose bytes are not in it is refused, naming the encoding, the first bad byte's
 * offset and line, and what the bytes look like; nothing is ever read as U+FFFD. The caller may
 * name the encoding to read a mislabelled feed as.
 */
class FeedEncodingTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String CAFE = "Caf\u00e9 cr\u00e8me \u2019s \u2013 \u201cna\u00efve\u201d";

    private static String feed(String title) {
        return Feeds.rss(Feeds.item("a", "<description>" + title + "</description>")).replace("<title>T</title>", "<title>" + title + "</title>");
    }

    private static Feeds.Read readAs(byte[] bytes, Charset asked) {
        return Feeds.read(new ByteArrayInputStream(bytes), URI.create("https://feeds.example/show.xml"),
                new FeedReader(FeedLimits.DEFAULTS, MissingGuid.SKIP, asked));
    }

    private static int indexOf(byte[] bytes, int value) {
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xff) == value) {
                return i;
            }
        }
        throw new AssertionError("no byte " + value);
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    @Test
    void windows1252LabelledUtf8IsRefusedWithTheOffsetLineAndWhatTheBytesLookLike() {
        byte[] bytes = feed(CAFE).getBytes(WINDOWS_1252);
        int bad = indexOf(bytes, 0xe9);

        assertThatThrownBy(() -> Feeds.bytes(bytes)).isInstanceOfSatisfying(FeedEncodingException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("The feed declares UTF-8 but its bytes are not UTF-8: the first bad byte, 0xE9, is at byte offset "
                    + bad + " (line " + lineOf(bytes, bad) + "); the text looks like Windows-1252");
            assertThat(e.expected()).isEqualTo("UTF-8");
            assertThat(e.looksLike()).isEqualTo("windows-1252");
            assertThat(e.byteOffset()).isEqualTo(bad);
            assertThat(e.badByteLine()).isEqualTo(4);
        });
    }

    @Test
    void aFeedDeclaringNoEncodingMustBeUtf8() {
        byte[] bytes = feed(CAFE).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "").getBytes(WINDOWS_1252);

        assertThatThrownBy(() -> Feeds.bytes(bytes)).isInstanceOf(FeedEncodingException.class)
                .hasMessageStartingWith("The feed declares no encoding, so it must be UTF-8, but its bytes are not UTF-8: the first bad byte, 0xE9,")
                .hasMessageContaining("byte offset " + indexOf(bytes, 0xe9));
    }

    @Test
    void theHostCanReadAMislabelledFeedAsTheEncodingItIsAndIsToldSo() {
        byte[] bytes = feed(CAFE).getBytes(WINDOWS_1252);

        Feeds.Read read = readAs(bytes, WINDOWS_1252);

        assertThat(read.show().title()).isEqualTo(CAFE);
        assertThat(read.item("a").descriptionMarkdown()).isEqualTo(CAFE);
        assertThat(read.channelProblems()).containsExactly("The feed declares UTF-8; read as windows-1252, as asked");
    }

    @Test
    void anEncodingAskedForIsReadStrictlyToo() {
        byte[] bytes = feed("Caf\u00e9").getBytes(StandardCharsets.UTF_8);
        bytes[indexOf(bytes, 0xc3) + 1] = (byte) 0x81; // not a character of Windows-1252

        assertThatThrownBy(() -> readAs(bytes, WINDOWS_1252)).isInstanceOfSatisfying(FeedEncodingException.class, e -> {
            assertThat(e).hasMessageStartingWith("The feed's bytes are not windows-1252, the encoding asked for: the first bad byte, 0x81,");
            assertThat(e.looksLike()).as("0xC3 0x81 is UTF-8's \u00c1").isEqualTo("UTF-8");
        });
    }

    @Test
    void utf8LabelledAsASingleByteEncodingIsRefusedAndReadRightWhenAsked() {
        for (String label : List.of("ISO-8859-1", "windows-1252", "latin1")) {
            byte[] bytes = feed(CAFE).replace("UTF-8", label).getBytes(StandardCharsets.UTF_8);
            int first = indexOf(bytes, 0xc3);
            assertThatThrownBy(() -> Feeds.bytes(bytes)).as(label).isInstanceOfSatisfying(FeedEncodingException.class, e -> {
                assertThat(e.getMessage()).isEqualTo("The feed declares " + label + " but its text is UTF-8: the first non-ASCII character, "
                        + "0xC3 0xA9, is at byte offset " + first + " (line 4); the text looks like UTF-8");
                assertThat(e.looksLike()).isEqualTo("UTF-8");
            });
            assertThat(readAs(bytes, StandardCharsets.UTF_8).show().title()).isEqualTo(CAFE);
        }
    }

    @Test
    void honestSingleByteAndUtf16FeedsReadWithoutProblems() {
        Feeds.Read latin1 = Feeds.bytes(feed("Caf\u00e9 cr\u00e8me").replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.show().title()).isEqualTo("Caf\u00e9 cr\u00e8me");
        assertThat(latin1.problems()).isEmpty();

        Feeds.Read cp1252 = Feeds.bytes(feed(CAFE).replace("UTF-8", "windows-1252").getBytes(WINDOWS_1252));
        assertThat(cp1252.show().title()).isEqualTo(CAFE);
        assertThat(cp1252.problems()).isEmpty();

        String utf16 = feed(CAFE + " \u65e5\u672c \ud83c\udf99").replace("UTF-8", "UTF-16");
        for (Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bytes = utf16.getBytes(charset);
            if (charset == StandardCharsets.UTF_16LE) {
                bytes = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, bytes);
            }
            Feeds.Read read = Feeds.bytes(bytes);
            assertThat(read.show().title()).as(charset.name()).isEqualTo(CAFE + " \u65e5\u672c \ud83c\udf99");
            assertThat(read.problems()).as(charset.name()).isEmpty();
        }
        Feeds.Read bomUtf8 = Feeds.bytes(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, feed(CAFE).getBytes(StandardCharsets.UTF_8)));
        assertThat(bomUtf8.show().title()).isEqualTo(CAFE);
        assertThat(bomUtf8.problems()).isEmpty();
    }

    @Test
    void aByteOrderMarkIsNotOverriddenByAnotherEncoding() {
        byte[] utf16 = feed(CAFE).replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> readAs(utf16, WINDOWS_1252)).isInstanceOf(FeedImportException.class)
                .hasMessage("The feed starts with a UTF-16 byte-order mark, so it is UTF-16, not windows-1252 as asked");
        assertThat(readAs(utf16, StandardCharsets.UTF_16).show().title()).isEqualTo(CAFE);
    }

    @Test
    void malformedUtf8IsRefusedNeverReadAsAReplacementCharacter() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0x80})) {
            String[] halves = feed("@").split("@", -1);
            byte[] bytes = concat(concat(halves[0].getBytes(StandardCharsets.UTF_8), bad), halves[1].getBytes(StandardCharsets.UTF_8));
            int at = halves[0].getBytes(StandardCharsets.UTF_8).length;
            assertThatThrownBy(() -> Feeds.bytes(bytes)).isInstanceOfSatisfying(FeedEncodingException.class,
                    e -> assertThat(e.byteOffset()).isEqualTo(at));
        }
        byte[] cutShort = concat(feed("x").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xe2, (byte) 0x80});
        assertThatThrownBy(() -> Feeds.bytes(cutShort)).isInstanceOf(FeedEncodingException.class)
                .hasMessageContaining("byte offset " + (cutShort.length - 2));
    }

    @Test
    void aBadByteFarIntoALongFeedIsFoundAtItsOffsetAndLine() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            items.append(Feeds.item("g" + i, "<description>Caf\u00e9 \u2013 the " + i + "th</description>")).append('\n');
        }
        byte[] good = Feeds.rss(items.toString()).getBytes(StandardCharsets.UTF_8);
        String tail = Feeds.item("late", "<description>Caf\u00e9</description>") + "\n</channel>\n</rss>\n";
        byte[] head = new String(good, StandardCharsets.UTF_8).replace("</channel>\n</rss>\n", "").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(head, tail.getBytes(WINDOWS_1252));
        int bad = head.length + indexOf(tail.getBytes(WINDOWS_1252), 0xe9);
        assertThat(bad).as("past several buffers").isGreaterThan(40_000);

        List<ImportedItem> delivered = new ArrayList<>();
        assertThatThrownBy(() -> new FeedReader().read(new ByteArrayInputStream(bytes), null, delivered::add))
                .isInstanceOfSatisfying(FeedEncodingException.class, e -> {
                    assertThat(e.byteOffset()).isEqualTo(bad);
                    assertThat(e.badByteLine()).isEqualTo(lineOf(bytes, bad));
                    assertThat(e.looksLike()).isEqualTo("windows-1252");
                });
        assertThat(delivered).as("the reader streams: a caller must read the whole feed before writing (the CLI does)").isNotEmpty();
        assertThat(delivered).allSatisfy(item -> assertThat(item.descriptionMarkdown()).doesNotContain("\ufffd"));
    }

    @Test
    void otherWrongLabelsAreRefusedWithWhatTheBytesLookLike() {
        byte[] ascii = feed(CAFE).replace("UTF-8", "US-ASCII").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Feeds.bytes(ascii)).isInstanceOfSatisfying(FeedEncodingException.class, e -> {
            assertThat(e).hasMessageStartingWith("The feed declares US-ASCII but its bytes are not US-ASCII: the first bad byte, 0xC3,");
            assertThat(e.looksLike()).isEqualTo("UTF-8");
        });

        byte[] notUtf16 = feed("Caf\u00e9").replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Feeds.bytes(notUtf16)).isInstanceOfSatisfying(FeedEncodingException.class, e -> {
            assertThat(e).hasMessageStartingWith("The feed declares UTF-16 but its bytes are not UTF-16");
            assertThat(e.looksLike()).isEqualTo("UTF-8");
        });
        assertThat(readAs(notUtf16, StandardCharsets.UTF_8).show().title()).isEqualTo("Caf\u00e9");

        byte[] garbage = feed("x@y").getBytes(StandardCharsets.UTF_8);
        garbage[indexOf(garbage, '@')] = (byte) 0x81;
        assertThatThrownBy(() -> Feeds.bytes(garbage)).isInstanceOfSatisfying(FeedEncodingException.class, e -> {
            assertThat(e).hasMessageEndingWith("the text looks like no encoding the import recognises");
            assertThat(e.looksLike()).isNull();
        });
    }

    private static byte[] concat(byte[] first, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(rest);
        return out.toByteArray();
    }
}
