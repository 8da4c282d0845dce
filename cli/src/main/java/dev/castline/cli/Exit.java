package dev.castline.cli;

/**
 * The exit codes of every command, documented in the README and {@code castline --help}.
 * Scripts can tell "fix your input" from "try again later".
 */
public final class Exit {
    public static final int OK = 0;
    /** Something unexpected: a bug, or an answer the tool cannot read. */
    public static final int FAILURE = 1;
    /** Bad options or arguments, an unreadable episode file, a field the API refused, audio processing refused. */
    public static final int USAGE = 2;
    /** No such episode, or no show settings. */
    public static final int NOT_FOUND = 3;
    /** The slug belongs to another episode, or the episode changed meanwhile, or is not ready (e.g. publishing without audio). */
    public static final int CONFLICT = 4;
    /** No profile or token, or the API refused the token. */
    public static final int AUTH = 5;
    /** The API or the store failed, or could not be reached after retries. */
    public static final int SERVER = 6;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private Exit() {
    }

    /** A failure with its exit code and one line for the person at the terminal. */
    public static class Failure extends RuntimeException {
        private final int code;

        public Failure(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    static Failure usage(String message) {
        return new Failure(USAGE, message);
    }
}
