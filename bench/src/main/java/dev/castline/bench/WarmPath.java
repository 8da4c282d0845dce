package dev.castline.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.management.ThreadMXBean;
import dev.castline.config.Config;
import dev.castline.functions.feed.FeedHandler;
import dev.castline.functions.get.GetEpisodeHandler;
import dev.castline.functions.list.ListEpisodesHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The warm path: in one JVM, after warm-up, 1,000 invocations of each read function's real
 * handleRequest against the local stack. Reports p50/p99 handler time and bytes allocated per
 * request (by this thread: the handler, the SDK call and the JSON/XML writing).
 *
 * <p>Usage, from the repository root after {@code mvn -Pbench -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar dev.castline.bench.WarmPath [invocations]}.
 */
public final class WarmPath {
    public static void main(String[] args) throws Exception {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path root = Path.of("").toAbsolutePath();
        try (BenchStack stack = BenchStack.start(root)) {
            Map<String, String> env = stack.functionEnvironment();
            Config base = Config.fromEnvironment(env);
            Config config = new Config(base.region(), base.tableName(), base.showId(), base.mediaBaseUrl(), base.cursorSigningKey(),
                    base.dynamoDbEndpoint(), base.cacheMaxAge(), base.feedCacheMaxAge(), Duration.ZERO,
                    software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(BenchStack.ACCESS_KEY, BenchStack.SECRET_KEY)));

            Map<String, Supplier<RequestStreamHandler>> handlers = new LinkedHashMap<>();
            handlers.put("list-episodes (GET /api/v1/episodes)", () -> new ListEpisodesHandler(config));
            handlers.put("get-episode (GET /api/v1/episodes/{slug})", () -> new GetEpisodeHandler(config));
            handlers.put("feed (GET /feed.xml, 12 episodes)", () -> new FeedHandler(config));
            Map<String, String> events = Map.of(
                    "list-episodes (GET /api/v1/episodes)", "list-episodes.json",
                    "get-episode (GET /api/v1/episodes/{slug})", "get-episode.json",
                    "feed (GET /feed.xml, 12 episodes)", "feed.json");

            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().threadId();
            StringBuilder report = new StringBuilder();
            report.append("Warm path: ").append(invocations).append(" invocations per function in one JVM after 300 warm-up ones, ")
                    .append("against the local stack\n");
            report.append("date: ").append(Instant.now()).append("; ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, java ").append(System.getProperty("java.version")).append('\n');
            report.append(String.format("%-42s %9s %9s %14s%n", "function", "p50 ms", "p99 ms", "alloc/request"));
            for (var entry : handlers.entrySet()) {
                RequestStreamHandler handler = entry.getValue().get();
                byte[] event = Files.readAllBytes(root.resolve("events").resolve(events.get(entry.getKey())));
                for (int i = 0; i < 300; i++) {
                    invoke(handler, event);
                }
                long[] nanos = new long[invocations];
                long allocatedBefore = threads.getThreadAllocatedBytes(self);
                for (int i = 0; i < invocations; i++) {
                    long t0 = System.nanoTime();
                    invoke(handler, event);
                    nanos[i] = System.nanoTime() - t0;
                }
                long allocated = threads.getThreadAllocatedBytes(self) - allocatedBefore;
                Arrays.sort(nanos);
                report.append(String.format("%-42s %9.2f %9.2f %11.1f kB%n", entry.getKey(), nanos[invocations / 2] / 1e6,
                        nanos[(int) Math.ceil(invocations * 0.99) - 1] / 1e6, allocated / (double) invocations / 1024));
            }
            System.out.print(report);
            Files.createDirectories(root.resolve("bench/results"));
            Files.writeString(root.resolve("bench/results/warm-path.txt"), report.toString());
        }
    }

    private static void invoke(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        if (!out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":200")) {
            throw new IllegalStateException("not a 200: " + out.toString(StandardCharsets.UTF_8));
        }
    }
}
