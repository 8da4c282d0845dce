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
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            handle.invoke(handler, in, out, null);
        }
        long invokeDone = System.currentTimeMillis();
        String response = out.toString(StandardCharsets.UTF_8);
        System.out.println("PHASES_MS jvm=" + (mainAt - jvmStart) + " init=" + (initDone - mainAt) + " invoke=" + (invokeDone - initDone));
        System.out.println("RESPONSE " + statusCode(response) + " "
                + response.substring(0, Math.min(120, response.length())).replace('\n', ' '));
        System.out.println("PEAK_RSS_KB " + peakRssKb());
        System.out.flush();
        if (args.length > 2) {
            warm(handler, handle, Files.readAllBytes(Path.of(args[1])), Integer.parseInt(args[2]));
        }
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
