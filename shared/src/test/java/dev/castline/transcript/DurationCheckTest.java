package dev.castline.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A transcript against its audio's duration: within it, a little over (a warning), far over (refused). */
class DurationCheckTest {
    private static final long AUDIO = 3_600_000;

    @Test
    void cuesWithinTheAudioGiveNoWarnings() throws Exception {
        assertThat(DurationCheck.of(transcript(AUDIO - 1_000, AUDIO), AUDIO).warnings()).isEmpty();
    }

    @Test
    void cuesUpToFiveSecondsPastTheEndGiveOneWarningNamingTheFirst() throws Exception {
        Transcript t = new Transcript(List.of(
            new Cue(0, 1_000, "a"),
            new Cue(AUDIO - 500, AUDIO + 1_250, "b"),
            new Cue(AUDIO + 1_250, AUDIO + DurationCheck.GRACE_MILLIS, "c")));

        assertThat(DurationCheck.of(t, AUDIO).warnings()).containsExactly(
            "2 cues end up to 5 s after the audio (01:00:00.000), from cue 2 (00:59:59.500 --> 01:00:01.250); "
                + "players stop showing them when the audio ends");
    }

    @Test
    void aCueMoreThanFiveSecondsPastTheEndIsRefusedByNumberAndTime() {
        assertThatThrownBy(() -> DurationCheck.of(transcript(AUDIO, AUDIO + DurationCheck.GRACE_MILLIS + 1), AUDIO))
            .isInstanceOfSatisfying(TranscriptException.class, e -> assertThat(e.reason()).isEqualTo(
                "cue 2 (01:00:00.000 --> 01:00:05.001) ends 5.001 s after the audio, which is 01:00:00.000 long: "
                    + "is this the transcript of this episode's audio?"));
    }

    private static Transcript transcript(long lastStart, long lastEnd) {
        return new Transcript(List.of(new Cue(0, 1_000, "first"), new Cue(lastStart, lastEnd, "last")));
    }
}
