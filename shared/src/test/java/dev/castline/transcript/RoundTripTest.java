package dev.castline.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The formats converted into one another keep every cue's times, speaker and text. */
class RoundTripTest {
    @Test
    void vttToJsonToVttKeepsEveryCueToTheMillisecond() throws Exception {
        for (String fixture : new String[] {"interview.vtt", "markup.vtt"}) {
            Transcript vtt = WebVtt.parse(Fixtures.bytes(fixture));

            Transcript json = TranscriptJson.parse(utf8(TranscriptJson.write(vtt)));
            Transcript back = WebVtt.parse(utf8(WebVtt.write(json)));

            assertThat(json).as(fixture).isEqualTo(vtt);
            assertThat(back).as(fixture).isEqualTo(vtt);
        }
    }

    @Test
    void srtToVttAndBackKeepsEveryCue() throws Exception {
        for (String fixture : new String[] {"buzzsprout.srt", "sloppy.srt"}) {
            Transcript srt = Srt.parse(Fixtures.bytes(fixture));

            Transcript vtt = WebVtt.parse(utf8(WebVtt.write(srt)));
            Transcript back = Srt.parse(utf8(Srt.write(vtt)));

            assertThat(vtt).as(fixture).isEqualTo(srt);
            assertThat(back).as(fixture).isEqualTo(srt);
        }
    }

    @Test
    void vttToSrtKeepsNameShapedSpeakers() throws Exception {
        Transcript vtt = WebVtt.parse(Fixtures.bytes("interview.vtt"));

        assertThat(Srt.parse(utf8(Srt.write(vtt)))).isEqualTo(vtt);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
