package dev.castline.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The normal form every cue's text and speaker is kept in, whatever it was read from. */
class CueTest {
    @Test
    void lineBreaksOfEveryKindBecomeOneNewline() {
        assertThat(new Cue(0, 1, "a\r\nb\rc\nd\u2028e\u2029f").text()).isEqualTo("a\nb\nc\nd\ne\nf");
    }

    @Test
    void linesAreTrimmedAndBlankLinesRemovedBecauseABlankLineEndsACue() {
        assertThat(new Cue(0, 1, "  first \t\n\n \t \n\tsecond\n\n").text()).isEqualTo("first\nsecond");
        assertThat(new Cue(0, 1, " \n \n").text()).isEmpty();
        assertThat(new Cue(0, 1, null).text()).isEmpty();
    }

    @Test
    void controlCharactersExceptNewlineAndTabAreRemoved() {
        assertThat(new Cue(0, 1, "a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg\th").text()).isEqualTo("abcdefg\th");
    }

    @Test
    void nonCharactersAndUnpairedSurrogatesAreRemovedButPairsKept() {
        assertThat(new Cue(0, 1, "a\uFFFEb\uFFFFc\uD800d\uDC00e\uD83C\uDF99f").text()).isEqualTo("abcde\uD83C\uDF99f");
        assertThat(new Cue(0, 1, "end\uD83D").text()).isEqualTo("end");
    }

    @Test
    void markupArrowsBidiMarksAndEmojiAreKeptAsTheyAre() {
        String text = "<b>x</b> --> &amp; \u200F\u05E9\u05DC\u05D5\u05DD\u200E \u202Eevil\u202C 👩🏽‍💻";
        assertThat(new Cue(0, 1, text).text()).isEqualTo(text);
    }

    @Test
    void aSpeakerIsOneLineWithSingleSpacesAndBlankMeansNone() {
        assertThat(new Cue(0, 1, "  Maya \n\t Okafor\u0007 ", "x").speaker()).isEqualTo("Maya Okafor");
        assertThat(new Cue(0, 1, " \t\n", "x").speaker()).isNull();
        assertThat(new Cue(0, 1, "\u0000", "x").speaker()).isNull();
    }

    @Test
    void normalisingTwiceChangesNothing() {
        Cue once = new Cue(5, 9, " A \n B ", " x\r\n\r\n y \u0000");
        Cue twice = new Cue(once.startMillis(), once.endMillis(), once.speaker(), once.text());
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void aCueCannotEndBeforeItStartsOrStartBeforeTheAudio() {
        assertThat(new Cue(7, 7, "a zero-length cue is allowed").endMillis()).isEqualTo(7);
        assertThatThrownBy(() -> new Cue(8, 7, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cue(-1, 7, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
