package dev.castline.feedimport;

/**
 * A feed that cannot be read at all: not XML, not RSS, hostile, or over a limit. The message is
 * for the host (it names the line and column when the parser knows them); callers print it, never
 * a stack trace.
 */
public class FeedImportException extends RuntimeException {
    private final int line;
    private final int column;

    public FeedImportException(String message) {
        this(message, -1, -1, null);
    }

    public FeedImportException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public FeedImportException(String message, int line, int column, Throwable cause) {
        super(line > 0 ? message + " (line " + line + (column > 0 ? ", column " + column : "") + ")" : message, cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the problem, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or -1 when unknown. */
    public int column() {
        return column;
    }
}
