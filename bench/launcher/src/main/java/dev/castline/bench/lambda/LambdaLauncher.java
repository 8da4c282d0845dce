package dev.castline.bench.lambda;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation, as the Lambda runtime makes it: load the handler class, build it with its
 * no-arg constructor (the init phase), call {@code handleRequest(InputStream, OutputStream,
 * Context)} once with an event file, print the answer and the process's peak resident memory.
 * Usage: {@code LambdaLauncher <handler class> <event file> [warm invocations]}; with the third
 * argument it then invokes the handler that many times more and prints the median duration of
 * the second half (the warm duration a billed invocation takes).
 *
 * <p>Two system properties, for comparing runtimes:
 * <ul>
 *   <li>{@code -Dcastline.launcher.requests=N}: N invocations in all, the cold one first; prints
 *       each one's duration in microseconds, in order, as {@code INVOKE_US a,b,...} (the requests
 *       right after a start, which full tiering makes differ);</li>
 *   <li>{@code -Dcastline.launcher.prime=true}: SnapStart as far as a JVM without CRaC can show it:
 *       after the constructor, call the handler's {@code beforeCheckpoint(null)} (a CRaC
 *       {@code Resource}, the runtime calls it before taking the snapshot: the priming) and
 *       {@code afterRestore(null)}, print {@code PRIME_MS}, then invoke. The invocations after it
 *       are those of a function restored from a snapshot taken right after priming, JIT state
 *       included; what a restore itself costs (the snapshot's pages, re-seeding) is not here.</li>
 * </ul>
 */
public final class LambdaLauncher {
    private LambdaLauncher() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long initDone = System.currentTimeMillis();
        boolean prime = Boolean.getBoolean("castline.launcher.prime");
        if (prime) {
            long primed = prime(handler);
            System.out.println("PRIME_MS " + primed);
            initDone = System.currentTimeMillis();
        }
        int requests = Integer.getInteger("castline.launcher.requests", 1);
        long[] invokeNanos = new long[Math.max(1, requests)];
        Method handle = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 3
                    && m.getParameterTypes()[0] == InputStream.class && m.getParameterTypes()[1] == OutputStream.class) {
                handle = m;
            }
        }
        if (handle == null) {
            throw new IllegalStateException(args[0] + " has no handleRequest(InputStream, OutputStream, Context)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Primed, the event is read before the clock starts: the first request is then timed as the next ones are.
        byte[] primedEvent = prime ? Files.readAllBytes(Path.of(args[1])) : null;
        long firstStart = System.nanoTime();
        try (InputStream in = prime ? new java.io.ByteArrayInputStream(primedEvent) : Files.newInputStream(Path.of(args[1]))) {
            handle.invoke(handler, in, out, null);
        }
        invokeNanos[0] = System.nanoTime() - firstStart;
        long invokeDone = System.currentTimeMillis();
        String response = out.toString(StandardCharsets.UTF_8);
        System.out.println("PHASES_MS jvm=" + (mainAt - jvmStart) + " init=" + (initDone - mainAt) + " invoke=" + (invokeDone - initDone));
        System.out.println("RESPONSE " + statusCode(response) + " "
                + response.substring(0, Math.min(120, response.length())).replace('\n', ' '));
        System.out.println("PEAK_RSS_KB " + peakRssKb());
        System.out.flush();
        if (invokeNanos.length > 1) {
            byte[] event = Files.readAllBytes(Path.of(args[1]));
            for (int i = 1; i < invokeNanos.length; i++) {
                ByteArrayOutputStream next = new ByteArrayOutputStream();
                long start = System.nanoTime();
                handle.invoke(handler, new java.io.ByteArrayInputStream(event), next, null);
                invokeNanos[i] = System.nanoTime() - start;
            }
            StringBuilder each = new StringBuilder("INVOKE_US ");
            for (int i = 0; i < invokeNanos.length; i++) {
                each.append(i == 0 ? "" : ",").append(invokeNanos[i] / 1000);
            }
            System.out.println(each);
            System.out.flush();
        } else if (requests == 1 && System.getProperty("castline.launcher.requests") != null) {
            System.out.println("INVOKE_US " + invokeNanos[0] / 1000);
            System.out.flush();
        }
        if (args.length > 2) {
            warm(handler, handle, Files.readAllBytes(Path.of(args[1])), Integer.parseInt(args[2]));
        }
    }

    /**
     * What SnapStart does before the snapshot: the handler's CRaC {@code beforeCheckpoint}, then,
     * restored, its {@code afterRestore}; found by name, so the launcher needs no CRaC library.
     * Returns how long the priming took, in milliseconds.
     */
    private static long prime(Object handler) throws Exception {
        Method before = null;
        Method after = null;
        for (Method m : handler.getClass().getMethods()) {
            if (m.getParameterCount() == 1 && m.getParameterTypes()[0].getName().equals("org.crac.Context")) {
                if (m.getName().equals("beforeCheckpoint")) {
                    before = m;
                } else if (m.getName().equals("afterRestore")) {
                    after = m;
                }
            }
        }
        if (before == null) {
            throw new IllegalStateException(handler.getClass().getName() + " is no CRaC Resource: nothing to prime");
        }
        long start = System.currentTimeMillis();
        before.invoke(handler, (Object) null);
        long primed = System.currentTimeMillis() - start;
        if (after != null) {
            after.invoke(handler, (Object) null);
        }
        return primed;
    }

    /** After the cold one, {@code count} more invocations in this JVM: the median of the second half. */
    private static void warm(Object handler, Method handle, byte[] event, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = System.nanoTime();
            handle.invoke(handler, new java.io.ByteArrayInputStream(event), out, null);
            nanos[i] = System.nanoTime() - start;
        }
        long[] settled = java.util.Arrays.copyOfRange(nanos, count / 2, count);
        java.util.Arrays.sort(settled);
        System.out.println("WARM_P50_US " + settled[settled.length / 2] / 1000);
        System.out.flush();
    }

    /** The status code the handler answered; found by hand: a regex would load its classes into every measured start. */
    private static String statusCode(String response) {
        int at = response.indexOf("\"statusCode\"");
        if (at < 0) {
            return "none";
        }
        int from = response.indexOf(':', at) + 1;
        while (from < response.length() && response.charAt(from) == ' ') {
            from++;
        }
        int to = from;
        while (to < response.length() && Character.isDigit(response.charAt(to))) {
            to++;
        }
        return to > from ? response.substring(from, to) : "none";
    }

    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
