package dev.castline.transcript;

/**
 * A cue's timing line, {@code start --> end [settings]}, read the same way in WebVTT and SRT:
 * hours optional, {@code .} or {@code ,} before the milliseconds, one to three fraction digits
 * (or none), whitespace around the arrow optional, cue settings after the end time ignored.
 */
record Timing(long start, long end) {
    static final String ARROW = "-->";

    static Timing parse(String line, int lineNumber, String example) throws TranscriptException {
        String[] sides = sides(line);
        long[] start = sides == null ? null : fields(sides[0]);
        long[] end = sides == null ? null : fields(sides[1]);
        if (start == null || end == null) {
            throw new TranscriptException(lineNumber, "expected a cue timing like " + example);
        }
        long startMillis = millis(start, lineNumber);
        long endMillis = millis(end, lineNumber);
        if (endMillis < startMillis) {
            throw new TranscriptException(lineNumber, "the cue ends (" + format(endMillis, '.') + ") before it starts ("
                + format(startMillis, '.') + ")");
        }
        return new Timing(startMillis, endMillis);
    }

    /** True when the line has the shape of a timing, whatever its times. */
    static boolean looksLikeTiming(String line) {
        String[] sides = sides(line);
        return sides != null && fields(sides[0]) != null && fields(sides[1]) != null;
    }

    /** {@code HH:MM:SS.mmm}, always with hours; {@code separator} is {@code .} (WebVTT) or {@code ,} (SRT). */
    static String format(long millis, char separator) {
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long seconds = millis / 1000 % 60;
        long ms = millis % 1000;
        StringBuilder out = new StringBuilder(12);
        two(out, hours).append(':');
        two(out, minutes).append(':');
        two(out, seconds).append(separator);
        if (ms < 100) {
            out.append('0');
        }
        if (ms < 10) {
            out.append('0');
        }
        return out.append(ms).toString();
    }

    private static StringBuilder two(StringBuilder out, long value) {
        return (value < 10 ? out.append('0') : out).append(value);
    }

    /** The start time and the end time (the first word after the arrow), or null without an arrow. */
    private static String[] sides(String line) {
        int arrow = line.indexOf(ARROW);
        if (arrow < 0) {
            return null;
        }
        String right = line.substring(arrow + ARROW.length()).strip();
        int space = 0;
        while (space < right.length() && right.charAt(space) != ' ' && right.charAt(space) != '\t') {
            space++;
        }
        return new String[] {line.substring(0, arrow).strip(), right.substring(0, space)};
    }

    /** {hours, minutes, seconds, milliseconds} of {@code [h:]mm:ss[.fff]}, or null when it is not that shape. */
    private static long[] fields(String s) {
        int fractionAt = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
        String clock = fractionAt < 0 ? s : s.substring(0, fractionAt);
        String fraction = fractionAt < 0 ? "" : s.substring(fractionAt + 1);
        String[] parts = clock.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || !digits(fraction, fractionAt < 0 ? 0 : 1, 3)) {
            return null;
        }
        boolean hours = parts.length == 3;
        String minutes = parts[parts.length - 2];
        String seconds = parts[parts.length - 1];
        if ((hours && !digits(parts[0], 1, 3)) || !digits(minutes, 1, 2) || !digits(seconds, 1, 2)) {
            return null;
        }
        long ms = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        return new long[] {hours ? Long.parseLong(parts[0]) : 0, Long.parseLong(minutes), Long.parseLong(seconds), ms};
    }

    private static long millis(long[] f, int lineNumber) throws TranscriptException {
        if (f[1] > 59 || f[2] > 59) {
            throw new TranscriptException(lineNumber, "minutes and seconds in a cue timing must be below 60");
        }
        long millis = ((f[0] * 60 + f[1]) * 60 + f[2]) * 1000 + f[3];
        if (millis > Transcript.MAX_MILLIS) {
            throw new TranscriptException(lineNumber, "times after 99:59:59.999 are not supported");
        }
        return millis;
    }

    private static boolean digits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
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
