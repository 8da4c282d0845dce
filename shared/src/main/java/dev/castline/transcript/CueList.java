package dev.castline.transcript;

import java.util.ArrayList;
import java.util.List;

/** The cues of a file being read, with the limits every format shares checked as each is added. */
final class CueList {
    private final List<Cue> cues = new ArrayList<>();

    /** {@code line} is where the cue starts (its timing), named in any refusal. */
    void add(int line, long start, long end, String speaker, String text) throws TranscriptException {
        if (cues.size() == Transcript.MAX_CUES) {
            throw new TranscriptException(line, "a transcript may have at most " + Transcript.MAX_CUES + " cues");
        }
        Cue cue = new Cue(start, end, speaker, text);
        if (cue.text().codePointCount(0, cue.text().length()) > Transcript.MAX_TEXT_CHARS) {
            throw new TranscriptException(line, "a cue's text may be at most " + Transcript.MAX_TEXT_CHARS + " characters");
        }
        if (cue.speaker() != null && cue.speaker().codePointCount(0, cue.speaker().length()) > Transcript.MAX_SPEAKER_CHARS) {
            throw new TranscriptException(line, "a speaker's name may be at most " + Transcript.MAX_SPEAKER_CHARS + " characters");
        }
        cues.add(cue);
    }

    Transcript transcript() throws TranscriptException {
        if (cues.isEmpty()) {
            throw new TranscriptException(0, "the file has no cues");
        }
        return new Transcript(cues);
    }
}
