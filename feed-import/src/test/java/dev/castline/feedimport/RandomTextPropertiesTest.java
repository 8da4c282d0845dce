package dev.castline.feedimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Random text, markup fragments and script payloads (control characters, lone surrogates and
 * {@code ]]>} included) in titles and descriptions, written into a feed escaped or as CDATA: the
 * reader never fails on
 * them, and nothing it gives back yields a script or any element outside show notes' subset.
 */
class RandomTextPropertiesTest {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RAW_HTML_RENDERER = HtmlRenderer.builder().build();
    private static final List<String> ALLOWED = List.of("p", "a", "ul", "ol", "li", "strong", "em", "br", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "code", "hr");

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> fragments = Arbitraries.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:x()\">j</a>",
                "<p>", "</p>", "<b>", "<ul><li>", "&amp;", "&lt;script&gt;", "&nbsp;", "]]>", "<![CDATA[", "*", "_", "[", "](", "`", "\\",
                "# ", "\n", "\n\n", "- ", "1. ", "https://x.example/a_b", "<", ">", "&", "\"", "'", "<!--", "-->", "<?", "&#0;", "&#x1F;",
                "<svg onload=alert(1)>", "<style>x</style>", "javascript:", "\u0000", "\u000b", "\ud800", "\ufffe", "\u00e9", "\ud83c\udf99");
        Arbitrary<String> chars = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.oneOf(fragments, chars).list().ofMaxSize(25).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void random_titles_and_descriptions_never_break_the_reader_nor_yield_script(
            @ForAll("text") String title, @ForAll("text") String description, @ForAll("text") String notes) {
        String xml = Feeds.rss(Feeds.item("g", "").replace("<title>Item g</title>", "<title>" + escape(title) + "</title>")
                .replace("</item>", "<description>" + cdata(description) + "</description>"
                        + "<content:encoded>" + escape(notes) + "</content:encoded>"
                        + "<itunes:summary>" + escape(description) + "</itunes:summary></item>"))
                .replace("<title>T</title>", "<title>" + cdata(title) + "</title><description>" + escape(notes) + "</description>");

        Feeds.Read feed = Feeds.string(xml);

        assertThat(feed.items()).hasSize(1);
        ImportedItem item = feed.items().get(0);
        for (String plain : new String[] {item.title(), item.summary(), feed.show().title(), feed.show().description()}) {
            if (plain != null) {
                assertThat(plain).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                        .doesNotContainIgnoringCase("<svg").doesNotContain("\u0000");
            }
        }
        String html = RAW_HTML_RENDERER.render(PARSER.parse(item.descriptionMarkdown()));
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (e.normalName().equals("body")) {
                continue;
            }
            assertThat(ALLOWED).as("element in %s", html).contains(e.normalName());
            e.attributes().forEach(a -> {
                assertThat(a.getKey()).as("attribute in %s", html).isIn("href", "class");
                if (a.getKey().equals("href")) {
                    assertThat(a.getValue()).as("link in %s", html).matches("(?i)(https?://|mailto:).*");
                }
            });
        }
    }

    /** Escaped as XML text; characters XML cannot carry stay in, for the reader to drop. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cdata(String s) {
        return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
