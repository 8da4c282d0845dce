package dev.castline.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What XmlOut writes for every kind of character, in text, attributes and CDATA, on the short
 * (char by char) and long (all-ASCII bulk) paths, into a stream and into a growing array, with
 * values placed right at the buffer's edge. The expected output comes from {@link #reference},
 * a plain code-point-by-code-point statement of the rules.
 */
class XmlOutEscapingTest {
    private static final int TEXT = 0;
    private static final int ATTRIBUTE = 1;
    private static final int CDATA = 2;

    // ------------------------------------------------------------ the rules, character by character

    @Test
    void markupCharactersAreEscapedInTextAndAttributesButNotInCdata() {
        assertThat(text("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e'f");
        assertThat(attribute("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e'f");
        assertThat(cdata("a&b<c>d\"e'f")).isEqualTo("<![CDATA[a&b<c>d\"e'f]]>");
    }

    @Test
    void whitespaceIsKeptInTextAndCdataAndWrittenAsReferencesInAttributes() {
        assertThat(text("a\nb\tc\rd")).isEqualTo("a\nb\tc&#13;d");
        assertThat(attribute("a\nb\tc\rd")).isEqualTo("a&#10;b&#9;c&#13;d");
        assertThat(cdata("a\nb\tc\rd")).isEqualTo("<![CDATA[a\nb\tc\rd]]>");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x08, 0x0B, 0x0C, 0x0E, 0x1F, 0xFFFE, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF})
    void charactersXmlCannotCarryAreDroppedEverywhere(int c) {
        String value = "a" + (char) c + "b";
        assertThat(text(value)).isEqualTo("ab");
        assertThat(attribute(value)).isEqualTo("ab");
        assertThat(cdata(value)).isEqualTo("<![CDATA[ab]]>");
        String longValue = "x".repeat(30) + (char) c + "y".repeat(30);
        assertThat(text(longValue)).isEqualTo("x".repeat(30) + "y".repeat(30));
        assertThat(attribute(longValue)).isEqualTo("x".repeat(30) + "y".repeat(30));
    }

    @Test
    void eachUtf8LengthIsEncodedExactlyAtItsBoundaries() {
        // 1 byte to U+007E; 2 bytes U+0080..U+07FF; 3 bytes U+0800..U+FFFD (but surrogates); 4 bytes beyond.
        String value = "~\u0080\u00FF\u07FF\u0800\u0FFF\u1000\uD7FF\uE000\uFFFD\uD800\uDC00\uDBFF\uDFFF\uD83D\uDE00";
        byte[] expected = value.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes(x -> x.text(value))).containsExactly(expected);
        assertThat(bytes(x -> x.cdata(value))).containsExactly(concat(ascii("<![CDATA["), expected, ascii("]]>")));
        assertThat(expected).hasSize(1 + 2 + 2 + 2 + 3 + 3 + 3 + 3 + 3 + 3 + 4 + 4 + 4);
    }

    @Test
    void c1ControlsAreCharactersXmlCarries() {
        assertThat(text("a\u0080\u0085\u009Fb")).isEqualTo("a\u0080\u0085\u009Fb");
    }

    @Test
    void aHighSurrogateAtTheEndOfAValueIsDropped() {
        assertThat(text("ab\uD83D")).isEqualTo("ab");
        assertThat(text("é".repeat(30) + "\uD83D")).isEqualTo("é".repeat(30));
        assertThat(attribute("\uD83D")).isEmpty();
        assertThat(cdata("ab\uD83D")).isEqualTo("<![CDATA[ab]]>");
        // A high surrogate followed by another high one: both lone.
        assertThat(text("a\uD83D\uD83Db")).isEqualTo("ab");
    }

    @Test
    void aLowSurrogateBeforeAHighOneIsNoPair() {
        assertThat(text("a\uDE00\uD83Db")).isEqualTo("ab");
        assertThat(text("a\uDE00\uD83D\uDE00b")).isEqualTo("a\uD83D\uDE00b");
    }

    // ------------------------------------------------------------ the all-ASCII path

    @Test
    void longAsciiValuesAreEscapedTheSameWay() {
        String plain = "The quick brown fox jumps over the lazy dog";
        String value = "&" + plain + "<>\"'?\r\n\t\u0001\u001F" + plain + "&";
        assertThat(text(value)).isEqualTo("&amp;" + plain + "&lt;&gt;&quot;'?&#13;\n\t" + plain + "&amp;");
        assertThat(attribute(value)).isEqualTo("&amp;" + plain + "&lt;&gt;&quot;'?&#13;&#10;&#9;" + plain + "&amp;");
        assertThat(cdata(value)).isEqualTo("<![CDATA[&" + plain + "<>\"'?\r\n\t" + plain + "&]]>");
    }

    @Test
    void longValuesOfAsciiAndLoneSurrogatesKeepTheirRealQuestionMarks() {
        String value = "?" + "x".repeat(30) + "\uD800?\uDFFF??" + "y".repeat(5) + "\uDBFF";
        String expected = "?" + "x".repeat(30) + "???" + "y".repeat(5);
        assertThat(text(value)).isEqualTo(expected);
        assertThat(attribute(value)).isEqualTo(expected);
        assertThat(cdata(value)).isEqualTo("<![CDATA[" + expected + "]]>");
    }

    @Test
    void valuesOfEveryLengthAroundTheBulkThresholdAgree() {
        for (int n = 0; n <= 40; n++) {
            String ascii = "&<a?\n".repeat(8).substring(0, n);
            for (int mode = TEXT; mode <= CDATA; mode++) {
                assertThat(render(ascii, mode)).as("length %d, mode %d", n, mode).isEqualTo(expected(ascii, mode));
            }
        }
    }

    // ------------------------------------------------------------ CDATA and its terminator

    @Test
    void cdataIsSplitAtEveryTerminatorInShortAndLongValues() {
        assertThat(cdata("]]>")).isEqualTo("<![CDATA[]]]]><![CDATA[>]]>");
        assertThat(cdata("a]]>b")).isEqualTo("<![CDATA[a]]]]><![CDATA[>b]]>");
        assertThat(cdata("]]>]]>")).isEqualTo("<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>");
        assertThat(cdata("]]]>>")).isEqualTo("<![CDATA[]]]]]><![CDATA[>>]]>");
        assertThat(cdata("]]")).isEqualTo("<![CDATA[]]]]>");
        assertThat(cdata("")).isEqualTo("<![CDATA[]]>");
        String x = "x".repeat(30);
        String y = "y".repeat(30);
        assertThat(cdata(x + "]]>" + y)).isEqualTo("<![CDATA[" + x + "]]]]><![CDATA[>" + y + "]]>");
        assertThat(cdata("]]>" + y)).isEqualTo("<![CDATA[]]]]><![CDATA[>" + y + "]]>");
        assertThat(cdata(x + "]]>")).isEqualTo("<![CDATA[" + x + "]]]]><![CDATA[>]]>");
        assertThat(cdata(x + "]]>" + x + "]]>" + y)).isEqualTo("<![CDATA[" + x + "]]]]><![CDATA[>" + x + "]]]]><![CDATA[>" + y + "]]>");
    }

    // ------------------------------------------------------------ the structure

    @Test
    void elementsAttributesAndTheDeclaration() {
        String doc = new String(bytes(x -> x.declaration().start("rss").attribute("version", "2.0").attribute("xmlns:a", "u")
                .endStart().element("title", "T").element("none", null).open("e").close("e").start("empty").endEmpty()
                .close("rss")), StandardCharsets.UTF_8);
        assertThat(doc).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:a=\"u\">"
                + "<title>T</title><e></e><empty/></rss>");
    }

    @Test
    void aStreamAndAnArrayGetTheSameBytes() throws Exception {
        Consumer<XmlOut> body = x -> {
            x.declaration().open("r");
            for (int i = 0; i < 3_000; i++) {
                x.start("i").attribute("n", Integer.toString(i)).attribute("v", "\"" + i + "\"\n").endStart()
                        .text("é & " + i).cdata("<p>" + i + "]]>" + "</p>").close("i");
            }
            x.close("r");
        };
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        XmlOut streamed = new XmlOut(stream);
        body.accept(streamed);
        streamed.flush();
        XmlOut array = new XmlOut(0);
        body.accept(array);
        array.flush(); // nothing to do for an array
        byte[] fromArray = array.toBytes();
        assertThat(stream.toByteArray()).containsExactly(fromArray);
        assertThat(fromArray.length).isGreaterThan(64 * 1024);
        assertThat(new String(fromArray, StandardCharsets.UTF_8)).startsWith("<?xml").endsWith("</i></r>")
                .contains("<i n=\"2999\" v=\"&quot;2999&quot;&#10;\">é &amp; 2999<![CDATA[<p>2999]]]]><![CDATA[></p>]]></i>");
    }

    @Test
    void flushWritesWhatIsBufferedAndStartsAfresh() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        XmlOut xml = new XmlOut(stream);
        xml.open("a");
        assertThat(stream.size()).isZero();
        xml.flush();
        assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo("<a>");
        xml.text("b").close("a");
        xml.flush();
        assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo("<a>b</a>");
        xml.flush();
        assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo("<a>b</a>");
    }

    @Test
    void flushPassesTheBytesThroughABufferingStream() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(sink, 1 << 20);
        XmlOut xml = new XmlOut(buffered);
        xml.open("a").text("b").close("a");
        xml.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("<a>b</a>");
    }

    @Test
    void anArrayKeepsEverythingUntilAsked() {
        XmlOut xml = new XmlOut(16);
        xml.open("a").text("b").close("a");
        xml.flush();
        xml.open("c").close("c");
        assertThat(new String(xml.toBytes(), StandardCharsets.UTF_8)).isEqualTo("<a>b</a><c></c>");
        assertThat(new XmlOut(0).toBytes()).isEmpty();
    }

    @Test
    void writeFailuresSurfaceUnchecked() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        XmlOut xml = new XmlOut(broken);
        xml.open("a");
        assertThatThrownBy(xml::flush).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk full");
        XmlOut big = new XmlOut(broken);
        assertThatThrownBy(() -> big.text("x".repeat(200_000))).isInstanceOf(UncheckedIOException.class);
    }

    // ------------------------------------------------------------ at the buffer's edge

    /**
     * An array starts at 1,024 bytes and grows as needed: every write placed so that it starts
     * 0 to 10 bytes before the end of the current array, in every mode and on both paths.
     */
    @Test
    void everyWriteThatCrossesTheEndOfTheArrayGrowsIt() {
        for (int fill = 1_000; fill <= 1_024; fill++) {
            String pad = "p".repeat(fill - 3); // after "<r>": exactly `fill` bytes written
            for (String op : new String[] {"start", "attribute", "endStart", "endEmpty", "close", "declaration", "text", "longText",
                "quote", "surrogate", "cdata", "longCdata", "plainCdata"}) {
                XmlOut xml = new XmlOut(0);
                StringBuilder expected = new StringBuilder("<r>" + pad);
                xml.open("r").text(pad);
                switch (op) {
                    case "start" -> { xml.start("element"); expected.append("<element"); }
                    case "attribute" -> { xml.attribute("name", "\"&\""); expected.append(" name=\"&quot;&amp;&quot;\""); }
                    case "endStart" -> { xml.endStart(); expected.append(">"); }
                    case "endEmpty" -> { xml.endEmpty(); expected.append("/>"); }
                    case "close" -> { xml.close("element"); expected.append("</element>"); }
                    case "declaration" -> { xml.declaration(); expected.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"); }
                    case "text" -> { xml.text("<\"é"); expected.append("&lt;&quot;é"); }
                    case "longText" -> { xml.text("\"".repeat(30)); expected.append("&quot;".repeat(30)); }
                    case "quote" -> { xml.text("\"" + "q".repeat(30)); expected.append("&quot;" + "q".repeat(30)); }
                    case "surrogate" -> { xml.text("\uD83D\uDE00\uD83D\uDE00"); expected.append("\uD83D\uDE00\uD83D\uDE00"); }
                    case "cdata" -> { xml.cdata("]]>"); expected.append("<![CDATA[]]]]><![CDATA[>]]>"); }
                    case "plainCdata" -> { xml.cdata("c".repeat(40)); expected.append("<![CDATA[" + "c".repeat(40) + "]]>"); }
                    default -> { xml.cdata("c".repeat(40) + "]]>"); expected.append("<![CDATA[" + "c".repeat(40) + "]]]]><![CDATA[>]]>"); }
                }
                assertThat(new String(xml.toBytes(), StandardCharsets.UTF_8)).as("%s after %d bytes", op, fill).isEqualTo(expected.toString());
            }
        }
    }

    @Test
    void aChunkOfEscapesThatFillsTheStreamBufferExactly() {
        // One 4,096-char pass of the general path writes at most 6 bytes per char; 4,095 quotes and
        // an é are 24,572 bytes. Placed so that they end anywhere around the end of the 64 KiB
        // buffer, the pass must flush first.
        String heavy = "é" + "\"".repeat(4_095);
        String expectedHeavy = "é" + "&quot;".repeat(4_095);
        for (int prefix = 40_955; prefix <= 40_975; prefix++) {
            String pad = "é" + "x".repeat(prefix - 1); // prefix chars, prefix + 1 bytes, general path
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            XmlOut xml = new XmlOut(stream);
            xml.text(pad).text(heavy);
            xml.flush();
            assertThat(stream.toString(StandardCharsets.UTF_8)).as("after %d chars", prefix).isEqualTo(pad + expectedHeavy);

            XmlOut array = new XmlOut(0);
            array.text(pad).text(heavy);
            assertThat(new String(array.toBytes(), StandardCharsets.UTF_8)).as("array after %d chars", prefix).isEqualTo(pad + expectedHeavy);
        }
    }

    @Test
    void longAsciiValuesCrossingTheStreamBufferAreWrittenWhole() {
        // All-ASCII text is copied in 4 KiB pieces; an escape right where the buffer is full needs a flush first.
        for (int n = 65_530; n <= 65_540; n++) {
            String value = "x".repeat(n) + "\"" + "y".repeat(10);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            XmlOut xml = new XmlOut(stream);
            xml.text(value);
            xml.flush();
            assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo("x".repeat(n) + "&quot;" + "y".repeat(10));
        }
        String huge = "ab&".repeat(100_000);
        assertThat(text(huge)).isEqualTo("ab&amp;".repeat(100_000));
    }

    // ------------------------------------------------------------ everything at once

    @Test
    void randomValuesMatchTheReferenceInEveryMode() {
        Random random = new Random(2024);
        for (int i = 0; i < 3_000; i++) {
            int length = random.nextInt(10) == 0 ? random.nextInt(20_000) : random.nextInt(60);
            String value = randomValue(random, length, random.nextBoolean());
            for (int mode = TEXT; mode <= CDATA; mode++) {
                assertThat(render(value, mode)).as("value %d, mode %d", i, mode).isEqualTo(expected(value, mode));
            }
        }
    }

    // ------------------------------------------------------------ the reference

    /**
     * The rules: drop what XML 1.0 cannot carry (controls but tab, LF, CR; U+FFFE, U+FFFF; lone
     * surrogates); in text and attributes escape {@code & < > "} and CR, and in attributes also
     * LF and tab; in CDATA escape nothing. (DEL is left out of the random values: see the report.)
     */
    private static String reference(String s, int mode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                continue;
            }
            String escape = mode == CDATA ? null : switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\r' -> "&#13;";
                case '\n' -> mode == ATTRIBUTE ? "&#10;" : null;
                case '\t' -> mode == ATTRIBUTE ? "&#9;" : null;
                default -> null;
            };
            out.append(escape == null ? String.valueOf(c) : escape);
        }
        return out.toString();
    }

    private static String expected(String value, int mode) {
        if (mode != CDATA) {
            return reference(value, mode);
        }
        // Values given to CDATA here hold no character XML drops next to a terminator.
        return "<![CDATA[" + reference(value, CDATA).replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static String render(String value, int mode) {
        return switch (mode) {
            case TEXT -> text(value);
            case ATTRIBUTE -> attribute(value);
            default -> cdata(value);
        };
    }

    private static String randomValue(Random random, int length, boolean asciiOnly) {
        String ascii = "abc xyz?&<>\"']]>\n\t\r\u0000\u0001\u001F";
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int kind = asciiOnly ? 0 : random.nextInt(8);
            switch (kind) {
                case 0, 1, 2 -> out.append(ascii.charAt(random.nextInt(ascii.length())));
                case 3 -> out.append((char) (0x80 + random.nextInt(0x780))); // two bytes
                case 4 -> out.append((char) (0x800 + random.nextInt(0xD000))); // three bytes, below the surrogates
                case 5 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a pair
                case 6 -> out.append(new char[] {'\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\uFFFD', '\uE000'}[random.nextInt(6)]);
                default -> out.append("]]>");
            }
        }
        // No character XML drops right after a ']': dropping it could join "]]" and ">" into a
        // terminator the value did not have (a separate question; see the report).
        StringBuilder clean = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            boolean dropped = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c) || c >= 0xFFFE;
            if (dropped && clean.length() > 0 && clean.charAt(clean.length() - 1) == ']') {
                continue;
            }
            clean.append(c);
        }
        return clean.toString();
    }

    private static String text(String value) {
        String doc = write(x -> x.open("a").text(value).close("a"));
        return doc.substring("<a>".length(), doc.length() - "</a>".length());
    }

    private static String attribute(String value) {
        String doc = write(x -> x.start("a").attribute("v", value).endEmpty());
        return doc.substring("<a v=\"".length(), doc.length() - "\"/>".length());
    }

    private static String cdata(String value) {
        return write(x -> x.cdata(value));
    }

    private static String write(Consumer<XmlOut> body) {
        return new String(bytes(body), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Consumer<XmlOut> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlOut xml = new XmlOut(out);
        body.accept(xml);
        xml.flush();
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
