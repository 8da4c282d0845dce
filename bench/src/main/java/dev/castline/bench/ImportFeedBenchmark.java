package dev.castline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castline.emulation.OperationCounts;
import dev.castline.local.CastlineLocal;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code castline import feed} of a synthetic feed of N episodes (default 2,000; no audio copy)
 * into a fresh in-memory local stack started in this JVM, twice. For each run: the CLI's time and
 * peak RSS, measured by {@code /usr/bin/time} on the CLI's own process (the CLI's jar, run as a
 * host runs it), and what the stack's functions sent to DynamoDB and S3 meanwhile, counted per
 * operation by the stack, per episode.
 *
 * <p>Usage, from the repository root after {@code mvn -B -Pbench -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar dev.castline.bench.ImportFeedBenchmark [EPISODES]}
 * ({@code cli/bench/import-feed.sh} runs it); the CLI's JVM options from {@code CLI_JAVA_OPTS}
 * (say {@code -Xmx64m}). Writes bench/results/import-feed.txt.
 */
public final class ImportFeedBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ENGLISH);

    private ImportFeedBenchmark() {
    }

    record Run(String name, double seconds, long peakRssKib, long created, long alreadyThere, OperationCounts.Snapshot dynamoDb,
               OperationCounts.Snapshot s3, String loadBefore, String loadAfter) {
    }

    public static void main(String[] args) throws Exception {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path root = Path.of("").toAbsolutePath();
        Path cliJar = root.resolve("cli/target/castline.jar");
        if (!Files.isRegularFile(cliJar)) {
            throw new IllegalStateException(cliJar + " is missing: run mvn -B -Pbench -DskipTests package from the repository root");
        }
        Path work = Files.createTempDirectory("castline-import-bench");
        Path feed = work.resolve("feed.xml");
        writeFeed(feed, episodes);
        String token = "bench-" + UUID.randomUUID();
        List<String> report = new ArrayList<>();
        try (CastlineLocal stack = CastlineLocal.start(new CastlineLocal.Settings(0, 0, 0, null, false, token))) {
            Map<String, String> env = Map.of("CASTLINE_API", stack.baseUrl().toString(), "CASTLINE_TOKEN", token, "HOME", work.toString());
            cli(cliJar, work, env, null, "show", "set", "title=Bench", "author=Bench", "description=Bench", "language=en",
                    "artworkUrl=https://example.com/a.png", "appleCategory=Technology", "ownerName=Bench", "ownerEmail=bench@example.com",
                    "siteBaseUrl=" + stack.baseUrl(), "feedUrl=" + stack.baseUrl() + "/feed.xml");
            report.add("castline import feed: a synthetic feed of " + episodes + " items (" + Files.size(feed)
                    + " bytes), no audio copy, into a fresh in-memory local stack in the benchmark's JVM; the CLI in a process of its own"
                    + (System.getenv("CLI_JAVA_OPTS") == null ? "" : " (" + System.getenv("CLI_JAVA_OPTS") + ")"));
            report.add("date: " + Instant.now() + "; machine: " + Runtime.getRuntime().availableProcessors() + " cores, java "
                    + System.getProperty("java.version"));
            System.out.println(String.join("\n", report));
            for (String name : List.of("first import", "second import")) {
                List<String> lines = describe(importOnce(name, stack, cliJar, work, env, feed), episodes);
                report.addAll(lines);
                System.out.println(String.join("\n", lines));
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String text = String.join("\n", report) + "\n";
        Files.createDirectories(root.resolve("bench/results"));
        Files.writeString(root.resolve("bench/results/import-feed.txt"), text);
        System.out.println("(written to bench/results/import-feed.txt)");
    }

    private static Run importOnce(String name, CastlineLocal stack, Path cliJar, Path work, Map<String, String> env, Path feed)
            throws Exception {
        OperationCounts.Snapshot dynamoDb = stack.dynamoDbOperations();
        OperationCounts.Snapshot s3 = stack.s3Operations();
        Path time = work.resolve("time");
        String loadBefore = loadAverage();
        String out = cli(cliJar, work, env, time, "import", "feed", feed.toString(), "--json");
        OperationCounts.Snapshot dynamoDbSent = stack.dynamoDbOperations().since(dynamoDb);
        OperationCounts.Snapshot s3Sent = stack.s3Operations().since(s3);
        String[] measured = Files.readString(time).strip().split("\\s+");
        JsonNode summary = JSON.readTree(out);
        return new Run(name, Double.parseDouble(measured[measured.length - 2]), Long.parseLong(measured[measured.length - 1]),
                summary.path("created").asLong(), summary.path("alreadyThere").asLong(), dynamoDbSent, s3Sent, loadBefore, loadAverage());
    }

    /** The machine's load averages (1, 5, 15 minutes): other work on it slows the run down. */
    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.isReadable(proc) ? String.join(" ", List.of(Files.readString(proc).split(" ")).subList(0, 3)) : "unknown";
    }

    private static List<String> describe(Run run, int episodes) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %d created, %d already there (load average %s before, %s after)", run.name(), run.created(),
                run.alreadyThere(), run.loadBefore(), run.loadAfter()));
        lines.add(String.format(Locale.ROOT, "  CLI: %.1f s (%.1f ms per episode), peak RSS %d MiB", run.seconds(),
                run.seconds() * 1000 / episodes, run.peakRssKib() / 1024));
        OperationCounts.Snapshot writes = run.dynamoDb().only(OperationCounts.DYNAMODB_WRITES);
        OperationCounts.Snapshot reads = run.dynamoDb().since(writes); // every other operation
        lines.add("  DynamoDB writes: " + perEpisode(writes, episodes, true));
        lines.add("  DynamoDB reads:  " + perEpisode(reads, episodes, false));
        lines.add("  S3 writes: " + perEpisode(run.s3().only(OperationCounts.S3_WRITES), episodes, false)
                + "; all S3 calls: " + run.s3());
        return lines;
    }

    /** {@code TransactWriteItems 2000 (0 failed, 8000 items: 4.00 a call), UpdateItem 1; 1.0005 calls and 4.0005 items per episode}. */
    private static String perEpisode(OperationCounts.Snapshot counts, int episodes, boolean items) {
        if (counts.calls().isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        long itemTotal = 0;
        for (var e : new java.util.TreeMap<>(counts.calls()).entrySet()) {
            String op = e.getKey();
            text.append(text.isEmpty() ? "" : ", ").append(op).append(' ').append(e.getValue());
            if (counts.failed(op) > 0 || (items && counts.items(op) != counts.succeeded(op))) {
                text.append(String.format(Locale.ROOT, " (%d failed, %d items: %.2f a call)", counts.failed(op), counts.items(op),
                        counts.succeeded(op) == 0 ? 0.0 : (double) counts.items(op) / counts.succeeded(op)));
            }
            itemTotal += counts.items(op);
        }
        text.append(String.format(Locale.ROOT, "; %.4f calls", (double) counts.total() / episodes));
        if (items) {
            text.append(String.format(Locale.ROOT, " and %.4f items", (double) itemTotal / episodes));
        }
        return text.append(" per episode").toString();
    }

    /**
     * Runs the CLI's jar in a process of its own; under {@code /usr/bin/time -f '%e %M'} (seconds,
     * peak RSS in KiB) into {@code time} when given. Returns what it printed on stdout.
     */
    private static String cli(Path jar, Path work, Map<String, String> env, Path time, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (time != null) {
            command.addAll(List.of("/usr/bin/time", "-f", "%e %M", "-o", time.toString()));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv("CLI_JAVA_OPTS");
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = work.resolve("out");
        Path err = work.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        int code = builder.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("castline " + String.join(" ", args) + " exited " + code + ":\n" + tail(err));
        }
        return Files.readString(out);
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /**
     * A feed as big hosts write it: CDATA HTML show notes (2.7 MB for 2,000 items), HH:MM:SS
     * durations, three Podlove chapters and a guest per item, newest first.
     */
    static void writeFeed(Path path, int episodes) throws IOException {
        ZonedDateTime start = ZonedDateTime.of(2012, 1, 2, 6, 0, 0, 0, ZoneOffset.UTC);
        String talk = "We talk about <b>many</b> things. ".repeat(20);
        try (Writer f = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            f.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
                    + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:psc=\"http://podlove.org/simple-chapters\" "
                    + "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel><title>Benchmark Show</title>"
                    + "<itunes:author>Bench Host</itunes:author><description>A synthetic show.</description><language>en</language>\n");
            for (int i = episodes; i >= 1; i--) {
                f.write("<item><title>Episode " + i + ": things worth saying</title><guid isPermaLink=\"false\">bench-" + i + "</guid>"
                        + "<pubDate>" + RFC_822.format(start.plusDays(i)) + "</pubDate>"
                        + "<description><![CDATA[<p>Episode " + i + ". " + talk + "</p><ul><li>One</li><li>Two</li></ul>]]></description>"
                        + "<enclosure url=\"https://cdn.example.com/bench/" + i + ".mp3\" length=\"" + (40_000_000 + i) + "\" type=\"audio/mpeg\"/>"
                        + String.format(Locale.ROOT, "<itunes:duration>01:%02d:%02d</itunes:duration>", i % 60, (i * 7) % 60)
                        + "<itunes:episode>" + i + "</itunes:episode>"
                        + "<psc:chapters version=\"1.2\"><psc:chapter start=\"00:00:00\" title=\"Intro\"/><psc:chapter start=\"00:10:00\" title=\"Main\"/>"
                        + "<psc:chapter start=\"00:50:00\" title=\"Outro\"/></psc:chapters>"
                        + "<podcast:person role=\"guest\">Guest " + i + "</podcast:person></item>\n");
            }
            f.write("</channel></rss>\n");
        }
    }
}
