package dev.castline.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SRT read from real-shaped files, with speakers from name prefixes, and written back. */
class SrtTest {
    @Test
    void thePodcastingGuidesShapeReadsWithSpeakersCarriedUntilTheyChange() throws Exception {
        Transcript t = Srt.parse(Fixtures.bytes("buzzsprout.srt"));

        assertThat(t.cues()).containsExactly(
            new Cue(0, 2_760, "Sarah", "In today's episode,\nyou'll learn whether or not you"),
            new Cue(2_760, 6_090, "Sarah", "should have a podcast trailer.\nAnd if so, what should you"),
            new Cue(6_090, 11_610, "Sarah", "include in one? Welcome to\nPodcasting Q&A, where you learn"),
            new Cue(19_080, 21_450, "Gillian", "Hi Buzzsprout, Gillian\nhere from breaking through"),
            new Cue(21_450, 25_350, "Gillian", "careers podcast. My question is,\ndo we need a podcast trailer?"));
    }

    @Test
    void aSloppyExportReadsWithItsTagsDroppedAndItsMistakesForgiven() throws Exception {
        Transcript t = Srt.parse(Fixtures.bytes("sloppy.srt"));

        assertThat(t.cues()).containsExactly(
            new Cue(500, 3_000, "SPEAKER_00", "So the meeting is at 10:30,\nsee https://example.com."),
            new Cue(3_000, 5_250, "Speaker 1", "Tom & Jerry? <grep>"),
            new Cue(5_250, 7_000, "Speaker 1", "so: lowercase words before a colon stay text"),
            new Cue(7_000, 9_000, "SPEAKER_00", "Back to you."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sarah: hi                        | Sarah",
        "JOHN: hi                         | JOHN",
        "Dr. Ng: hi                       | Dr. Ng",
        "Ana-María O'Neil: hi             | Ana-María O'Neil",
        "Speaker 2: hi                    | Speaker 2",
        "SPEAKER_01: hi                   | SPEAKER_01",
        "王芳: 你好                        | 王芳",
        "Maya:                            | Maya",
        "Note: a cue that starts like this | Note",
    })
    void aNameShapedPrefixIsReadAsTheSpeaker(String line, String speaker) {
        assertThat(Srt.speakerPrefix(line)).isPositive();
        assertThat(line.substring(0, line.indexOf(':'))).isEqualTo(speaker);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "so: lowercase start",
        "at 10:30 we start",
        "10:30: a time",
        "https://example.com",
        "Sarah:no space after the colon",
        "One Two Three Four: four words",
        "A very long name indeed, surely: too long",
        "Abcdefghijklmnopqrstuvwxyzabcdefg: a 33-character name",
        "Sarah (host): brackets",
        ": empty name",
        "Sarah 2b: a word that is neither a name nor a number",
    })
    void otherTextBeforeAColonStaysText(String line) {
        assertThat(Srt.speakerPrefix(line)).isZero();
    }

    @Test
    void aFileThatIsNotSrtIsRefusedOnItsFirstLine() {
        assertThatThrownBy(() -> Srt.parse(Fixtures.bytes("not-a-transcript.txt")))
            .hasMessage("line 1: expected a cue number or a cue timing like 00:00:01,000 --> 00:00:04,000");
    }

    @Test
    void aCueNumberWithoutATimingIsRefusedOnTheLineAfterIt() {
        assertThatThrownBy(() -> Srt.parse(Fixtures.bytes("bad-timing.srt")))
            .hasMessage("line 6: expected a cue timing like 00:00:01,000 --> 00:00:04,000 after the cue number");
        assertThatThrownBy(() -> Srt.parse("1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\n"))
            .hasMessage("line 6: expected a cue timing like 00:00:01,000 --> 00:00:04,000 after the cue number");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> Srt.parse(" \r\n\r\n")).hasMessage("the file has no cues");
    }

    @Test
    void writesNumberedCuesNamingTheSpeakerWhenItChanges() {
        Transcript t = new Transcript(List.of(
            new Cue(0, 2_760, "Sarah", "In today's episode,\nyou'll learn"),
            new Cue(2_760, 6_090, "Sarah", "whether you need a trailer."),
            new Cue(6_090, 7_000, "Sarah", "Gillian: she asked."),
            new Cue(3_619_080, 3_621_450, "Gillian", ""),
            new Cue(3_621_450, 3_622_000, null, "")));

        assertThat(Srt.write(t)).isEqualTo("""
            1
            00:00:00,000 --> 00:00:02,760
            Sarah: In today's episode,
            you'll learn

            2
            00:00:02,760 --> 00:00:06,090
            whether you need a trailer.

            3
            00:00:06,090 --> 00:00:07,000
            Sarah: Gillian: she asked.

            4
            01:00:19,080 --> 01:00:21,450
            Gillian:

            5
            01:00:21,450 --> 01:00:22,000
            """);
    }

    @Test
    void onlyWhatAReaderWouldTakeForMarkupIsEscaped() throws Exception {
        String text = "Q&A: a < b, <b>bold</b>, &amp; --> <FONT color=red> &nope; <3";
        Transcript t = new Transcript(List.of(new Cue(0, 1_000, "Host", text)));

        String written = Srt.write(t);

        assertThat(written).contains("Host: Q&A: a < b, &lt;b>bold&lt;/b>, &amp;amp; --&gt; &lt;FONT color=red> &nope; <3\n");
        assertThat(Srt.parse(written).cues()).containsExactly(new Cue(0, 1_000, "Host", text));
    }

    @Test
    void aSpeakerThatDoesNotLookLikeANameIsWrittenButReadBackAsText() throws Exception {
        Transcript t = new Transcript(List.of(new Cue(0, 1_000, "dr who", "hello")));

        assertThat(Srt.parse(Srt.write(t)).cues()).containsExactly(new Cue(0, 1_000, null, "dr who: hello"));
    }
}
