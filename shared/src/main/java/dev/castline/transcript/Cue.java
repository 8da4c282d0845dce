package dev.castline.transcript;

/**
 * One timed piece of a transcript.
 *
 * <p>Text and speaker are kept in a normal form, whatever they were built from, so that every
 * format reads back what it was given:
 * <ul>
 *   <li>line breaks are {@code \n} ({@code \r\n}, {@code \r}, U+2028 and U+2029 become one);</li>
 *   <li>control characters other than newline and tab (C0, DEL, C1), the non-characters U+FFFE
 *       and U+FFFF, and unpaired surrogates are removed: no format (nor XML) can carry them
 *       all, and they are never meant;</li>
 *   <li>each line is trimmed of whitespace ({@link String#strip()}), and blank lines are
 *       removed: a blank line ends a cue in WebVTT and SRT;</li>
 *   <li>a speaker is one line: runs of whitespace become one space; blank becomes no speaker.</li>
 * </ul>
 * Everything else (markup-like text, {@code -->}, right-to-left marks, emoji) is kept as
 * it is: the writers escape it for their format.
 *
 * @param startMillis from the start of the audio, at least 0
 * @param endMillis at least {@code startMillis}
 * @param speaker optional: null when the cue names no one
 * @param text possibly empty, never null
 */
public record Cue(long startMillis, long endMillis, String speaker, String text) {
    public Cue {
        if (startMillis < 0) {
            throw new IllegalArgumentException("a cue cannot start before the audio");
        }
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("a cue cannot end before it starts");
        }
        speaker = CueText.speaker(speaker);
        text = CueText.text(text == null ? "" : text);
    }

    public Cue(long startMillis, long endMillis, String text) {
        this(startMillis, endMillis, null, text);
    }
}
