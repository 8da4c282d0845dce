package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the CLI in this JVM as a shell would, and keeps what it printed and every request it sent. */
final class Cli {
    record Request(String method, URI uri) {
        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    record Run(int code, String out, String err, List<Request> requests, int mostAtOnce) {
        List<Request> requests(String method) {
            return requests.stream().filter(r -> r.method().equals(method)).toList();
        }
    }

    private final Map<String, String> variables = new HashMap<>();
    private Path workingDir;
    private String stdin = "";
    private boolean terminal;

    static Cli on(LocalStack.Running running) {
        Cli cli = new Cli();
        cli.variables.put("CASTLINE_API", running.stack().baseUrl().toString());
        cli.variables.put("CASTLINE_TOKEN", running.stack().adminToken());
        try {
            Path home = Files.createTempDirectory("castline-cli-home");
            cli.variables.put("HOME", home.toString());
            cli.workingDir = home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cli;
    }

    static Cli offline(Path home) {
        Cli cli = new Cli();
        cli.variables.put("HOME", home.toString());
        cli.workingDir = home;
        return cli;
    }

    Cli env(String name, String value) {
        if (value == null) {
            variables.remove(name);
        } else {
            variables.put(name, value);
        }
        return this;
    }

    Cli in(Path dir) {
        workingDir = dir;
        return this;
    }

    Cli stdin(String text) {
        stdin = text;
        return this;
    }

    Cli terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    Path workingDir() {
        return workingDir;
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Request> requests = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Env.RequestLog log = new Env.RequestLog() {
            @Override
            public void sent(String method, URI uri) {
                requests.add(new Request(method, uri));
                if (method.equals("PUT")) {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                }
            }

            @Override
            public void finished(String method, URI uri) {
                if (method.equals("PUT")) {
                    inFlight.decrementAndGet();
                }
            }
        };
        Env env = new Env(Map.copyOf(variables), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), workingDir, terminal,
                Clock.systemUTC(), Thread::sleep, log);
        int code = Castline.run(env, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), List.copyOf(requests), most.get());
    }

    /** Runs, expecting exit code 0. */
    Run ok(String... args) {
        Run run = run(args);
        assertThat(run.code()).as("castline %s%nstdout: %s%nstderr: %s", String.join(" ", args), run.out(), run.err()).isZero();
        return run;
    }
}
