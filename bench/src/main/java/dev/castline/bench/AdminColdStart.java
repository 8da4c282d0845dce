package dev.castline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the admin function on its first create-a-draft request: this build, whose request
 * bodies are read by jackson-jr ({@code dev.castline.http.JsonBody}), against the build at
 * b59e566, whose hand-written parser ({@code BodyNode}/{@code JsonBody} in functions/admin) it
 * replaced. As {@link ColdStart} does for the read functions: each invocation a fresh JVM with
 * Lambda's flags and the template's {@code JAVA_TOOL_OPTIONS} (the same at both commits), the
 * function's own artifact as its classpath plus the launcher, against the local stack, rounds
 * alternating the candidates. The new build answers {@code POST /api/v1/admin/episodes} (its
 * {@code events/admin-create-episode.json}), the old one {@code POST /admin/episodes} (the same
 * file at b59e566, read from the old worktree); each writes its own keys (the old one its
 * unscoped ones) into the stack's table, which a new draft never reads, and every run's title is
 * made unique, so no run meets the slug of an earlier one. Both must answer 201.
 *
 * <p>The two builds differ in more than the parser (the refactoring that brought jackson-jr moved
 * the routes' work into host services), so the run also measures the parser alone: a floor JVM
 * that answers at once, and one per build that parses the same body once with that build's parser
 * ({@code dev.castline.bench.lambda.BodyParseHandler}, its artifact as classpath), all three with
 * the same {@code JAVA_TOOL_OPTIONS}; its time over the floor is what the first body costs. One
 * more unmeasured start per candidate logs the classes it loads.
 *
 * <p>Usage, from the repository root after {@code mvn -Pbench -DskipTests package}, with the old
 * build in a worktree:
 * <pre>
 * git worktree add /tmp/old b59e566 &amp;&amp; (cd /tmp/old &amp;&amp; mvn -B -DskipTests -pl functions/admin -am package)
 * java -cp bench/target/benchmarks.jar dev.castline.bench.AdminColdStart [rounds] [old worktree, default /tmp/old]
 * </pre>
 * Writes bench/results/admin-cold-start.txt.
 */
public final class AdminColdStart {
    static final String HANDLER = "dev.castline.functions.admin.AdminHandler";
    static final String PARSE_ONLY = "dev.castline.bench.lambda.BodyParseHandler";
    static final String NEW_PARSER = "dev.castline.http.JsonBody";
    static final String OLD_PARSER = "dev.castline.functions.admin.JsonBody";
    /** The bearer token the measured requests carry; the function gets its SHA-256, as deployed. */
    static final String TOKEN = "castline-bench-admin-token-0123456789abcdef";
    private static final String TOKEN_PLACEHOLDER = "REPLACE-WITH-THE-ADMIN-TOKEN";
    private static final String TITLE = "Podia Has Everything You Need to Sell Online Courses";

    /**
     * @param event what the event file holds; for a full request, its title is made unique per run
     * @param status what it must answer
     */
    record Candidate(String name, String classpath, String handler, List<String> flags, String jvmOptions, String event,
                     boolean fullRequest, int status) {
    }

    record Sample(long millis, long peakRssKb) {
    }

    private AdminColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Path.of("").toAbsolutePath();
        Path old = Path.of(args.length > 1 ? args[1] : "/tmp/old").toAbsolutePath();
        String launcher = FunctionJvm.launcher(root);
        Path newJar = FunctionJvm.artifact(root, "admin");
        Path oldJar = FunctionJvm.artifact(old, "admin");
        for (Path jar : List.of(newJar, oldJar)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it first (see the usage in AdminColdStart's Javadoc)");
            }
        }
        String deployed = SamOptions.javaToolOptions(root.resolve("template.yaml"));
        String oldDeployed = SamOptions.javaToolOptions(old.resolve("template.yaml"));
        if (!deployed.equals(oldDeployed)) {
            System.out.println("note: JAVA_TOOL_OPTIONS differ: this build " + deployed + ", the old one " + oldDeployed
                    + "; both run with this build's");
        }
        String newEvent = Files.readString(root.resolve("events/admin-create-episode.json")).replace(TOKEN_PLACEHOLDER, TOKEN);
        String oldEvent = Files.readString(old.resolve("events/admin-create-episode.json")).replace(TOKEN_PLACEHOLDER, TOKEN);
        String body = bodyOf(newEvent);
        if (!body.equals(bodyOf(oldEvent))) {
            throw new IllegalStateException("the two builds' sample events carry different bodies");
        }
        List<Candidate> candidates = List.of(
                new Candidate("hello world (floor)", launcher, "dev.castline.bench.lambda.HelloHandler", List.of(), deployed, body, false, 200),
                new Candidate("parse body only, jackson-jr (this build)", newJar + ":" + launcher, PARSE_ONLY,
                        List.of("-Dcastline.bench.parser=" + NEW_PARSER), deployed, body, false, 200),
                new Candidate("parse body only, hand-written (b59e566)", oldJar + ":" + launcher, PARSE_ONLY,
                        List.of("-Dcastline.bench.parser=" + OLD_PARSER), deployed, body, false, 200),
                new Candidate("admin create draft, jackson-jr (this build)", newJar + ":" + launcher, HANDLER, List.of(), deployed,
                        newEvent, true, 201),
                new Candidate("admin create draft, hand-written (b59e566)", oldJar + ":" + launcher, HANDLER, List.of(), deployed,
                        oldEvent, true, 201));
        Path events = Files.createTempDirectory("admin-cold-start-");
        int[] take = {0};
        try (BenchStack stack = BenchStack.start(root)) {
            Map<String, String> env = stack.adminEnvironment(TOKEN);
            Map<String, String> classes = new LinkedHashMap<>();
            for (Candidate c : candidates) {
                run(c, root, env, events, ++take[0], List.of()); // one unmeasured start each: file caches warm alike
                classes.put(c.name(), classesLoaded(c, root, env, events, ++take[0]));
            }
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            candidates.forEach(c -> samples.put(c.name(), new ArrayList<>()));
            for (int round = 1; round <= rounds; round++) {
                for (Candidate c : candidates) {
                    samples.get(c.name()).add(run(c, root, env, events, ++take[0], List.of()));
                }
                System.out.println("round " + round + " of " + rounds + " done");
            }
            report(samples, classes, rounds, root, newJar, oldJar, deployed);
        } finally {
            try (var files = Files.list(events)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(events);
        }
    }

    private static Sample run(Candidate c, Path root, Map<String, String> env, Path events, int take, List<String> moreFlags)
            throws IOException, InterruptedException {
        Path event = events.resolve("take-" + take + ".json");
        // A title of its own, so that no draft meets an earlier one's slug (the old build retries a taken slug).
        Files.writeString(event, c.fullRequest() ? c.event().replace(TITLE, TITLE + ", take " + take) : c.event());
        List<String> flags = new ArrayList<>(c.flags());
        flags.addAll(moreFlags);
        FunctionJvm.Result r = FunctionJvm.run(root, env, c.status(), List.of(), flags, c.jvmOptions(), c.classpath(),
                c.handler(), event.toString());
        Files.delete(event);
        return new Sample(r.responseMillis(), r.figure("PEAK_RSS_KB"));
    }

    /** One more start with the class-loading log: classes loaded in all, and those of jackson-jr and jackson-core. */
    private static String classesLoaded(Candidate c, Path root, Map<String, String> env, Path events, int take)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("admin-class-load-", ".log");
        try {
            run(c, root, env, events, take, List.of("-Xlog:class+load=info:file=" + log + ":none"));
            List<String> lines = Files.readAllLines(log).stream().filter(l -> l.contains(" source: ")).toList();
            long jr = lines.stream().filter(l -> l.startsWith("com.fasterxml.jackson.jr.")).count();
            long core = lines.stream().filter(l -> l.startsWith("com.fasterxml.jackson.core.")).count();
            long castline = lines.stream().filter(l -> l.startsWith("dev.castline.") && !l.startsWith("dev.castline.bench.")).count();
            return String.format("%5d classes (%d jackson-jr, %d jackson-core, %d dev.castline)", lines.size(), jr, core, castline);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The event's request body: the same create-a-draft body at both commits. */
    static String bodyOf(String event) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(event)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("an event is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("body")) {
                    return p.getText();
                }
                p.skipChildren();
            }
        }
        throw new IOException("the event has no body");
    }

    private static void report(Map<String, List<Sample>> samples, Map<String, String> classes, int rounds, Path root,
                               Path newJar, Path oldJar, String deployed) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("Admin function, cold start to the first create-a-draft response (201), fresh JVM per invocation with Lambda's java21 flags,"
                + " against the local stack; jackson-jr request bodies (this build) against the hand-written parser (b59e566)\n");
        out.append("date: ").append(Instant.now()).append("; ").append(rounds).append(" rounds; machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.arch")).append(", java ").append(System.getProperty("java.version"))
                .append("; JAVA_TOOL_OPTIONS of the admin candidates: ").append(deployed).append('\n');
        out.append(String.format("artifacts: this build %,d bytes, b59e566 %,d bytes%n", Files.size(newJar), Files.size(oldJar)));
        out.append(String.format("%-44s %10s %14s  %-56s %s%n", "candidate", "median ms", "median RSS MB", "classes loaded", "all ms"));
        for (var e : samples.entrySet()) {
            List<Long> ms = e.getValue().stream().map(Sample::millis).sorted().toList();
            List<Long> rss = e.getValue().stream().map(Sample::peakRssKb).sorted().toList();
            out.append(String.format("%-44s %10d %14.1f  %-56s %s%n", e.getKey(), ColdStart.median(ms), ColdStart.median(rss) / 1024.0,
                    classes.get(e.getKey()), e.getValue().stream().map(Sample::millis).toList()));
        }
        List<String> names = new ArrayList<>(samples.keySet());
        long floor = median(samples, names.get(0));
        long parseNew = median(samples, names.get(1));
        long parseOld = median(samples, names.get(2));
        long adminNew = median(samples, names.get(3));
        long adminOld = median(samples, names.get(4));
        out.append(String.format("parsing the first body, over the floor: jackson-jr %+d ms, hand-written %+d ms (difference %+d ms)%n",
                parseNew - floor, parseOld - floor, parseNew - parseOld));
        out.append(String.format("admin create draft, cold: this build %d ms, b59e566 %d ms: %.2fx (%+d ms)%n",
                adminNew, adminOld, adminNew / (double) adminOld, adminNew - adminOld));
        System.out.print(out);
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("admin-cold-start.txt"), out.toString());
    }

    private static long median(Map<String, List<Sample>> samples, String name) {
        return ColdStart.median(samples.get(name).stream().map(Sample::millis).sorted().toList());
    }
}
