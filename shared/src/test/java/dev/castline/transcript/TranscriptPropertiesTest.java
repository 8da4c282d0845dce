package dev.castline.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a cue's text or speaker holds (markup, {@code -->}, blank lines, control
 * characters, right-to-left marks and overrides, emoji, lone surrogates, lines that look like
 * timings or headers), each format reads back the cues it was given, up to the normal form
 * {@link Cue} keeps and the speaker rules of WebVTT and SRT: nothing in a cue can break the file.
 */
class TranscriptPropertiesTest {
    private static final String[] PIECES = {
        "-->", "--->", "<", ">", "&", ";", "<b>", "</b>", "<i>", "<v Bob>", "</v>", "<c.x>", "<00:00:01.000>", "<rt>",
        "<font color=red>", "&amp;", "&lt;", "&gt;", "&#58;", "&#x1F600;", "&nbsp;", "&lrm;",
        "\n", "\n\n", "\r\n", "\r", "\t", " ", "  ", "\u0000", "\u0007", "\u000B", "\u001B", "\u007F", "\u0085", "\uFEFF",
        "\u200E", "\u200F", "\u202E", "\u2067", "\u2028", "\uD800", "\uDFFF", "\uFFFF",
        "שלום", "مرحبا", "😀", "👩🏽‍💻", "🇳🇱", "é", "e\u0301",
        "00:00:01.000 --> 00:00:02.000", "00:00:01,000 --> 00:00:02,000", "1", "42", "WEBVTT", "NOTE", "STYLE",
        "Note:", "Sarah:", "Speaker 2: ", "so:", "a", "word", "Q&A", ":", "\"", "\\", "{", "}",
    };
    private static final List<String> NAMES = List.of("Sarah", "Maya Okafor", "Dr. Ng", "Ana-María", "SPEAKER_00", "Speaker 2", "王芳");

    @Property(tries = 300)
    void webVttReadsBackEveryCue(@ForAll("transcripts") Transcript t) throws Exception {
        assertThat(WebVtt.parse(utf8(WebVtt.write(t)))).isEqualTo(t.carryingSpeakersOver());
    }

    @Property(tries = 300)
    void jsonReadsBackEveryCue(@ForAll("transcripts") Transcript t) throws Exception {
        assertThat(TranscriptJson.parse(utf8(TranscriptJson.write(t)))).isEqualTo(t);
    }

    @Property(tries = 300)
    void srtReadsBackEveryCueUpToItsSpeakerRules(@ForAll("transcripts") Transcript t) throws Exception {
        assertThat(Srt.parse(utf8(Srt.write(t)))).isEqualTo(asSrtReadsIt(t));
    }

    @Property(tries = 200)
    void srtWithNameShapedSpeakersOnEveryCueReadsBackExactly(@ForAll("namedTranscripts") Transcript t) throws Exception {
        assertThat(Srt.parse(utf8(Srt.write(t)))).isEqualTo(t);
    }

    @Property(tries = 200)
    void anyTranscriptConvertsThroughEveryFormatAndBack(@ForAll("namedTranscripts") Transcript t) throws Exception {
        Transcript viaAll = WebVtt.parse(utf8(WebVtt.write(
            Srt.parse(utf8(Srt.write(TranscriptJson.parse(utf8(TranscriptJson.write(t)))))))));

        assertThat(viaAll).isEqualTo(t);
    }

    /**
     * SRT's documented losses: a speaker that is not name-shaped is written as a prefix where
     * the speaker changes and read back as text there; a cue without a speaker whose text starts
     * with a name-shaped prefix is read as spoken by it; then speakers carry over as in WebVTT.
     */
    private static Transcript asSrtReadsIt(Transcript t) {
        List<Cue> expected = new ArrayList<>();
        String previous = null;
        for (Cue c : t.cues()) {
            String speaker = c.speaker();
            String text = c.text();
            if (speaker != null && Srt.speakerPrefix(speaker + ":") != speaker.length() + 1) {
                if (!speaker.equals(previous) || Srt.speakerPrefix(text) > 0) {
                    text = speaker + ":" + (text.isEmpty() ? "" : " " + text);
                }
                previous = speaker;
                speaker = null;
            } else if (speaker != null) {
                previous = speaker;
            }
            int prefix = speaker == null ? Srt.speakerPrefix(text) : 0;
            if (prefix > 0) {
                speaker = text.substring(0, text.indexOf(':'));
                text = text.substring(prefix);
            }
            expected.add(new Cue(c.startMillis(), c.endMillis(), speaker, text));
        }
        return new Transcript(expected).carryingSpeakersOver();
    }

    @Provide
    Arbitrary<Transcript> transcripts() {
        Arbitrary<String> speaker = Arbitraries.oneOf(
            Arbitraries.just(null), Arbitraries.of(NAMES), text(4), Arbitraries.strings().ofMaxLength(12));
        return transcriptsWith(speaker);
    }

    @Provide
    Arbitrary<Transcript> namedTranscripts() {
        return transcriptsWith(Arbitraries.of(NAMES));
    }

    private static Arbitrary<Transcript> transcriptsWith(Arbitrary<String> speakers) {
        Arbitrary<Cue> cue = Combinators.combine(
            Arbitraries.longs().between(0, Transcript.MAX_MILLIS - 600_000),
            Arbitraries.longs().between(0, 600_000),
            speakers,
            Arbitraries.oneOf(text(12), Arbitraries.strings().ofMaxLength(40)))
            .as((start, length, speaker, text) -> new Cue(start, start + length, speaker, text));
        return cue.list().ofMinSize(1).ofMaxSize(8).map(Transcript::new);
    }

    private static Arbitrary<String> text(int pieces) {
        return Arbitraries.of(PIECES).list().ofMaxSize(pieces).map(p -> String.join("", p));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
