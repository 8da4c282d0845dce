package dev.castline.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShowNotesTest {
    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z0-9]+)");

    @Test
    void rendersParagraphsListsAndLinks() {
        String html = ShowNotes.toHtml("""
                Jason talks about **Rails**.

                - 2:39 -- Motivation
                - [Hotwire](https://hotwire.dev/)

                1. first
                2. second
                """);
        assertThat(html).isEqualTo("""
                <p>Jason talks about Rails.</p>
                <ul>
                <li>2:39 -- Motivation</li>
                <li><a href="https://hotwire.dev/">Hotwire</a></li>
                </ul>
                <ol>
                <li>first</li>
                <li>second</li>
                </ol>""");
    }

    @Test
    void escapesRawHtmlInsteadOfPassingItThrough() {
        String html = ShowNotes.toHtml("<script>alert(1)</script>\n\nHi <b onclick=x>there</b> <img src=x onerror=y>");
        assertThat(html).doesNotContain("<script").doesNotContain("<b").doesNotContain("<img");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b onclick=x&gt;");
    }

    @Test
    void dropsLinksThatAreNotWebOrMail() {
        String html = ShowNotes.toHtml("[click](javascript:alert(1)) and [data](data:text/html,hi) and [web](https://x.test)");
        assertThat(html).doesNotContain("javascript:").doesNotContain("data:text");
        assertThat(html).contains("<a href=\"https://x.test\">web</a>");
    }

    @Test
    void keepsTheTextOfEverythingOutsideTheSubsetAndOnlyEmitsAllowedTags() {
        String html = ShowNotes.toHtml("""
                # Heading
                > quoted *emphasis* and `code`

                ```
                fenced <code>
                ```

                ---
                ![cover](https://img.test/c.png)
                line one\\
                line two
                """);
        assertThat(html).contains("Heading", "quoted emphasis and code", "fenced &lt;code&gt;", "line one", "line two");
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            assertThat(tags.group(1)).isIn("p", "ol", "ul", "li", "a");
        }
    }

    @Test
    void blankNotesRenderToNothing() {
        assertThat(ShowNotes.toHtml("  \n")).isEmpty();
        assertThat(ShowNotes.toHtml(null)).isEmpty();
    }
}
