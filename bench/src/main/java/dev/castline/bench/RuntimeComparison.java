package dev.castline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * {@link ColdStart} with {@code -Dcastline.bench.runtimes=java21,java25}: the same read functions
 * started under each Lambda runtime's default JVM flags ({@link LambdaRuntime}), side by side in
 * the same rounds, to decide a runtime change by measurement. Each JVM serves several requests
 * (the cold one and the next ones), because the runtimes differ after the first: java25 with
 * SnapStart (as the template deploys it) leaves C2 on, which costs profiling and compiler threads
 * right after a start and pays back later.
 *
 * <p>Two kinds of start per candidate:
 * <ul>
 *   <li><b>cold</b>: a fresh JVM, timed from process start to the first response, as
 *       {@link ColdStart} always measured (a start without a snapshot);</li>
 *   <li><b>primed</b>: SnapStart as far as a JVM without CRaC shows it: the handler is built and its
 *       {@code beforeCheckpoint} priming runs (what happens before Lambda takes the snapshot), then
 *       the requests are timed inside the JVM: the first is the first request after a restore,
 *       with the JIT state the priming left. The restore's own cost is not measured here.</li>
 * </ul>
 * For each, the first request, then the median and the slowest of the 2nd to Nth, and the time to
 * serve all N; each figure the median over the rounds.
 *
 * <p>{@code JAVA_TOOL_OPTIONS} candidates, each under every runtime: what the template gives the
 * function, none, and each further command-line argument (the template's
 * {@code -XX:CompileThresholdScaling=0.3} was chosen with C1 alone).
 *
 * <p>System properties: {@code castline.bench.runtimes} (comma-separated; each {@code java17},
 * {@code java21} or {@code java25}, SnapStart as the template deploys the function, or with
 * {@code /snapstart} or {@code /nosnapstart} to force it), {@code castline.bench.functions}
 * (comma-separated modules; default the three read functions), {@code castline.bench.requests}
 * (requests per JVM, default 10), {@code castline.bench.starts} ({@code cold}, {@code primed} or
 * both, the default), {@code castline.bench.jdk.<runtime>} (a JAVA_HOME to run that runtime on;
 * default the benchmark's JDK). Writes bench/results/cold-start-runtimes.txt.
 */
final class RuntimeComparison {
    static final String FLOOR = "hello world (floor)";

    record Candidate(String function, LambdaRuntime runtime, List<String> runtimeFlags, boolean primed, String jvmOptions,
                     String classpath, String handler, String event) {
        String name() {
            return function + " | " + runtime.label() + " | " + (primed ? "primed" : "cold") + " | " + optionsLabel(jvmOptions);
        }

        /** The same candidate under another runtime: what a comparison line sets side by side. */
        String group() {
            return function + " | " + (primed ? "primed" : "cold") + " | " + optionsLabel(jvmOptions);
        }
    }

    /**
     * One JVM's figures, in microseconds.
     *
     * @param firstUs cold: process start to the first response; primed: the first request, timed in the JVM
     * @param nextUs  the 2nd to Nth requests, timed in the JVM
     * @param primeMs how long the priming took; -1 for a cold start
     */
    record Sample(long firstUs, List<Long> nextUs, long primeMs, long peakRssKb) {
        long nextMedianUs() {
            return ColdStart.median(nextUs.stream().sorted().toList());
        }

        long nextMaxUs() {
            return nextUs.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        long totalUs() {
            return firstUs + nextUs.stream().mapToLong(Long::longValue).sum();
        }
    }

    private RuntimeComparison() {
    }

    static void run(String runtimesProperty, String[] args, Path root) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int requests = Integer.getInteger("castline.bench.requests", 10);
        if (requests < 2) {
            throw new IllegalArgumentException("castline.bench.requests must be at least 2 (the first and the next)");
        }
        Set<String> starts = new LinkedHashSet<>(split(System.getProperty("castline.bench.starts", "cold,primed")));
        if (starts.isEmpty() || !Set.of("cold", "primed").containsAll(starts)) {
            throw new IllegalArgumentException("castline.bench.starts: cold, primed or both, not " + starts);
        }
        List<PreloadLists.Function> functions = functions(System.getProperty("castline.bench.functions"));
        List<String> extraOptions = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (System.getProperty("castline.bench.against") != null) {
            System.out.println("note: castline.bench.against is not used with castline.bench.runtimes");
        }
        Path template = root.resolve("template.yaml");
        SamOptions.Deployment globals = SamOptions.deployed(template);
        String launcher = FunctionJvm.launcher(root);

        List<Candidate> candidates = new ArrayList<>();
        for (String spec : split(runtimesProperty)) {
            LambdaRuntime runtime = LambdaRuntime.parse(spec, globals.runtime().snapStart());
            candidates.add(new Candidate(FLOOR, runtime, globals.on(runtime).jvmFlags(), false, "", launcher,
                    "dev.castline.bench.lambda.HelloHandler", "list-episodes.json"));
        }
        List<String> header = new ArrayList<>();
        for (PreloadLists.Function f : functions) {
            SamOptions.Deployment deployed = SamOptions.deployed(template, f.handler());
            header.add(String.format("%s as deployed: %s, SnapStart %s, %d MB, JAVA_TOOL_OPTIONS %s", f.module(),
                    deployed.runtime().name(), deployed.runtime().snapStart() ? "on" : "off", deployed.memoryMb(),
                    optionsLabel(deployed.javaToolOptions())));
            Set<String> options = new LinkedHashSet<>();
            options.add(deployed.javaToolOptions());
            options.add("");
            options.addAll(extraOptions);
            for (String start : starts) {
                for (String jvmOptions : options) {
                    for (String spec : split(runtimesProperty)) {
                        LambdaRuntime runtime = LambdaRuntime.parse(spec, deployed.runtime().snapStart());
                        candidates.add(new Candidate(f.module(), runtime, deployed.on(runtime).jvmFlags(), start.equals("primed"),
                                jvmOptions, FunctionJvm.classpath(root, f.module()), f.handler(), f.event()));
                    }
                }
            }
        }
        Map<String, String> javas = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            javas.putIfAbsent(c.runtime().label(), c.runtime().java() + " " + String.join(" ", c.runtimeFlags()));
        }

        try (BenchStack stack = BenchStack.start(root)) {
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            candidates.forEach(c -> samples.put(c.name(), new ArrayList<>()));
            for (Candidate c : candidates) {
                start(c, root, stack, requests); // one unmeasured start each: file caches warm alike
            }
            for (int round = 1; round <= rounds; round++) {
                for (Candidate c : candidates) {
                    samples.get(c.name()).add(start(c, root, stack, requests));
                }
                System.out.println("round " + round + " of " + rounds + " done");
            }
            report(candidates, samples, rounds, requests, root, header, javas);
        }
    }

    private static Sample start(Candidate c, Path root, BenchStack stack, int requests) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(List.of("-Dcastline.launcher.requests=" + requests));
        if (c.primed()) {
            flags.add("-Dcastline.launcher.prime=true");
        }
        FunctionJvm.Result r = FunctionJvm.run(root, c.runtime(), c.runtimeFlags(), stack.functionEnvironment(), 200, List.of(),
                flags, c.jvmOptions(), c.classpath(), c.handler(), c.event());
        List<Long> invocations = r.figures("INVOKE_US");
        long first = c.primed() ? invocations.get(0) : r.responseMillis() * 1000;
        return new Sample(first, invocations.subList(1, invocations.size()), c.primed() ? r.figure("PRIME_MS") : -1,
                r.figure("PEAK_RSS_KB"));
    }

    private static void report(List<Candidate> candidates, Map<String, List<Sample>> samples, int rounds, int requests, Path root,
                               List<String> header, Map<String, String> javas) throws IOException {
        String next = "2nd-" + requests + (requests == 2 ? "nd" : requests == 3 ? "rd" : "th");
        StringBuilder out = new StringBuilder();
        out.append("Cold start and the requests after it, per Lambda runtime's default JVM flags, against the local stack\n");
        out.append("date: ").append(Instant.now()).append("; ").append(rounds).append(" rounds; ").append(requests)
                .append(" requests per JVM; machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.arch")).append(", java ").append(System.getProperty("java.version")).append('\n');
        header.forEach(h -> out.append(h).append('\n'));
        javas.forEach((label, command) -> out.append("runtime ").append(label).append(": ").append(command).append('\n'));
        out.append("cold: process start to the first response; primed: the first request after init and the handler's\n")
                .append("beforeCheckpoint priming (a SnapStart restore, less the restore itself), timed in the JVM.\n")
                .append("Medians over the rounds; 'max' is each JVM's slowest of the ").append(next)
                .append(", median over the rounds; 'all' is the ").append(requests).append(" requests' total.\n");
        String title = "candidate (function | runtime | start | JAVA_TOOL_OPTIONS)";
        int width = Math.max(title.length(), candidates.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        out.append(String.format("%-" + width + "s %9s %12s %12s %9s %9s %7s%n", title,
                "first ms", next + " p50", next + " max", "all ms", "prime ms", "RSS MB"));
        for (Candidate c : candidates) {
            List<Sample> s = samples.get(c.name());
            long prime = c.primed() ? medianOf(s, Sample::primeMs) : -1;
            out.append(String.format("%-" + width + "s %9.1f %12.2f %12.2f %9.1f %9s %7.1f%n", c.name(),
                    medianOf(s, Sample::firstUs) / 1000.0, medianOf(s, Sample::nextMedianUs) / 1000.0,
                    medianOf(s, Sample::nextMaxUs) / 1000.0, medianOf(s, Sample::totalUs) / 1000.0,
                    prime < 0 ? "" : Long.toString(prime), medianOf(s, Sample::peakRssKb) / 1024.0));
        }
        // Each runtime against the first one named, same function, start and options.
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        candidates.forEach(c -> groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
        out.append("differences, each runtime minus the first named (ms):\n");
        for (var e : groups.entrySet()) {
            Candidate reference = e.getValue().get(0);
            List<Sample> ref = samples.get(reference.name());
            for (Candidate c : e.getValue().subList(1, e.getValue().size())) {
                List<Sample> s = samples.get(c.name());
                out.append(String.format("%s: %s - %s: first %+.1f, %s p50 %+.2f, max %+.2f, all %+.1f%n", e.getKey(),
                        c.runtime().label(), reference.runtime().label(),
                        (medianOf(s, Sample::firstUs) - medianOf(ref, Sample::firstUs)) / 1000.0, next,
                        (medianOf(s, Sample::nextMedianUs) - medianOf(ref, Sample::nextMedianUs)) / 1000.0,
                        (medianOf(s, Sample::nextMaxUs) - medianOf(ref, Sample::nextMaxUs)) / 1000.0,
                        (medianOf(s, Sample::totalUs) - medianOf(ref, Sample::totalUs)) / 1000.0));
            }
        }
        out.append("every round (first ms / ").append(next).append(" p50 ms):\n");
        for (Candidate c : candidates) {
            out.append(c.name()).append(": ").append(samples.get(c.name()).stream()
                    .map(s -> String.format("%.1f/%.2f", s.firstUs() / 1000.0, s.nextMedianUs() / 1000.0)).toList()).append('\n');
        }
        System.out.print(out);
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("cold-start-runtimes.txt"), out.toString());
    }

    private static long medianOf(List<Sample> samples, ToLongFunction<Sample> figure) {
        return ColdStart.median(samples.stream().mapToLong(figure).sorted().boxed().toList());
    }

    static String optionsLabel(String jvmOptions) {
        return jvmOptions.isBlank() ? "(none)" : jvmOptions;
    }

    private static List<PreloadLists.Function> functions(String property) {
        if (property == null || property.isBlank()) {
            return PreloadLists.READ_FUNCTIONS;
        }
        List<PreloadLists.Function> chosen = new ArrayList<>();
        for (String module : split(property)) {
            chosen.add(PreloadLists.READ_FUNCTIONS.stream().filter(f -> f.module().equals(module)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("castline.bench.functions: " + module + " is not one of "
                            + PreloadLists.READ_FUNCTIONS.stream().map(PreloadLists.Function::module).toList())));
        }
        return chosen;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
