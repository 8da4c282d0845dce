package dev.castline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JVM flags a Lambda Java managed runtime starts a function with by default, so that a
 * benchmark can start a function as each runtime would, and compare runtimes in one run.
 *
 * <p>From AWS's "Customizing Java runtime startup behavior for Lambda functions"
 * (https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html), on tiered compilation:
 * java17 and java21 stop it at level 1 by default; java25 still does, except when the function
 * uses SnapStart or provisioned concurrency, where "the default JVM settings are used", since the
 * compilation then happens outside the invocation path (the page suggests priming the code paths
 * before the snapshot to make the most of it). So:
 * <ul>
 *   <li>java17, java21, and java25 without SnapStart or provisioned concurrency:
 *       {@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1} (C1 only);</li>
 *   <li>java25 with SnapStart or provisioned concurrency: C1 and C2, the JVM's default tiering.</li>
 * </ul>
 * All of them use the serial collector, {@code -Xshare:auto} and a heap of about 85% of the
 * function's memory ({@code -Xmx870m} at the template's 1024 MB).
 *
 * <p>Not modelled: java21 also loads the Log4Shell hot-patch agent with
 * {@code -javaagent} unless {@code AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION=true}; java25 no
 * longer does. The agent jar is not available outside Lambda, so its cost is left out of every
 * runtime here (which flatters java21 by whatever the agent costs). Nor the JDK itself: java21
 * runs Corretto 21, java25 Corretto 25; by default every runtime here runs on the JDK running the
 * benchmark, unless {@code -Dcastline.bench.jdk.java21=<JAVA_HOME>} (and so on per runtime name)
 * points at another.
 *
 * @param name         the template's {@code Runtime} value: java17, java21 or java25
 * @param feature      its Java feature release
 * @param snapStart    whether the function runs with SnapStart (published versions) or
 *                     provisioned concurrency, which changes java25's defaults
 */
record LambdaRuntime(String name, int feature, boolean snapStart) {
    /** What the benchmarks assumed before they read the template: java21, SnapStart or not (the same flags). */
    static final LambdaRuntime JAVA21 = new LambdaRuntime("java21", 21, false);

    LambdaRuntime {
        if (!name.matches("java(17|21|25)")) {
            throw new IllegalArgumentException("not a Lambda Java runtime this benchmark knows: " + name
                    + " (java17, java21 or java25)");
        }
    }

    /**
     * A runtime named as the template names it, optionally followed by {@code /snapstart} or
     * {@code /nosnapstart}; without either it takes {@code snapStartDefault} (what the template deploys).
     */
    static LambdaRuntime parse(String spec, boolean snapStartDefault) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        boolean snap = snapStartDefault;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            String mode = s.substring(slash + 1);
            snap = switch (mode) {
                case "snapstart" -> true;
                case "nosnapstart" -> false;
                default -> throw new IllegalArgumentException("after the runtime, /snapstart or /nosnapstart, not /" + mode);
            };
            s = s.substring(0, slash);
        }
        return new LambdaRuntime(s, Integer.parseInt(s.substring("java".length())), snap);
    }

    /** Whether the runtime leaves the JVM's default tiering (C1 then C2) on. */
    boolean fullTiering() {
        return feature >= 25 && snapStart;
    }

    /** The runtime's flags for a function of {@code memoryMb}. */
    List<String> jvmFlags(int memoryMb) {
        List<String> flags = new ArrayList<>();
        if (!fullTiering()) {
            flags.add("-XX:+TieredCompilation");
            flags.add("-XX:TieredStopAtLevel=1");
        }
        flags.add("-XX:+UseSerialGC");
        flags.add("-Xshare:auto");
        flags.add("-Xmx" + heapMb(memoryMb) + "m");
        return flags;
    }

    /** Lambda's heap for a function's memory: about 85% of it (870 MB of 1024). */
    static int heapMb(int memoryMb) {
        return memoryMb * 85 / 100;
    }

    /** How reports name it: the runtime, and SnapStart where it changes the flags. */
    String label() {
        return feature >= 25 ? name + (snapStart ? "+SnapStart" : " no SnapStart") : name;
    }

    /** The java launcher to start it with: {@code -Dcastline.bench.jdk.<name>=<JAVA_HOME>}, else the benchmark's own. */
    String java() {
        String home = System.getProperty("castline.bench.jdk." + name);
        if (home == null || home.isBlank()) {
            return BenchStack.java();
        }
        Path java = Path.of(home, "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("-Dcastline.bench.jdk." + name + "=" + home + ": no executable " + java);
        }
        return java.toString();
    }
}
