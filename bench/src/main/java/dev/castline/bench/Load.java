package dev.castline.bench;

import dev.castline.api.Paths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load run against the local stack on loopback: for each scenario, 50 clients send
 * requests back to back for 30 s (configurable), then it stops by itself. Reports throughput,
 * latency percentiles, and the count of 5xx answers and connection errors (both must be 0).
 *
 * <p>Usage, from the repository root after {@code mvn -Pbench -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar dev.castline.bench.Load [clients] [seconds]}.
 * Writes bench/results/load.txt.
 */
public final class Load {
    record Scenario(String name, String path, String ifNoneMatchFrom) {
    }

    record Result(String name, long requests, double seconds, long[] latenciesMicros, long serverErrors, long connectionErrors,
                  long notModified) {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path root = Path.of("").toAbsolutePath();
        try (BenchStack stack = BenchStack.start(root)) {
            String slug = stack.slug;
            int port = stack.port;
            String base = "http://127.0.0.1:" + port;
            List<Scenario> scenarios = List.of(
                    new Scenario("GET /api/v1/episodes", Paths.API + "/episodes", null),
                    new Scenario("GET /api/v1/episodes/{slug}", Paths.apiEpisode(slug), null),
                    new Scenario("GET /feed.xml (full)", "/feed.xml", null),
                    new Scenario("GET /feed.xml (If-None-Match: 304)", "/feed.xml", "/feed.xml"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            StringBuilder report = new StringBuilder();
            report.append("Load against the local stack on loopback: ").append(clients).append(" concurrent clients, ")
                    .append(seconds).append(" s per scenario\n");
            report.append("date: ").append(Instant.now()).append("; machine: ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, java ").append(System.getProperty("java.version")).append('\n');
            report.append(String.format("%-36s %10s %9s %9s %9s %9s %6s %6s %6s%n", "scenario", "requests", "req/s", "p50 ms",
                    "p99 ms", "max ms", "304s", "5xx", "errors"));
            boolean clean = true;
            for (Scenario s : scenarios) {
                Result r = run(http, base, s, clients, seconds);
                long[] l = r.latenciesMicros();
                report.append(String.format("%-36s %10d %9.0f %9.2f %9.2f %9.2f %6d %6d %6d%n", s.name(), r.requests(),
                        r.requests() / r.seconds(), pct(l, 50), pct(l, 99), l.length == 0 ? 0 : l[l.length - 1] / 1000.0,
                        r.notModified(), r.serverErrors(), r.connectionErrors()));
                clean &= r.serverErrors() == 0 && r.connectionErrors() == 0;
            }
            report.append(clean ? "zero 5xx and zero connection errors\n" : "FAILED: 5xx answers or connection errors\n");
            System.out.print(report);
            Files.createDirectories(root.resolve("bench/results"));
            Files.writeString(root.resolve("bench/results/load.txt"), report.toString());
            if (!clean) {
                System.exit(1);
            }
        }
    }

    private static Result run(HttpClient http, String base, Scenario s, int clients, int seconds) throws Exception {
        String etag = null;
        if (s.ifNoneMatchFrom() != null) {
            etag = http.send(HttpRequest.newBuilder(URI.create(base + s.ifNoneMatchFrom())).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("etag").orElseThrow();
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + s.path())).timeout(Duration.ofSeconds(10));
        if (etag != null) {
            builder.header("If-None-Match", etag);
        }
        HttpRequest request = builder.build();
        AtomicLong serverErrors = new AtomicLong();
        AtomicLong connectionErrors = new AtomicLong();
        AtomicLong notModified = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 500) {
                            serverErrors.incrementAndGet();
                        } else if (response.statusCode() == 304) {
                            notModified.incrementAndGet();
                        }
                    } catch (IOException e) {
                        connectionErrors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = (System.nanoTime() - t0) / 1000;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(s.name(), merged.length, elapsed, merged, serverErrors.get(), connectionErrors.get(), notModified.get());
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
