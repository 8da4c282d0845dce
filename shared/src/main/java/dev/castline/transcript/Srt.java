package dev.castline.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SubRip (SRT) as podcast transcripts use it: numbered cues, the speaker named by a
 * {@code Name:} prefix when the speaker changes.
 *
 * <p>Reading forgives what real files do: a BOM; CRLF, CR or LF; no blank line at the end;
 * missing cue numbers; {@code .} before the milliseconds, hours left out; coordinates or
 * settings after the end time; lines of only whitespace as blank lines; a missing blank line
 * before the next cue (its number and timing start it). The formatting tags players know
 * ({@code <b> <i> <u> <font ...>} and their closing tags) are dropped, the character references
 * of {@link Entities} decoded; anything else is text.
 *
 * <p><b>Speakers.</b> SRT has no field for them, so a prefix is read as a speaker only when it
 * looks like a name: at the start of the cue's first line, one to three words followed by a
 * colon and then a space or the end of the line. The first word starts with a letter that is
 * not lower case (so "Sarah", "JOHN", "Dr.", "Ana-María", "王" but not "well"); later words
 * start the same way or are a number ("Speaker 2"); words are made of letters, marks, digits,
 * apostrophes, hyphens, full stops and underscores ("SPEAKER_00"); the whole name is at most
 * 32 characters. So times ("at 10:30"), URLs ("https://"), lower-case sentence starts ("so:")
 * and long clauses stay text. Its cost: a cue that really begins with a capitalised word and a
 * colon ("Note: ...") is read as spoken by "Note". A cue without a prefix takes the speaker of
 * the cue before it.
 *
 * <p>Writing names the speaker when it changes (as the Podcasting 2.0 transcript guide asks),
 * and again whenever the cue's own text would otherwise be read as a prefix. Text is escaped
 * only where a reader would otherwise see markup: {@code &} where it starts a reference,
 * {@code <} where it starts a known tag, and the {@code >} of {@code -->} (so no text line can
 * be taken for a timing). Everything else is written as it is, for players that show SRT
 * text raw.
 */
public final class Srt {
    static final String EXAMPLE = "00:00:01,000 --> 00:00:04,000";
    private static final Pattern TAG = Pattern.compile("</?(?:b|i|u|font)(?:[ \\t][^<>\\n]*)?>", Pattern.CASE_INSENSITIVE);
    private static final int MAX_NAME_CHARS = 32;
    private static final int MAX_NAME_WORDS = 3;

    private Srt() {
    }

    public static Transcript parse(byte[] file) throws TranscriptException {
        return parse(Source.text(file));
    }

    /** The text of a file, already decoded; see {@link #parse(byte[])}. */
    public static Transcript parse(String text) throws TranscriptException {
        List<String> lines = Source.lines(Source.checked(text));
        CueList cues = new CueList();
        int i = 0;
        while (true) {
            while (i < lines.size() && Source.blank(lines.get(i))) {
                i++;
            }
            if (i >= lines.size()) {
                break;
            }
            if (isNumber(lines.get(i))) {
                i++;
                if (i >= lines.size() || !lines.get(i).contains(Timing.ARROW)) {
                    throw new TranscriptException(i + 1, "expected a cue timing like " + EXAMPLE + " after the cue number");
                }
            } else if (!lines.get(i).contains(Timing.ARROW)) {
                throw new TranscriptException(i + 1, "expected a cue number or a cue timing like " + EXAMPLE);
            }
            int timingLine = i + 1;
            Timing timing = Timing.parse(lines.get(i), timingLine, EXAMPLE);
            i++;
            List<String> textLines = new ArrayList<>();
            while (i < lines.size() && !Source.blank(lines.get(i))) {
                if (Timing.looksLikeTiming(lines.get(i))) {
                    // The blank line before the next cue is missing: its number, if any, is ours.
                    if (!textLines.isEmpty() && isNumber(textLines.get(textLines.size() - 1))) {
                        textLines.remove(textLines.size() - 1);
                        i--;
                    }
                    break;
                }
                textLines.add(lines.get(i));
                i++;
            }
            String cueText = CueText.text(plain(String.join("\n", textLines)));
            int prefix = speakerPrefix(cueText);
            String speaker = prefix > 0 ? cueText.substring(0, cueText.indexOf(':')) : null;
            cues.add(timingLine, timing.start(), timing.end(), speaker, prefix > 0 ? cueText.substring(prefix) : cueText);
        }
        return cues.transcript().carryingSpeakersOver();
    }

    public static String write(Transcript transcript) {
        StringBuilder out = new StringBuilder(transcript.cues().size() * 80);
        String previous = null;
        int number = 0;
        for (Cue cue : transcript.cues()) {
            if (number > 0) {
                out.append('\n');
            }
            out.append(++number).append('\n')
                .append(Timing.format(cue.startMillis(), ','))
                .append(" --> ")
                .append(Timing.format(cue.endMillis(), ','))
                .append('\n');
            String speaker = cue.speaker();
            boolean name = speaker != null && (!speaker.equals(previous) || speakerPrefix(cue.text()) > 0);
            if (name) {
                escape(out, speaker);
                out.append(cue.text().isEmpty() ? ":" : ": ");
            }
            escape(out, cue.text());
            if (name || !cue.text().isEmpty()) {
                out.append('\n');
            }
            if (speaker != null) {
                previous = speaker;
            }
        }
        return out.toString();
    }

    /**
     * The length of the speaker prefix at the start of {@code text}, the name with its colon and
     * the space after it, or 0 when the text does not start with one. See the class comment.
     */
    static int speakerPrefix(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon > MAX_NAME_CHARS) {
            return 0;
        }
        String name = text.substring(0, colon);
        String[] words = name.split(" ", -1);
        if (words.length > MAX_NAME_WORDS || name.indexOf('\n') >= 0) {
            return 0;
        }
        for (int w = 0; w < words.length; w++) {
            if (!isNameWord(words[w], w > 0)) {
                return 0;
            }
        }
        if (colon + 1 == text.length() || text.charAt(colon + 1) == '\n') {
            return colon + 1;
        }
        return text.charAt(colon + 1) == ' ' ? colon + 2 : 0;
    }

    private static boolean isNameWord(String word, boolean mayBeNumber) {
        if (word.isEmpty()) {
            return false;
        }
        int first = word.codePointAt(0);
        boolean number = true;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            number &= c >= '0' && c <= '9';
            boolean ok = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK
                || c == '\'' || c == '\u2019' || c == '-' || c == '.' || c == '_';
            if (!ok) {
                return false;
            }
            i += Character.charCount(c);
        }
        return (Character.isLetter(first) && !Character.isLowerCase(first)) || (mayBeNumber && number);
    }

    /** Text without the tags players know, with references decoded. */
    private static String plain(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        Matcher tag = TAG.matcher(raw);
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '<' && tag.region(i, raw.length()).lookingAt()) {
                i = tag.end();
                continue;
            }
            if (c == '&') {
                Entities.Reference ref = Entities.at(raw, i);
                if (ref != null) {
                    out.append(ref.value());
                    i += ref.length();
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, String text) {
        Matcher tag = TAG.matcher(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' && Entities.at(text, i) != null) {
                out.append("&amp;");
            } else if (c == '<' && tag.region(i, text.length()).lookingAt()) {
                out.append("&lt;");
            } else if (c == '>' && i >= 2 && text.charAt(i - 1) == '-' && text.charAt(i - 2) == '-') {
                out.append("&gt;");
            } else {
                out.append(c);
            }
        }
    }

    private static boolean isNumber(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
