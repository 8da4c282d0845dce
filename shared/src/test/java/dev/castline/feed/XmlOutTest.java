package dev.castline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XmlOutTest {
    @Test
    void escapesMarkupInTextAndAttributes() throws Exception {
        String xml = write(x -> x.start("a").attribute("t", "x\"<&>\n\ty").endStart().text("1 < 2 & \"3\" > 0").close("a"));
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a t=\"x&quot;&lt;&amp;&gt;&#10;&#9;y\">1 &lt; 2 &amp; &quot;3&quot; &gt; 0</a>");
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getAttribute("t")).isEqualTo("x\"<&>\n\ty");
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("1 < 2 & \"3\" > 0");
    }

    @Test
    void dropsWhatXmlCannotCarryAndKeepsEverythingElse() throws Exception {
        String input = "a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i 😀 é ß 中 \u2028";
        Document doc = parse(write(x -> x.element("a", input)));
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("abcdefghi 😀 é ß 中 \u2028");
    }

    @Test
    void splitsCdataAroundItsTerminator() throws Exception {
        String html = "<p>a]]>b]]]]>c</p>";
        String xml = write(x -> x.open("a").cdata(html).close("a"));
        assertThat(xml).doesNotContain("]]>b").contains("<![CDATA[");
        assertThat(parse(xml).getDocumentElement().getTextContent()).isEqualTo(html);
    }

    @Test
    void keepsSurrogatePairsWholeAcrossInternalChunksAndBuffers() throws Exception {
        StringBuilder long_ = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            long_.append(i % 7 == 0 ? "🎙" : "ab&");
        }
        String value = long_.toString();
        Document doc = parse(write(x -> x.start("a").attribute("v", value).endStart().text(value).close("a")));
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(value);
        assertThat(doc.getDocumentElement().getAttribute("v")).isEqualTo(value);
    }

    /**
     * All-ASCII values take a bulk-copy path; one non-ASCII character sends a value down the
     * general one. Both must write the same bytes for every ASCII character and for lone
     * surrogates, in text, attributes and CDATA, in values longer than the streaming buffer.
     */
    @Test
    void theAsciiFastPathWritesExactlyWhatTheGeneralPathWrites() {
        StringBuilder every = new StringBuilder();
        while (every.length() < 200_000) {
            for (char c = 0; c < 128; c++) {
                every.append(c).append("plain text between ");
            }
            // Lone surrogates encode to one byte ("?") too: they must be dropped, and real "?" kept.
            every.append("\uD800 lone high, \uDFFF lone low, a real ? mark ");
        }
        String ascii = every.toString();
        String general = ascii + "é";
        assertThat(write(x -> x.element("a", general)))
                .isEqualTo(write(x -> x.element("a", ascii)).replace("</a>", "é</a>"));
        assertThat(write(x -> x.start("a").attribute("v", general).endEmpty()))
                .isEqualTo(write(x -> x.start("a").attribute("v", ascii).endEmpty()).replace("\"/>", "é\"/>"));
        assertThat(write(x -> x.open("a").cdata(general).close("a")))
                .isEqualTo(write(x -> x.open("a").cdata(ascii).close("a")).replace("]]></a>", "é]]></a>"));
    }

    private static String write(Consumer<XmlOut> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlOut xml = new XmlOut(out);
        xml.declaration();
        body.accept(xml);
        xml.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
