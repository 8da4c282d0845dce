package dev.castline.functions.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only absolute http(s) URLs become links on a page, whatever the stored data says. */
class SafeLinksTest {
    @Test
    void schemesThatRunCodeOrHideContentNeverBecomeLinks() {
        for (String url : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x",
                "vbscript:x", "//evil.test/x", "/relative", "mailto:a@b.test", "https:no-host", "not a url", ""}) {
            assertThat(SitePages.safeHref(url)).as(url).isNull();
        }
        assertThat(SitePages.safeHref(null)).isNull();
        assertThat(SitePages.safeHref("https://podia.com")).isEqualTo("https://podia.com");
        assertThat(SitePages.safeHref("HTTP://example.test/a?b=c")).isEqualTo("HTTP://example.test/a?b=c");
    }
}
