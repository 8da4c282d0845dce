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
 * Where the site's cold start goes beyond list-episodes': fresh JVMs as {@link ColdStart} starts
 * them (the runtime's flags from template.yaml, the template's {@code JAVA_TOOL_OPTIONS}, preloading
 * on, the home-page event), alternated in rounds with list-episodes as the reference:
 * <ul>
 *   <li>list-episodes and the site as deployed: first response, init (the handler's construction)
 *       and first request;</li>
 *   <li>the site through {@link SiteProbeHandler}, with no step done ahead (the probe's own cost,
 *       which should be none) and with each step of the first request done ahead in init (month
 *       names, {@code String.format}, an invokedynamic concatenation, jte): each step's cold cost,
 *       timed in the JVM, and what the first request has left without it.</li>
 * </ul>
 *
 * <p>With {@code -Dcastline.bench.site.also=<label>=<function.jar>[,...]} other builds of the site
 * (a change tried in a copy of the repository) start in the same rounds, as deployed; with
 * {@code -Dcastline.bench.probes=false} the probes stay out, so that a round is only list-episodes,
 * the site and those builds.
 *
 * <p>Usage, from the repository root after {@code mvn -Pbench -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar dev.castline.bench.SiteColdStart [rounds]}.
 * Writes bench/results/site-cold-start.txt.
 */
public final class SiteColdStart {
    record Candidate(String name, String module, String classpath, String handler, String event, List<String> flags, String pretouch) {
    }

    record Sample(long firstMs, long initMs, long invokeMs, Map<String, String> figures) {
    }

    private static final String SITE = "dev.castline.functions.site.SiteHandler";
    private static final String PROBE = "dev.castline.bench.SiteProbeHandler";
    private static final List<String> STEPS = List.of("dates", "format", "indy", "jte");

    private SiteColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Path root = Path.of("").toAbsolutePath();
        Path template = root.resolve("template.yaml");
        String deployed = SamOptions.javaToolOptions(template);
        String probeClasspath = FunctionJvm.classpath(root, "site") + ":" + root.resolve("bench/target/classes");
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("list-episodes", "list-episodes", FunctionJvm.classpath(root, "list-episodes"),
                "dev.castline.functions.list.ListEpisodesHandler", "list-episodes.json", List.of(), ""));
        candidates.add(new Candidate("site", "site", FunctionJvm.classpath(root, "site"), SITE, "site-home.json", List.of(), ""));
        // Other builds of the site to try beside it (a change tried out in a copy, not committed):
        // -Dcastline.bench.site.also=<label>=<its function.jar>[,...]
        for (String also : System.getProperty("castline.bench.site.also", "").split(",")) {
            if (!also.isBlank()) {
                int eq = also.indexOf('=');
                Path jar = Path.of(also.substring(eq + 1).strip());
                if (eq < 1 || !Files.isRegularFile(jar)) {
                    throw new IllegalArgumentException("castline.bench.site.also: label=function.jar, not " + also);
                }
                candidates.add(new Candidate("site, " + also.substring(0, eq).strip(), "site", jar + ":" + FunctionJvm.launcher(root),
                        SITE, "site-home.json", List.of(), ""));
            }
        }
        // -Dcastline.bench.probes=false: only list-episodes, the site and the other builds (fewer starts per round, less drift).
        if (Boolean.parseBoolean(System.getProperty("castline.bench.probes", "true"))) {
            candidates.add(new Candidate("site probe, nothing ahead", "site", probeClasspath, PROBE, "site-home.json", List.of(), ""));
            for (String step : STEPS) {
                candidates.add(new Candidate("site probe, " + step + " ahead", "site", probeClasspath, PROBE, "site-home.json",
                        List.of("-Dcastline.probe.pretouch=" + step), step));
            }
            candidates.add(new Candidate("site probe, all four ahead", "site", probeClasspath, PROBE, "site-home.json",
                    List.of("-Dcastline.probe.pretouch=" + String.join(",", STEPS)), String.join(",", STEPS)));
        }

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        candidates.forEach(c -> samples.put(c.name(), new ArrayList<>()));
        try (BenchStack stack = BenchStack.start(root)) {
            for (Candidate c : candidates) {
                run(c, root, stack, template, deployed); // one unmeasured start each: file caches warm alike
            }
            for (int round = 1; round <= rounds; round++) {
                for (Candidate c : candidates) {
                    samples.get(c.name()).add(run(c, root, stack, template, deployed));
                }
                System.out.println("round " + round + " of " + rounds + " done");
            }
        }
        report(candidates, samples, rounds, root, deployed);
    }

    private static Sample run(Candidate c, Path root, BenchStack stack, Path template, String jvmOptions)
            throws IOException, InterruptedException {
        SamOptions.Deployment d = SamOptions.deployed(template, c.module().equals("site") ? SITE : c.handler());
        FunctionJvm.Result r = FunctionJvm.run(root, d.runtime(), d.jvmFlags(), stack.functionEnvironment(), 200, List.of(),
                c.flags(), jvmOptions, c.classpath(), c.handler(), c.event());
        return new Sample(r.responseMillis(), r.figure("PHASE_INIT_MS"), r.figure("PHASE_INVOKE_MS"), r.figures());
    }

    private static void report(List<Candidate> candidates, Map<String, List<Sample>> samples, int rounds, Path root, String jvmOptions)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("The site's cold start, taken apart: fresh JVMs with the site's deployed runtime flags, JAVA_TOOL_OPTIONS ")
                .append(RuntimeComparison.optionsLabel(jvmOptions)).append(", preloading on, home-page event, against the local stack\n");
        out.append("date: ").append(Instant.now()).append("; ").append(rounds).append(" rounds; machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, java ").append(System.getProperty("java.version")).append('\n');
        out.append("first: process start to the response; init: the handler's construction (with the steps done ahead);\n")
                .append("1st req: its first request; step: the step's own time in init. Medians over the rounds.\n");
        out.append(String.format("%-32s %9s %9s %9s %9s %s%n", "candidate", "first ms", "init ms", "1st req", "step ms", "first, every round"));
        for (Candidate c : candidates) {
            List<Sample> s = samples.get(c.name());
            String step = c.pretouch().isEmpty() ? "" : String.format("%.1f", median(s.stream()
                    .map(x -> stepsUs(x, c.pretouch())).toList()) / 1000.0);
            out.append(String.format("%-32s %9d %9d %9d %9s %s%n", c.name(), median(s.stream().map(Sample::firstMs).toList()),
                    median(s.stream().map(Sample::initMs).toList()), median(s.stream().map(Sample::invokeMs).toList()), step,
                    s.stream().map(Sample::firstMs).toList()));
        }
        long list = median(samples.get("list-episodes").stream().map(Sample::firstMs).toList());
        long site = median(samples.get("site").stream().map(Sample::firstMs).toList());
        out.append(String.format("site / list-episodes: %.2f (%+d ms); init %+d ms, first request %+d ms%n", site / (double) list, site - list,
                median(samples.get("site").stream().map(Sample::initMs).toList()) - median(samples.get("list-episodes").stream().map(Sample::initMs).toList()),
                median(samples.get("site").stream().map(Sample::invokeMs).toList()) - median(samples.get("list-episodes").stream().map(Sample::invokeMs).toList())));
        for (Candidate c : candidates) {
            if (c.name().startsWith("site, ")) {
                List<Sample> a = samples.get(c.name());
                List<Sample> b = samples.get("site");
                List<Long> differences = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    differences.add(a.get(i).firstMs() - b.get(i).firstMs());
                }
                long first = median(a.stream().map(Sample::firstMs).toList());
                out.append(String.format("%s: %d ms, / list-episodes %.2f; minus the site per round (ms, sorted; median %+d): %s%n", c.name(), first,
                        first / (double) list, median(differences), differences.stream().sorted().toList()));
            }
        }
        long probeRequest = samples.containsKey("site probe, nothing ahead")
                ? median(samples.get("site probe, nothing ahead").stream().map(Sample::invokeMs).toList()) : 0;
        for (Candidate c : candidates) {
            if (c.pretouch().isEmpty()) {
                continue;
            }
            List<Sample> s = samples.get(c.name());
            out.append(String.format("%-28s the step took %6.1f ms in init; the first request took %+d ms against nothing ahead%n",
                    c.pretouch() + ":", median(s.stream().map(x -> stepsUs(x, c.pretouch())).toList()) / 1000.0,
                    median(s.stream().map(Sample::invokeMs).toList()) - probeRequest));
        }
        System.out.print(out);
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("site-cold-start.txt"), out.toString());
    }

    /** The steps' own times, summed, in microseconds. */
    private static long stepsUs(Sample s, String steps) {
        long sum = 0;
        for (String step : steps.split(",")) {
            String value = s.figures().get("PRETOUCH_" + step.toUpperCase(java.util.Locale.ROOT) + "_US");
            if (value == null) {
                throw new IllegalStateException("the probe printed no time for " + step);
            }
            sum += Long.parseLong(value);
        }
        return sum;
    }

    private static long median(List<Long> values) {
        return ColdStart.median(values.stream().sorted().toList());
    }
}
