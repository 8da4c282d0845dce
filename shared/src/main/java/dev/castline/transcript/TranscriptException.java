package dev.castline.transcript;

/**
 * The file is not a transcript Castline can publish. {@link #line} is the 1-based line the
 * problem was found on (0 when it concerns the whole file, like its size); {@link #reason} says
 * what was expected, in words a host can act on ("expected a cue timing like 00:01.000 -->
 * 00:04.000"). Reasons are written by us and never quote the file.
 *
 * <p>Checked, like the project's other exceptions about a host's upload: a bad transcript is an
 * everyday outcome, and the caller decides what the host is shown (a 400 naming the line).
 * Stackless: the line and reason are the whole story.
 */
public final class TranscriptException extends Exception {
    private final int line;
    private final String reason;

    public TranscriptException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason, null, false, false);
        this.line = line;
        this.reason = reason;
    }

    /** 1-based, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
