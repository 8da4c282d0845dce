package dev.castline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One function invoked in a fresh JVM the way Lambda's runtime starts it: the runtime's flags
 * ({@link LambdaRuntime}; by default those of what template.yaml's Globals deploy, read by
 * {@link SamOptions}), the artifact as classpath with the one-class launcher that stands in for the
 * runtime client, the local stack's environment, the function's sample event. Every benchmark that
 * starts a function goes through here, so they all start it alike.
 */
final class FunctionJvm {
    /** What one start gave: wall time from process start to the response line, and the launcher's other figures. */
    record Result(long responseMillis, Map<String, String> figures) {
        long figure(String name) {
            String value = figures.get(name);
            if (value == null) {
                throw new IllegalStateException("the launcher printed no " + name);
            }
            return Long.parseLong(value);
        }

        /** A figure the launcher prints as a comma-separated list ({@code INVOKE_US}). */
        List<Long> figures(String name) {
            String value = figures.get(name);
            if (value == null) {
                throw new IllegalStateException("the launcher printed no " + name);
            }
            return java.util.Arrays.stream(value.split(",")).map(Long::parseLong).toList();
        }
    }

    private FunctionJvm() {
    }

    static String launcher(Path root) {
        return root.resolve("bench/launcher/target/launcher.jar").toString();
    }

    static Path artifact(Path root, String module) {
        return root.resolve("functions").resolve(module).resolve("target/function.jar");
    }

    /** The read function's own artifact and the launcher. */
    static String classpath(Path root, String module) {
        return artifact(root, module) + ":" + launcher(root);
    }

    /**
     * Starts and waits for one invocation of a read function; fails unless it answers 200.
     *
     * @param wrapper     what the JVM runs under (a shell that joins a cgroup), or empty
     * @param flags       JVM flags after Lambda's ({@code -Xmx} here replaces Lambda's)
     * @param jvmOptions  what JAVA_TOOL_OPTIONS holds, as Lambda passes the function's environment; empty for none
     * @param launcherArgs after the handler and the event (the launcher's warm invocation count)
     */
    static Result run(Path root, BenchStack stack, List<String> wrapper, List<String> flags, String jvmOptions,
                      String classpath, String handler, String event, String... launcherArgs)
            throws IOException, InterruptedException {
        return run(root, stack.functionEnvironment(), 200, wrapper, flags, jvmOptions, classpath, handler, event, launcherArgs);
    }

    /**
     * As above, for any function: the environment it gets (the read functions' is
     * {@link BenchStack#functionEnvironment()}, the admin function's {@link BenchStack#adminEnvironment})
     * and the status it must answer (a created draft is a 201).
     *
     * @param event a file name in {@code events/}, or an absolute path
     */
    static Result run(Path root, Map<String, String> environment, int expectedStatus, List<String> wrapper, List<String> flags,
                      String jvmOptions, String classpath, String handler, String event, String... launcherArgs)
            throws IOException, InterruptedException {
        SamOptions.Deployment deployed = SamOptions.deployed(root.resolve("template.yaml"));
        return run(root, deployed.runtime(), deployed.jvmFlags(), environment, expectedStatus, wrapper, flags, jvmOptions,
                classpath, handler, event, launcherArgs);
    }

    /**
     * As above, under a given runtime: its java ({@link LambdaRuntime#java()}) and its flags.
     *
     * @param runtimeFlags what the runtime starts the JVM with ({@link LambdaRuntime#jvmFlags(int)})
     */
    static Result run(Path root, LambdaRuntime runtime, List<String> runtimeFlags, Map<String, String> environment,
                      int expectedStatus, List<String> wrapper, List<String> flags, String jvmOptions, String classpath,
                      String handler, String event, String... launcherArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(runtime.java());
        boolean ownHeap = flags.stream().anyMatch(f -> f.startsWith("-Xmx"));
        runtimeFlags.stream().filter(f -> !(ownHeap && f.startsWith("-Xmx"))).forEach(command::add);
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, "dev.castline.bench.lambda.LambdaLauncher", handler,
                root.resolve("events").resolve(event).toString()));
        command.addAll(List.of(launcherArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (!jvmOptions.isEmpty()) {
            builder.environment().put("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        long responded = -1;
        Map<String, String> figures = new HashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("RESPONSE ")) {
                    responded = System.nanoTime();
                    if (!line.startsWith("RESPONSE " + expectedStatus + " ")) {
                        throw new IllegalStateException(handler + " did not answer " + expectedStatus + ": " + line);
                    }
                } else if (line.startsWith("PHASES_MS ")) {
                    // "PHASES_MS jvm=41 init=310 invoke=402": figures PHASE_JVM_MS, PHASE_INIT_MS, PHASE_INVOKE_MS.
                    for (String phase : line.substring("PHASES_MS ".length()).split(" ")) {
                        int eq = phase.indexOf('=');
                        if (eq > 0) {
                            figures.put("PHASE_" + phase.substring(0, eq).toUpperCase(java.util.Locale.ROOT) + "_MS", phase.substring(eq + 1));
                        }
                    }
                } else if (line.matches("[A-Z0-9_]+ \\d+(,\\d+)*")) {
                    int space = line.indexOf(' ');
                    figures.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        }
        int exit = process.waitFor();
        if (responded < 0 || exit != 0) {
            throw new IllegalStateException(handler + " gave no response (exit " + exit + "):\n" + output);
        }
        return new Result((responded - start) / 1_000_000, figures);
    }
}
