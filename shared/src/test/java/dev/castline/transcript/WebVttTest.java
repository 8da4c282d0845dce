package dev.castline.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WebVTT read from real-shaped files and written back. */
class WebVttTest {
    // ------------------------------------------------------------ reading what real files do

    @Test
    void anInterviewWithBomCrlfHeadersBlocksIdentifiersAndSettingsReadsAsItsCues() throws Exception {
        Transcript t = WebVtt.parse(Fixtures.bytes("interview.vtt"));

        assertThat(t.cues()).containsExactly(
            new Cue(0, 4_250, "Maya Okafor", "Welcome back to Terminal Velocity.\nI'm Maya."),
            new Cue(4_250, 9_000, "Maya Okafor", "And today we're talking about the tools\nwe reach for every single day."),
            new Cue(9_000, 12_480, "Dan", "Thanks for having me."),
            new Cue(3_612_480, 3_615_900, "Maya Okafor", "So, ripgrep or grep?"));
    }

    @Test
    void markupIsDroppedTheFirstVoiceNamesTheSpeakerAndReferencesAreDecoded() throws Exception {
        Transcript t = WebVtt.parse(Fixtures.bytes("markup.vtt"));

        assertThat(t.cues()).containsExactly(
            new Cue(1_000, 3_500, "Esme Brown", "This is really important, & urgent."),
            new Cue(3_500, 6_000, "Esme Brown", "Pipe it into jq <then> sort."),
            new Cue(6_000, 8_000, "Esme Brown", "漢字 and Q&A: is a < b? \u200E\uD83C\uDF99é"),
            new Cue(8_000, 9_000, "Dan", "Right. Exactly."),
            new Cue(9_000, 10_000, "Dan", "No blank line before this cue."));
    }

    @Test
    void rubyTextIsDroppedToItsEndOrTheEndOfTheRuby() throws Exception {
        Transcript t = WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<ruby>東<rt>tō</rt>京<rt>kyō</ruby> today\n");

        assertThat(t.cues().get(0).text()).isEqualTo("東京 today");
    }

    @Test
    void aCueWithoutAVoiceTakesTheSpeakerBeforeItAndNoneAtTheStart() throws Exception {
        Transcript t = WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nintro music\n\n"
            + "00:02.000 --> 00:03.000\n<v Ana>hi\n\n00:03.000 --> 00:04.000\nstill Ana\n\n"
            + "00:04.000 --> 00:05.000\n<v>an empty voice names no one\n");

        assertThat(t.cues()).extracting(Cue::speaker).containsExactly(null, "Ana", "Ana", "Ana");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00:01.000 --> 00:02.500        | 1000 | 2500",
        "00:00:01.000 --> 00:00:02.500  | 1000 | 2500",
        "00:00:01,000 --> 00:00:02,500  | 1000 | 2500",
        "0:00:01.5 --> 0:00:02.25       | 1500 | 2250",
        "00:01.5-->00:02.250            | 1500 | 2250",
        "00:00:01 --> 00:00:02          | 1000 | 2000",
        "99:59:59.998 --> 99:59:59.999  | 359999998 | 359999999",
        "00:01.000 --> 00:02.000 align:start line:0 | 1000 | 2000",
    })
    void timingsAreReadWithOrWithoutHoursAndWithEitherSeparator(String timing, long start, long end) throws Exception {
        Cue cue = WebVtt.parse("WEBVTT\n\n" + timing + "\nx\n").cues().get(0);

        assertThat(cue.startMillis()).isEqualTo(start);
        assertThat(cue.endMillis()).isEqualTo(end);
    }

    @Test
    void aFileWithoutTheTrailingLineBreakOrWithOnlyWhitespaceBetweenCuesIsRead() throws Exception {
        Transcript t = WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\none\n \t \n00:02.000 --> 00:03.000\ntwo");

        assertThat(t.cues()).extracting(Cue::text).containsExactly("one", "two");
    }

    // ------------------------------------------------------------ refusing what is not a transcript

    @Test
    void aFileThatIsNotWebVttIsRefusedOnItsFirstLine() {
        refuses(() -> WebVtt.parse(Fixtures.bytes("not-a-transcript.txt")), 1, "a WebVTT file starts with the line WEBVTT");
        refuses(() -> WebVtt.parse("WEBVTTX\n"), 1, "a WebVTT file starts with the line WEBVTT");
        refuses(() -> WebVtt.parse(""), 1, "a WebVTT file starts with the line WEBVTT");
    }

    @Test
    void aCueThatEndsBeforeItStartsIsRefusedOnItsTimingLine() {
        refuses(() -> WebVtt.parse(Fixtures.bytes("end-before-start.vtt")), 6,
            "the cue ends (00:00:04.000) before it starts (00:00:05.000)");
    }

    @Test
    void textOutsideACueIsRefusedWhereTheTimingWasExpected() {
        refuses(() -> WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nfine\n\nstray paragraph\n"), 6,
            "expected a cue timing like 00:01.000 --> 00:04.000 (a cue identifier or text outside a cue must be followed by a timing)");
        refuses(() -> WebVtt.parse("WEBVTT\n\nchapter-1\nnot a timing\n"), 4, "expected a cue timing like 00:01.000 --> 00:04.000");
        refuses(() -> WebVtt.parse("WEBVTT\n\n00:01.000 --> later\nx\n"), 3, "expected a cue timing like 00:01.000 --> 00:04.000");
    }

    @Test
    void aTextLineWithAnArrowThatIsNotATimingIsRefused() {
        // Browsers end the cue at such a line; the host gets told rather than losing text.
        refuses(() -> WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nsay A --> B\n"), 4,
            "expected a cue timing like 00:01.000 --> 00:04.000");
    }

    @Test
    void timesOutOfRangeAreRefused() {
        refuses(() -> WebVtt.parse("WEBVTT\n\n00:60.000 --> 01:00.000\nx\n"), 3, "minutes and seconds in a cue timing must be below 60");
        refuses(() -> WebVtt.parse("WEBVTT\n\n100:00:00.000 --> 100:00:01.000\nx\n"), 3, "times after 99:59:59.999 are not supported");
    }

    @Test
    void aFileWithoutCuesIsRefused() {
        refuses(() -> WebVtt.parse("WEBVTT\n\nNOTE nothing yet\n"), 0, "the file has no cues");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedOnTheLineOfItsFirstBadByte() {
        byte[] latin1 = "WEBVTT\n\n00:01.000 --> 00:02.000\ncaf\u00E9\n".getBytes(StandardCharsets.ISO_8859_1);
        refuses(() -> WebVtt.parse(latin1), 4, "the file is not UTF-8 text");
    }

    // ------------------------------------------------------------ limits

    @Test
    void aFileLargerThanFiveMibIsRefusedBeforeItIsRead() throws Exception {
        String header = "WEBVTT\n\n00:01.000 --> 00:02.000\n";
        byte[] atLimit = (header + "x".repeat(Transcript.MAX_BYTES - header.length())).getBytes(StandardCharsets.UTF_8);
        byte[] overLimit = (header + "x".repeat(Transcript.MAX_BYTES - header.length() + 1)).getBytes(StandardCharsets.UTF_8);

        // At the limit the file is read (and refused for its cue's length, not its size).
        refuses(() -> WebVtt.parse(atLimit), 3, "a cue's text may be at most 5000 characters");
        refuses(() -> WebVtt.parse(overLimit), 0, "the file is larger than 5 MiB (5242880 bytes)");
    }

    @Test
    void cueCountTextLengthAndSpeakerLengthAreLimited() throws Exception {
        StringBuilder many = new StringBuilder("WEBVTT\n");
        for (int i = 0; i <= Transcript.MAX_CUES; i++) {
            many.append("\n00:01.000 --> 00:02.000\n");
        }
        refuses(() -> WebVtt.parse(many.toString()), 3 + 2 * Transcript.MAX_CUES, "a transcript may have at most 50000 cues");

        String emoji = "\uD83C\uDF99";
        assertThat(WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n" + emoji.repeat(5000)).cues()).hasSize(1);
        refuses(() -> WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n" + emoji.repeat(5001)), 3,
            "a cue's text may be at most 5000 characters");
        assertThat(WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v " + "n".repeat(100) + ">x").cues()).hasSize(1);
        refuses(() -> WebVtt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v " + "n".repeat(101) + ">x"), 3,
            "a speaker's name may be at most 100 characters");
    }

    // ------------------------------------------------------------ writing

    @Test
    void writesEveryCueWithHoursAndItsSpeakerInAVoiceSpan() {
        Transcript t = new Transcript(List.of(
            new Cue(0, 4_250, "Maya Okafor", "Welcome back.\nI'm Maya."),
            new Cue(4_250, 9_000, "Maya Okafor", "Today: tools."),
            new Cue(3_612_480, 3_615_900, null, ""),
            new Cue(3_615_900, 3_616_000, null, "[music]")));

        assertThat(WebVtt.write(t)).isEqualTo("""
            WEBVTT

            00:00:00.000 --> 00:00:04.250
            <v Maya Okafor>Welcome back.
            I'm Maya.

            00:00:04.250 --> 00:00:09.000
            <v Maya Okafor>Today: tools.

            01:00:12.480 --> 01:00:15.900

            01:00:15.900 --> 01:00:16.000
            [music]
            """);
    }

    @Test
    void textAndSpeakerAreEscapedSoNothingInThemIsMarkupOrATiming() {
        Transcript t = new Transcript(List.of(new Cue(1_000, 2_000, "<b>A&B</b>", "x --> y\n<v Eve>&amp; </c>\nNOTE\nWEBVTT")));

        assertThat(WebVtt.write(t)).isEqualTo("""
            WEBVTT

            00:00:01.000 --> 00:00:02.000
            <v &lt;b&gt;A&amp;B&lt;/b&gt;>x --&gt; y
            &lt;v Eve&gt;&amp;amp; &lt;/c&gt;
            NOTE
            WEBVTT
            """);
    }

    private static void refuses(ThrowingCallable parse, int line, String reason) {
        assertThatThrownBy(parse)
            .isInstanceOfSatisfying(TranscriptException.class, e -> {
                assertThat(e.line()).isEqualTo(line);
                assertThat(e.reason()).isEqualTo(reason);
                assertThat(e.getMessage()).isEqualTo(line > 0 ? "line " + line + ": " + reason : reason);
            });
    }
}
