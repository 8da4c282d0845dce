package dev.castline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start per read function, against the local stack, measured side by side with two
 * references in one run: a JVM that only answers (the floor) and a baseline doing the same job
 * with the SDK's defaults (for the site, which has no such baseline, list-episodes of the same run
 * is the reference). Each invocation is a fresh JVM started with the Lambda java21 runtime's
 * flags and the function's own artifact as its classpath (plus a one-class launcher standing in
 * for the runtime client), timed from process start to the response; rounds alternate the
 * candidates so drift in the machine hits all alike.
 *
 * <p>Usage, from the repository root after
 * {@code mvn -Pbench -DskipTests package}: {@code java -cp bench/target/benchmarks.jar
 * dev.castline.bench.ColdStart [rounds] ["JVM options" ...]}: each group of options adds a
 * candidate, list-episodes started with them. Writes bench/results/cold-start.txt.
 *
 * <p>With {@code -Dcastline.bench.against=<worktree>} (another commit checked out with
 * {@code git worktree add} and built there with {@code mvn -Pbench -DskipTests package}) each read
 * function of that build runs in the same rounds too, as deployed (its own preload list and the
 * template's {@code JAVA_TOOL_OPTIONS}), on that worktree's sample event and against a local stack
 * of its own (that build's, so its own key layout), to compare two builds side by side on a machine
 * whose speed drifts:
 * {@code java -Dcastline.bench.against=/tmp/old -cp bench/target/benchmarks.jar dev.castline.bench.ColdStart 11}.
 *
 * <p>Every function starts with the flags of the runtime template.yaml deploys it on (Runtime,
 * SnapStart, MemorySize: {@link SamOptions}, {@link LambdaRuntime}); the floor and the baselines
 * with those of the template's Globals.
 *
 * <p>With {@code -Dcastline.bench.runtimes=java21,java25} it compares runtimes instead: the read
 * functions under each runtime's flags side by side, the first request and the next ones, cold and
 * primed, with and without the template's {@code JAVA_TOOL_OPTIONS} (and each further argument as
 * another); see {@link RuntimeComparison} for its other properties:
 * {@code java -Dcastline.bench.runtimes=java21,java25 -cp bench/target/benchmarks.jar dev.castline.bench.ColdStart 11}.
 */
public final class ColdStart {
    /** @param jvmOptions what JAVA_TOOL_OPTIONS holds for it, as Lambda passes the function's environment */
    /** @param deployment the runtime and memory it starts with; null for the template's Globals */
    record Candidate(String name, String classpath, String handler, String event, List<String> flags, String jvmOptions,
                     boolean other, SamOptions.Deployment deployment) {
        Candidate(String name, String classpath, String handler, String event, List<String> flags, String jvmOptions,
                  boolean other) {
            this(name, classpath, handler, event, flags, jvmOptions, other, null);
        }

        Candidate(String name, String classpath, String handler, String event, List<String> flags, String jvmOptions) {
            this(name, classpath, handler, event, flags, jvmOptions, false, null);
        }

        Candidate(String name, String classpath, String handler, String event, List<String> flags, String jvmOptions,
                  SamOptions.Deployment deployment) {
            this(name, classpath, handler, event, flags, jvmOptions, false, deployment);
        }
    }

    /** Preloading off: the same artifact, to show in the same run what {@code Preloader} is worth. */
    static final List<String> NO_PRELOAD = List.of("-Dcastline.preload=false");

    /** @param initMs the handler's construction, @param invokeMs its first request, both as the launcher timed them */
    record Sample(long millis, long peakRssKb, long initMs, long invokeMs) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String runtimes = System.getProperty("castline.bench.runtimes");
        if (runtimes != null && !runtimes.isBlank()) {
            RuntimeComparison.run(runtimes, args, root);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String launcher = FunctionJvm.launcher(root);
        String baseline = root.resolve("bench/baseline/target/baseline.jar") + ":" + launcher;
        // What the template sets for every function, so measured as deployed; the baselines have none.
        String deployed = SamOptions.javaToolOptions(root.resolve("template.yaml"));
        String against = System.getProperty("castline.bench.against");
        Path other = against == null ? null : Path.of(against).toAbsolutePath();
        String otherLabel = other == null ? null : commitOf(other);
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("hello world (floor)", launcher, "dev.castline.bench.lambda.HelloHandler", "list-episodes.json", List.of(), ""));
        for (PreloadLists.Function f : PreloadLists.READ_FUNCTIONS) {
            String classpath = FunctionJvm.classpath(root, f.module());
            // The runtime, SnapStart and memory this function deploys with (the Globals unless it overrides them).
            SamOptions.Deployment own = SamOptions.deployed(root.resolve("template.yaml"), f.handler());
            if (BASELINES.containsKey(f.module())) {
                candidates.add(new Candidate(baselineOf(f.module()), baseline, BASELINES.get(f.module()), f.event(), List.of(), ""));
            }
            candidates.add(new Candidate(f.module(), classpath, f.handler(), f.event(), List.of(), deployed, own));
            // A build from before a function existed has nothing of it to start.
            if (other != null && Files.isRegularFile(FunctionJvm.artifact(other, f.module()))
                    && Files.isRegularFile(other.resolve("events").resolve(f.event()))) {
                // Right after this build's, so that both meet the machine in the same state.
                candidates.add(new Candidate(f.module() + " at " + otherLabel, FunctionJvm.artifact(other, f.module()) + ":" + launcher,
                        f.handler(), other.resolve("events").resolve(f.event()).toString(), List.of(), deployed, true, own));
            }
            candidates.add(new Candidate(f.module() + ", no preload", classpath, f.handler(), f.event(), NO_PRELOAD, deployed, own));
            candidates.add(new Candidate(f.module() + ", no JAVA_TOOL_OPTIONS", classpath, f.handler(), f.event(), List.of(), "", own));
        }
        candidates.add(new Candidate("list-episodes on CRT, no preload", root.resolve("bench/crt/target/crt-list-episodes.jar") + ":" + launcher,
                "dev.castline.bench.crt.CrtListEpisodes", "list-episodes.json", NO_PRELOAD, deployed));
        for (int i = 1; i < args.length; i++) {
            // More JVM options to try, as JAVA_TOOL_OPTIONS: measured on list-episodes beside the rest.
            candidates.add(new Candidate("list-episodes with " + args[i], FunctionJvm.classpath(root, "list-episodes"),
                    "dev.castline.functions.list.ListEpisodesHandler", "list-episodes.json", List.of(), args[i]));
        }
        try (BenchStack stack = BenchStack.start(root); BenchStack otherStack = other == null ? null : BenchStack.start(other)) {
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            candidates.forEach(c -> samples.put(c.name(), new ArrayList<>()));
            for (Candidate c : candidates) {
                run(c, root, c.other() ? otherStack : stack); // one unmeasured start each: file caches warm alike
            }
            for (int round = 1; round <= rounds; round++) {
                for (Candidate c : candidates) {
                    samples.get(c.name()).add(run(c, root, c.other() ? otherStack : stack));
                }
                System.out.println("round " + round + " of " + rounds + " done");
            }
            report(samples, rounds, root, otherLabel);
        }
    }

    private static Sample run(Candidate c, Path root, BenchStack stack) throws IOException, InterruptedException {
        SamOptions.Deployment d = c.deployment() != null ? c.deployment() : SamOptions.deployed(root.resolve("template.yaml"));
        FunctionJvm.Result r = FunctionJvm.run(root, d.runtime(), d.jvmFlags(), stack.functionEnvironment(), 200, List.of(), c.flags(),
                c.jvmOptions(), c.classpath(), c.handler(), c.event());
        return new Sample(r.responseMillis(), r.figure("PEAK_RSS_KB"), r.figure("PHASE_INIT_MS"), r.figure("PHASE_INVOKE_MS"));
    }

    /** The worktree's commit, abbreviated, to name its candidates; the folder's name if git cannot tell. */
    private static String commitOf(Path worktree) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", worktree.toString(), "rev-parse", "--short=7", "HEAD").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        return git.waitFor() == 0 && out.matches("[0-9a-f]{7}") ? out : worktree.getFileName().toString();
    }

    private static void report(Map<String, List<Sample>> samples, int rounds, Path root, String otherLabel) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("Cold start to first response, fresh JVM per invocation with Lambda's ")
                .append(SamOptions.deployed(root.resolve("template.yaml")).runtime().label())
                .append(" flags, against the local stack\n");
        out.append("date: ").append(Instant.now()).append("; ").append(rounds).append(" rounds; machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.arch")).append(", java ").append(System.getProperty("java.version")).append('\n');
        out.append("init: the handler's construction; 1st request: its first handleRequest (both timed by the launcher, medians)\n");
        out.append(String.format("%-40s %12s %14s %8s %12s %s%n", "candidate", "median ms", "median RSS MB", "init ms", "1st req ms", "all ms"));
        for (var e : samples.entrySet()) {
            List<Long> ms = e.getValue().stream().map(Sample::millis).sorted().toList();
            List<Long> rss = e.getValue().stream().map(Sample::peakRssKb).sorted().toList();
            out.append(String.format("%-40s %12d %14.1f %8d %12d %s%n", e.getKey(), median(ms), median(rss) / 1024.0,
                    median(e.getValue().stream().map(Sample::initMs).sorted().toList()),
                    median(e.getValue().stream().map(Sample::invokeMs).sorted().toList()),
                    e.getValue().stream().map(Sample::millis).toList()));
        }
        for (PreloadLists.Function f : PreloadLists.READ_FUNCTIONS) {
            if (!BASELINES.containsKey(f.module())) {
                continue;
            }
            long base = median(sorted(samples, baselineOf(f.module())));
            out.append(String.format("ratio %-14s / its baseline: %.2f   (without preloading: %.2f; without JAVA_TOOL_OPTIONS: %.2f)%n",
                    f.module(), median(sorted(samples, f.module())) / (double) base,
                    median(sorted(samples, f.module() + ", no preload")) / (double) base,
                    median(sorted(samples, f.module() + ", no JAVA_TOOL_OPTIONS")) / (double) base));
        }
        // A function with no SDK-defaults baseline (the site: no such thing as a default way to render
        // its pages) is set against list-episodes, the read function whose work is closest: the same
        // client, a Query, a response written; each variant against the same variant of the list.
        for (PreloadLists.Function f : PreloadLists.READ_FUNCTIONS) {
            if (BASELINES.containsKey(f.module())) {
                continue;
            }
            out.append(String.format("ratio %-14s / list-episodes: %.2f (%+d ms)   (both without preloading: %.2f; both without JAVA_TOOL_OPTIONS: %.2f)%n",
                    f.module(), ratio(samples, f.module(), "list-episodes"),
                    median(sorted(samples, f.module())) - median(sorted(samples, "list-episodes")),
                    ratio(samples, f.module() + ", no preload", "list-episodes, no preload"),
                    ratio(samples, f.module() + ", no JAVA_TOOL_OPTIONS", "list-episodes, no JAVA_TOOL_OPTIONS")));
            List<Long> differences = perRoundDifference(samples, f.module(), "list-episodes");
            out.append(String.format("  per round, %s minus list-episodes (ms, sorted; median %+d): %s%n", f.module(), median(differences), differences));
        }
        out.append(String.format("HTTP client, list-episodes without preloading: AWS CRT %d ms, url-connection %d ms%n",
                median(sorted(samples, "list-episodes on CRT, no preload")), median(sorted(samples, "list-episodes, no preload"))));
        if (otherLabel != null) {
            for (PreloadLists.Function f : PreloadLists.READ_FUNCTIONS) {
                if (!samples.containsKey(f.module() + " at " + otherLabel)) {
                    continue;
                }
                long ours = median(sorted(samples, f.module()));
                long theirs = median(sorted(samples, f.module() + " at " + otherLabel));
                if (!BASELINES.containsKey(f.module())) {
                    out.append(String.format("%-14s this build %d ms, at %s %d ms: %.2fx (%+d ms)%n", f.module(), ours, otherLabel, theirs,
                            ours / (double) theirs, ours - theirs));
                    continue;
                }
                long base = median(sorted(samples, baselineOf(f.module())));
                out.append(String.format("%-14s this build %d ms, at %s %d ms: %.2fx (%+d ms); %s at %s / this run's baseline: %.2f%n",
                        f.module(), ours, otherLabel, theirs, ours / (double) theirs, ours - theirs, f.module(), otherLabel,
                        theirs / (double) base));
            }
        }
        System.out.print(out);
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("cold-start.txt"), out.toString());
    }

    private static final Map<String, String> BASELINES = Map.of(
            "list-episodes", "dev.castline.bench.baseline.BaselineListEpisodes",
            "get-episode", "dev.castline.bench.baseline.BaselineGetEpisode",
            "feed", "dev.castline.bench.baseline.BaselineFeed");

    private static String baselineOf(String module) {
        return "baseline " + module.replaceAll("-episodes?$", "") + " (SDK defaults)";
    }

    private static double ratio(Map<String, List<Sample>> samples, String name, String reference) {
        return median(sorted(samples, name)) / (double) median(sorted(samples, reference));
    }

    /** Each round's difference (both ran in the same round, one after the other), sorted: its spread is the noise. */
    private static List<Long> perRoundDifference(Map<String, List<Sample>> samples, String name, String reference) {
        List<Sample> a = samples.get(name);
        List<Sample> b = samples.get(reference);
        List<Long> differences = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            differences.add(a.get(i).millis() - b.get(i).millis());
        }
        return differences.stream().sorted().toList();
    }

    private static List<Long> sorted(Map<String, List<Sample>> samples, String name) {
        return samples.get(name).stream().map(Sample::millis).sorted().toList();
    }

    static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }


}
