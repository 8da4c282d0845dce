package dev.castline.transcript;

import java.math.BigDecimal;
import java.util.List;

/**
 * Whether a transcript fits its episode's audio. A cue that ends more than
 * {@link #GRACE_MILLIS} after the audio's end is refused: the transcript belongs to another
 * episode or another edit of this one. A smaller overrun (a rounded end time, trimmed silence)
 * is a warning.
 *
 * @param warnings for the host; empty when every cue ends within the audio
 */
public record DurationCheck(List<String> warnings) {
    /** How far past the audio's end a cue may run before the transcript is refused. */
    public static final long GRACE_MILLIS = 5_000;

    public DurationCheck {
        warnings = List.copyOf(warnings);
    }

    public static DurationCheck of(Transcript transcript, long audioMillis) throws TranscriptException {
        int over = 0;
        int first = -1;
        long most = 0;
        List<Cue> cues = transcript.cues();
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            long overrun = cue.endMillis() - audioMillis;
            if (overrun > GRACE_MILLIS) {
                throw new TranscriptException(0, "cue " + (i + 1) + " (" + times(cue) + ") ends " + seconds(overrun)
                    + " after the audio, which is " + Timing.format(audioMillis, '.') + " long: is this the transcript of "
                    + "this episode's audio?");
            }
            if (overrun > 0) {
                over++;
                most = Math.max(most, overrun);
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (over == 0) {
            return new DurationCheck(List.of());
        }
        return new DurationCheck(List.of((over == 1 ? "1 cue ends" : over + " cues end") + " up to " + seconds(most)
            + " after the audio (" + Timing.format(audioMillis, '.') + "), from cue " + (first + 1) + " ("
            + times(cues.get(first)) + "); players stop showing them when the audio ends"));
    }

    private static String times(Cue cue) {
        return Timing.format(cue.startMillis(), '.') + " --> " + Timing.format(cue.endMillis(), '.');
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
