package dev.castline.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * An episode's transcript: its cues in the order of the file they came from.
 *
 * <p>The limits apply to every file read, whatever its format; writers have none.
 */
public record Transcript(List<Cue> cues) {
    /** The largest transcript file accepted: 5 MiB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Enough for a word-by-word transcript of a three-hour episode. */
    public static final int MAX_CUES = 50_000;
    /** Per cue, in code points, after normalisation. */
    public static final int MAX_TEXT_CHARS = 5_000;
    /** Per speaker name, in code points, after normalisation. */
    public static final int MAX_SPEAKER_CHARS = 100;
    /** Times are written with two-digit hours: 99:59:59.999 at most. */
    public static final long MAX_MILLIS = 100L * 3_600_000 - 1;

    public Transcript {
        cues = List.copyOf(cues);
    }

    /**
     * The cues with each cue that names no speaker given the speaker of the cue before it.
     * WebVTT and SRT transcripts name a speaker only when the speaker changes (the Podcasting 2.0
     * transcript guide asks for exactly that), so their readers apply this: a cue without a
     * speaker that follows one with a speaker cannot be told apart in those formats.
     */
    Transcript carryingSpeakersOver() {
        List<Cue> carried = new ArrayList<>(cues.size());
        String speaker = null;
        for (Cue c : cues) {
            if (c.speaker() != null) {
                speaker = c.speaker();
                carried.add(c);
            } else {
                carried.add(speaker == null ? c : new Cue(c.startMillis(), c.endMillis(), speaker, c.text()));
            }
        }
        return new Transcript(carried);
    }
}
