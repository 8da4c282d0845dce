package dev.castline.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the world: environment variables, the standard streams, the
 * working folder, whether stderr is a terminal, a clock and a way to wait. The real one is
 * {@link #system()}; tests give their own, so the commands run in-process exactly as from a shell.
 */
public record Env(Map<String, String> variables, InputStream in, PrintStream out, PrintStream err, Path workingDir,
                  boolean terminal, Clock clock, Sleeper sleeper, RequestLog requests) {

    /** Waits; tests pass one that records instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** Sees every HTTP request the tool makes (the tests count them). */
    @FunctionalInterface
    public interface RequestLog {
        RequestLog NONE = (method, uri) -> { };

        void sent(String method, java.net.URI uri);

        /** The request's answer arrived, or it failed. */
        default void finished(String method, java.net.URI uri) {
        }
    }

    public static Env system() {
        return new Env(System.getenv(), System.in, System.out, System.err, Path.of("").toAbsolutePath(),
                System.console() != null && !"dumb".equals(System.getenv("TERM")), Clock.systemUTC(), Thread::sleep, RequestLog.NONE);
    }

    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code $XDG_CONFIG_HOME/castline}, else {@code ~/.config/castline}. */
    public Path configDir() {
        String xdg = variable("XDG_CONFIG_HOME");
        if (xdg != null) {
            return Path.of(xdg).resolve("castline");
        }
        String home = variable("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home")).resolve(".config").resolve("castline");
    }

    public Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }
}
