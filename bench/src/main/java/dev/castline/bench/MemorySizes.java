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
 * What each read function's MemorySize buys, measured here by giving its JVM the CPU Lambda gives
 * that memory: Lambda allocates CPU in proportion to memory, one vCPU at 1,769 MB. Each run is a
 * fresh JVM with Lambda's flags, the heap sized for the memory, placed in a cgroup whose CPU quota
 * is that share (cgroup v1 {@code cpu.cfs_quota_us}); it answers one cold request, then 200 warm
 * ones. Reported per size: cold first response, warm median, and the compute price of a million
 * warm requests (arm64 as in the template, us-east-1, billed per started millisecond).
 *
 * <p>An emulation, not AWS: the quota reproduces the throttling of a fractional vCPU, not
 * Lambda's hardware. Needs root and a writable cgroup v1 cpu controller.
 *
 * <p>Usage, from the repository root after {@code mvn -Pbench -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar dev.castline.bench.MemorySizes [rounds]}. Writes
 * bench/results/memory-sizes.txt.
 */
public final class MemorySizes {
    static final int[] MEGABYTES = {512, 1024, 1769, 3008};
    static final double MB_PER_VCPU = 1769;
    /** arm64, the template's architecture, us-east-1. */
    static final double USD_PER_GB_SECOND = 0.0000133334;
    static final int WARM_INVOCATIONS = 200;
    static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup/cpu");

    record Sample(long coldMillis, double warmMillis) {
    }

    private MemorySizes() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isWritable(CGROUP_ROOT)) {
            System.err.println("MemorySizes needs root and a writable cgroup v1 cpu controller at " + CGROUP_ROOT);
            System.exit(2);
        }
        String deployedOptions = SamOptions.javaToolOptions(root.resolve("template.yaml")); // as Lambda passes the template's
        Map<String, Path> groups = new LinkedHashMap<>();
        for (int mb : MEGABYTES) {
            Path group = CGROUP_ROOT.resolve("castline-bench-" + mb);
            Files.createDirectories(group);
            Files.writeString(group.resolve("cpu.cfs_period_us"), "100000");
            Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(mb / MB_PER_VCPU * 100_000)));
            groups.put(Integer.toString(mb), group);
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try (BenchStack stack = BenchStack.start(root)) {
            for (int round = 1; round <= rounds; round++) {
                for (PreloadLists.Function f : PreloadLists.READ_FUNCTIONS) {
                    for (int mb : MEGABYTES) {
                        Sample s = run(root, stack, groups.get(Integer.toString(mb)), mb, deployedOptions, f);
                        samples.computeIfAbsent(f.module() + "@" + mb, k -> new ArrayList<>()).add(s);
                    }
                }
                System.out.println("round " + round + " of " + rounds + " done");
            }
        } finally {
            for (Path group : groups.values()) {
                Files.deleteIfExists(group);
            }
        }
        report(samples, rounds, root);
    }

    private static Sample run(Path root, BenchStack stack, Path group, int mb, String deployedOptions, PreloadLists.Function f)
            throws IOException, InterruptedException {
        // The shell joins the cgroup, then becomes the JVM: every thread it starts is throttled.
        List<String> inCgroup = List.of("sh", "-c", "echo $$ > " + group.resolve("cgroup.procs") + " && exec \"$@\"", "sh");
        FunctionJvm.Result r = FunctionJvm.run(root, stack, inCgroup, List.of("-Xmx" + (mb * 85 / 100) + "m"), deployedOptions,
                FunctionJvm.classpath(root, f.module()), f.handler(), f.event(), Integer.toString(WARM_INVOCATIONS));
        return new Sample(r.responseMillis(), r.figure("WARM_P50_US") / 1000.0);
    }

    private static void report(Map<String, List<Sample>> samples, int rounds, Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("MemorySize by measurement: CPU limited to memory/1769 MB vCPUs with a cgroup quota, heap 85% of memory\n");
        out.append("date: ").append(Instant.now()).append("; ").append(rounds).append(" rounds; machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, java ")
                .append(System.getProperty("java.version")).append('\n');
        out.append(String.format("%-14s %7s %6s %12s %12s %22s%n", "function", "memory", "vCPU", "cold ms", "warm ms",
                "USD per 1M warm reqs"));
        for (PreloadLists.Function f : PreloadLists.READ_FUNCTIONS) {
            for (int mb : MEGABYTES) {
                List<Sample> s = samples.get(f.module() + "@" + mb);
                long cold = ColdStart.median(s.stream().map(Sample::coldMillis).sorted().toList());
                double warm = s.stream().mapToDouble(Sample::warmMillis).sorted().toArray()[s.size() / 2];
                double billedSeconds = Math.ceil(warm) / 1000.0;
                double usd = mb / 1024.0 * billedSeconds * USD_PER_GB_SECOND * 1_000_000;
                out.append(String.format("%-14s %5d MB %6.2f %12d %12.2f %22.2f%n", f.module(), mb, mb / MB_PER_VCPU, cold, warm, usd));
            }
        }
        System.out.print(out);
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("memory-sizes.txt"), out.toString());
    }

}
