package dev.castline.transcript;

/** The normal form of a cue's text and speaker, described on {@link Cue}. */
final class CueText {
    private CueText() {
    }

    static String text(String raw) {
        String clean = clean(raw);
        StringBuilder out = new StringBuilder(clean.length());
        int from = 0;
        while (from <= clean.length()) {
            int newline = clean.indexOf('\n', from);
            int to = newline < 0 ? clean.length() : newline;
            String line = clean.substring(from, to).strip();
            if (!line.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(line);
            }
            from = to + 1;
        }
        return out.toString();
    }

    static String speaker(String raw) {
        if (raw == null) {
            return null;
        }
        String clean = clean(raw);
        StringBuilder out = new StringBuilder(clean.length());
        boolean space = false;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Line breaks as {@code \n}; controls, non-characters and unpaired surrogates removed. */
    private static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (c == '\t') {
                out.append(c);
            } else if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                continue;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    out.append(c).append(raw.charAt(i + 1));
                    i++;
                }
            } else if (!Character.isLowSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
