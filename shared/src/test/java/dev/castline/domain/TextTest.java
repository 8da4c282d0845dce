package dev.castline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared text checks, each at its boundary: at the limit passes, one past fails, naming the field. */
class TextTest {
    private static final String LINE_RULE = "must be one line without control characters or line separators";
    private static final String BIDI_RULE = "must not contain bidirectional override or isolate characters";
    private static final String EMOJI = "\uD83C\uDF99"; // 🎙, one code point in two chars

    // ------------------------------------------------------------ required and optional lines

    @Test
    void aRequiredLineMustBePresentAndNotBlank() {
        for (String value : new String[] {null, "", " ", "\t ", "\u2003"}) {
            refuses(() -> Text.requireLine("title", value, 10), "title", "is required");
        }
        assertThat(Text.requireLine("title", " x ", 10)).isEqualTo(" x ");
    }

    @Test
    void anOptionalLineMayBeAbsentButNotWrong() {
        assertThat(Text.optionalLine("copyright", null, 10)).isNull();
        assertThat(Text.optionalLine("copyright", "", 10)).isEmpty();
        assertThat(Text.optionalLine("copyright", "© 2020", 10)).isEqualTo("© 2020");
        refuses(() -> Text.optionalLine("copyright", "a\nb", 10), "copyright", LINE_RULE);
    }

    @Test
    void aLineMayHoldExactlyItsLimitInCodePoints() {
        assertThat(Text.requireLine("f", "x".repeat(10), 10)).hasSize(10);
        refuses(() -> Text.requireLine("f", "x".repeat(11), 10), "f", "must be at most 10 characters");
        assertThat(Text.optionalLine("f", "x".repeat(255), 255)).hasSize(255);
        refuses(() -> Text.optionalLine("f", "x".repeat(256), 255), "f", "must be at most 255 characters");
    }

    @Test
    void charactersOutsideTheBasicPlaneCountOnceAgainstTheLimit() {
        // Ten emoji are twenty chars but ten characters: exactly at a limit of ten.
        String ten = EMOJI.repeat(10);
        assertThat(ten).hasSize(20);
        assertThat(Text.requireLine("f", ten, 10)).isEqualTo(ten);
        refuses(() -> Text.requireLine("f", EMOJI.repeat(11), 10), "f", "must be at most 10 characters");
        refuses(() -> Text.requireLine("f", ten + "x", 10), "f", "must be at most 10 characters");
        assertThat(Text.optionalBlock("f", ten, 10)).isEqualTo(ten);
        refuses(() -> Text.optionalBlock("f", ten + "x", 10), "f", "must be at most 10 characters");
        assertThat(Text.optionalLine("f", EMOJI + "x", 2)).isEqualTo(EMOJI + "x");
        refuses(() -> Text.optionalLine("f", "x".repeat(3), 2), "f", "must be at most 2 characters");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\u0001', '\t', '\n', '\u000B', '\r', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F',
        '\u2028', '\u2029'})
    void aLineRefusesControlCharactersAndLineSeparators(char c) {
        refuses(() -> Text.requireLine("guests[0].name", "a" + c + "b", 10), "guests[0].name", LINE_RULE);
        refuses(() -> Text.optionalLine("guests[0].role", String.valueOf(c), 10), "guests[0].role", LINE_RULE);
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0020', '\u007E', '\u00A0', '\u00A1', '\u200E', '\u200F', '\u2027', '\u202F', '\u2065', '\u206A',
        '\u3000', '\uFEFF'})
    void aLineKeepsPrintableAndFormatCharactersOutsideTheRefusedRanges(char c) {
        String value = "a" + c + "b";
        assertThat(Text.requireLine("title", value, 10)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'})
    void aLineRefusesEveryBidirectionalEmbeddingOverrideAndIsolate(char c) {
        assertThat(Text.isBidiControl(c)).isTrue();
        refuses(() -> Text.requireLine("title", "evil" + c + "gnp.exe", 50), "title", BIDI_RULE);
        refuses(() -> Text.optionalLine("links[3].title", String.valueOf(c), 50), "links[3].title", BIDI_RULE);
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u2029', '\u202F', '\u2065', '\u206A', 'a', '\u200F'})
    void theBidirectionalRangesEndWhereTheyShould(char c) {
        assertThat(Text.isBidiControl(c)).isFalse();
    }

    // ------------------------------------------------------------ blocks

    @Test
    void aBlockKeepsLineBreaksAndTabs() {
        String notes = "Line one\nline two\r\nthree\tcolumns\rend";
        assertThat(Text.optionalBlock("summary", notes, 100)).isEqualTo(notes);
        assertThat(Text.optionalBlock("summary", "\n", 1)).isEqualTo("\n");
        assertThat(Text.optionalBlock("summary", "\r", 1)).isEqualTo("\r");
        assertThat(Text.optionalBlock("summary", "\t", 1)).isEqualTo("\t");
        assertThat(Text.optionalBlock("summary", null, 1)).isNull();
        assertThat(Text.optionalBlock("summary", "", 1)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0085', '\u009F'})
    void aBlockRefusesOtherControlCharacters(char c) {
        refuses(() -> Text.optionalBlock("showNotes", "ok\n" + c, 100), "showNotes", "must not contain control characters");
    }

    @Test
    void aBlockMayHoldExactlyItsLimit() {
        assertThat(Text.optionalBlock("summary", "x".repeat(4000), 4000)).hasSize(4000);
        refuses(() -> Text.optionalBlock("summary", "x".repeat(4001), 4000), "summary", "must be at most 4000 characters");
    }

    // ------------------------------------------------------------ UTF-8 bytes

    @Test
    void utf8BytesAreCountedAsEncoded() {
        Text.requireUtf8BytesAtMost("summary", null, 0);
        Text.requireUtf8BytesAtMost("summary", "", 0);
        Text.requireUtf8BytesAtMost("summary", "é".repeat(2000), 4000); // 2 bytes each: exactly 4000
        refuses(() -> Text.requireUtf8BytesAtMost("summary", "é".repeat(2000) + "x", 4000), "summary", "must be at most 4000 bytes of UTF-8");
        Text.requireUtf8BytesAtMost("summary", "€".repeat(3), 9); // 3 bytes each
        refuses(() -> Text.requireUtf8BytesAtMost("summary", "€".repeat(3), 8), "summary", "at most 8 bytes");
        Text.requireUtf8BytesAtMost("summary", EMOJI, 4); // 4 bytes
        refuses(() -> Text.requireUtf8BytesAtMost("summary", EMOJI, 3), "summary", "at most 3 bytes");
    }

    // ------------------------------------------------------------ URLs

    @Test
    void anHttpUrlMayBeExactlyTheMaximumLength() {
        String prefix = "https://example.com/";
        String atLimit = prefix + "a".repeat(Text.MAX_URL_LENGTH - prefix.length());
        assertThat(atLimit).hasSize(2048);
        assertThat(Text.optionalHttpUrl("artworkUrl", atLimit)).isEqualTo(atLimit);
        assertThat(Text.requireHttpUrl("artworkUrl", atLimit)).isEqualTo(atLimit);
        refuses(() -> Text.optionalHttpUrl("artworkUrl", atLimit + "a"), "artworkUrl", "must be at most 2048 characters");
        refuses(() -> Text.requireHttpUrl("feedUrl", atLimit + "a"), "feedUrl", "must be at most 2048 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "https://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM/", "Http://x.y:8080/p",
        "https://127.0.0.1/", "https://[::1]/"})
    void absoluteHttpUrlsWithAHostAreTaken(String url) {
        assertThat(Text.optionalHttpUrl("website", url)).isEqualTo(url);
        assertThat(Text.requireHttpUrl("website", url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a", "javascript:alert(1)", "mailto:a@b.c", "/relative/path", "example.com",
        "//example.com/no-scheme", "https://", "https:///path", "http:path", "https://exa mple.com/", "https://example.com/<x>",
        "file:///etc/passwd", "data:text/html,hi", ""})
    void anythingElseIsRefusedByName(String url) {
        refuses(() -> Text.optionalHttpUrl("chapters[2].url", url), "chapters[2].url", "must be an absolute http(s) URL");
    }

    @Test
    void anOptionalUrlMayBeAbsentButARequiredOneMayNot() {
        assertThat(Text.optionalHttpUrl("fundingUrl", null)).isNull();
        refuses(() -> Text.requireHttpUrl("feedUrl", null), "feedUrl", "is required");
        refuses(() -> Text.requireHttpUrl("feedUrl", ""), "feedUrl", "is required");
        refuses(() -> Text.requireHttpUrl("feedUrl", "  "), "feedUrl", "is required");
        refuses(() -> Text.requireHttpUrl("feedUrl", "ftp://x.y"), "feedUrl", "must be an absolute http(s) URL");
    }

    // ------------------------------------------------------------ helpers

    static void refuses(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
