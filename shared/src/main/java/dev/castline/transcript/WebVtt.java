package dev.castline.transcript;

import java.util.List;
import java.util.Locale;

/**
 * WebVTT (W3C), as podcast transcripts use it: cues with an optional speaker in a voice span
 * ({@code <v Name>}), the speaker named when it changes.
 *
 * <p>Reading keeps to the W3C parsing rules where they matter and forgives what real files
 * do: a BOM; CRLF, CR or LF; no blank line at the end; header lines after {@code WEBVTT}
 * ({@code Kind:}, {@code Language:}); cue identifiers; cue settings after the end time;
 * {@code NOTE}, {@code STYLE} and {@code REGION} blocks anywhere; lines of only whitespace as
 * blank lines; a missing blank line before a timing; {@code ,} before the milliseconds, hours
 * left out, fewer than three fraction digits. In the cue text, the first voice span names the
 * speaker; all other markup ({@code <b> <i> <u> <c.class> <lang> <ruby>}, timestamps
 * {@code <00:00:05.000>}, closing tags) is dropped with its tags' text kept, except ruby text
 * ({@code <rt>}, to its end or the end of the ruby), which is dropped; character references are decoded; a {@code <} that does
 * not open a tag on its line is text. A cue without a voice span takes the speaker of the
 * cue before it.
 *
 * <p>Writing names the speaker on every cue that has one, and escapes {@code & < >} in text and
 * names, so no cue text can open a tag, form {@code -->} or end its cue early.
 */
public final class WebVtt {
    static final String EXAMPLE = "00:01.000 --> 00:04.000";

    private WebVtt() {
    }

    public static Transcript parse(byte[] file) throws TranscriptException {
        return parse(Source.text(file));
    }

    /** The text of a file, already decoded; see {@link #parse(byte[])}. */
    public static Transcript parse(String text) throws TranscriptException {
        List<String> lines = Source.lines(Source.checked(text));
        if (lines.isEmpty() || !isSignature(lines.get(0))) {
            throw new TranscriptException(1, "a WebVTT file starts with the line WEBVTT");
        }
        int i = 1;
        // Header lines (Kind:, Language:, ...) run to the first blank line.
        while (i < lines.size() && !Source.blank(lines.get(i)) && !lines.get(i).contains(Timing.ARROW)) {
            i++;
        }
        CueList cues = new CueList();
        while (true) {
            while (i < lines.size() && Source.blank(lines.get(i))) {
                i++;
            }
            if (i >= lines.size()) {
                break;
            }
            String first = lines.get(i);
            if (isBlockStart(first, "NOTE") || isBlockStart(first, "STYLE") || isBlockStart(first, "REGION")) {
                i++;
                while (i < lines.size() && !Source.blank(lines.get(i)) && !lines.get(i).contains(Timing.ARROW)) {
                    i++;
                }
                continue;
            }
            if (!first.contains(Timing.ARROW)) {
                // A cue identifier: the timing must follow on the next line.
                i++;
                if (i >= lines.size() || Source.blank(lines.get(i))) {
                    throw new TranscriptException(i, "expected a cue timing like " + EXAMPLE + " (a cue identifier or text "
                        + "outside a cue must be followed by a timing)");
                }
            }
            int timingLine = i + 1;
            Timing timing = Timing.parse(lines.get(i), timingLine, EXAMPLE);
            i++;
            StringBuilder payload = new StringBuilder();
            while (i < lines.size() && !Source.blank(lines.get(i)) && !lines.get(i).contains(Timing.ARROW)) {
                if (!payload.isEmpty()) {
                    payload.append('\n');
                }
                payload.append(lines.get(i));
                i++;
            }
            Markup markup = Markup.read(payload.toString());
            cues.add(timingLine, timing.start(), timing.end(), markup.speaker(), markup.text());
        }
        return cues.transcript().carryingSpeakersOver();
    }

    public static String write(Transcript transcript) {
        StringBuilder out = new StringBuilder(64 + transcript.cues().size() * 64);
        out.append("WEBVTT\n");
        for (Cue cue : transcript.cues()) {
            out.append('\n')
                .append(Timing.format(cue.startMillis(), '.'))
                .append(" --> ")
                .append(Timing.format(cue.endMillis(), '.'))
                .append('\n');
            if (cue.speaker() != null) {
                out.append("<v ");
                escape(out, cue.speaker());
                out.append('>');
            }
            escape(out, cue.text());
            if (cue.speaker() != null || !cue.text().isEmpty()) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }

    private static boolean isSignature(String line) {
        return line.startsWith("WEBVTT")
            && (line.length() == 6 || line.charAt(6) == ' ' || line.charAt(6) == '\t');
    }

    private static boolean isBlockStart(String line, String keyword) {
        return line.startsWith(keyword) && (line.length() == keyword.length()
            || line.charAt(keyword.length()) == ' ' || line.charAt(keyword.length()) == '\t');
    }

    /** A cue's payload without its markup: the first voice's name, and the text. */
    record Markup(String speaker, String text) {
        static Markup read(String payload) {
            StringBuilder text = new StringBuilder(payload.length());
            String voice = null;
            int ruby = 0;
            int i = 0;
            while (i < payload.length()) {
                char c = payload.charAt(i);
                if (c == '<') {
                    int close = tagEnd(payload, i);
                    if (close > 0) {
                        String tag = payload.substring(i + 1, close);
                        boolean closing = tag.startsWith("/");
                        String name = name(closing ? tag.substring(1) : tag);
                        if (name.equals("rt")) {
                            ruby = Math.max(0, ruby + (closing ? -1 : 1));
                        } else if (name.equals("ruby") && closing) {
                            ruby = 0;
                        } else if (name.equals("v") && !closing && voice == null) {
                            voice = annotation(tag);
                        }
                        i = close + 1;
                        continue;
                    }
                } else if (c == '&') {
                    Entities.Reference ref = Entities.at(payload, i);
                    if (ref != null) {
                        if (ruby == 0) {
                            text.append(ref.value());
                        }
                        i += ref.length();
                        continue;
                    }
                }
                if (ruby == 0 || c == '\n') {
                    text.append(c);
                }
                i++;
            }
            return new Markup(voice, text.toString());
        }

        /** The {@code >} closing a tag opened at {@code at}, or -1 when {@code <} is only text there. */
        private static int tagEnd(String s, int at) {
            if (at + 1 >= s.length()) {
                return -1;
            }
            char next = s.charAt(at + 1);
            if (!(Character.isLetterOrDigit(next) || next == '/')) {
                return -1;
            }
            for (int j = at + 1; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '>') {
                    return j;
                }
                if (c == '\n' || c == '<') {
                    return -1;
                }
            }
            return -1;
        }

        /** The tag's name without classes: {@code v.loud Esme} gives {@code v}. */
        private static String name(String tag) {
            int end = 0;
            while (end < tag.length() && tag.charAt(end) != '.' && tag.charAt(end) != ' ' && tag.charAt(end) != '\t') {
                end++;
            }
            return tag.substring(0, end).toLowerCase(Locale.ROOT);
        }

        private static String annotation(String tag) {
            int space = 0;
            while (space < tag.length() && tag.charAt(space) != ' ' && tag.charAt(space) != '\t') {
                space++;
            }
            String raw = tag.substring(space);
            StringBuilder out = new StringBuilder(raw.length());
            for (int j = 0; j < raw.length(); j++) {
                Entities.Reference ref = raw.charAt(j) == '&' ? Entities.at(raw, j) : null;
                if (ref != null) {
                    out.append(ref.value());
                    j += ref.length() - 1;
                } else {
                    out.append(raw.charAt(j));
                }
            }
            return out.toString();
        }
    }
}
