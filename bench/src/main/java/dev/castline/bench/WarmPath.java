package dev.castline.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.management.ThreadMXBean;
import dev.castline.config.Config;
import dev.castline.functions.feed.FeedHandler;
import dev.castline.functions.get.GetEpisodeHandler;
import dev.castline.functions.list.ListEpisodesHandler;
import dev.castline.functions.site.Assets;
import dev.castline.functions.site.SiteHandler;
import dev.castline.functions.site.SitePages;
import dev.castline.http.CursorCodec;
import dev.castline.store.EpisodePageReads;
import dev.castline.store.EpisodeStore;
import dev.castline.store.ShowStore;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The warm path: in one JVM, after warm-up, 1,000 invocations of each read function's real
 * handleRequest against the local stack. Reports p50/p99 handler time and bytes allocated per
 * request (by this thread: the handler, the SDK call and the JSON/XML writing).
 *
 * <p>The site's four kinds of page (home, episode, tag, embed) run the same way, each on its
 * {@code events/site-*.json} sample: the whole request, store reads included. Then the templates
 * alone: each page's view read from the store once, then rendered to UTF-8 bytes by the
 * precompiled jte templates as the function renders them ({@code Pages}), so the rendering's share
 * of a request shows apart from the DynamoDB calls.
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
            handlers.put("site home (GET /, 10 cards)", () -> new SiteHandler(config));
            handlers.put("site episode page (GET /episodes/{slug}?t=)", () -> new SiteHandler(config));
            handlers.put("site tag page (GET /tags/{tag})", () -> new SiteHandler(config));
            handlers.put("site embed (GET /embed/{slug})", () -> new SiteHandler(config));
            Map<String, String> events = Map.of(
                    "list-episodes (GET /api/v1/episodes)", "list-episodes.json",
                    "get-episode (GET /api/v1/episodes/{slug})", "get-episode.json",
                    "feed (GET /feed.xml, 12 episodes)", "feed.json",
                    "site home (GET /, 10 cards)", "site-home.json",
                    "site episode page (GET /episodes/{slug}?t=)", "site-episode-page.json",
                    "site tag page (GET /tags/{tag})", "site-tag-page.json",
                    "site embed (GET /embed/{slug})", "site-embed.json");

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
            templatesAlone(root, config, invocations, threads, self, report);
            System.out.print(report);
            Files.createDirectories(root.resolve("bench/results"));
            Files.writeString(root.resolve("bench/results/warm-path.txt"), report.toString());
        }
    }

    /**
     * The site's templates alone: each page's view is read from the store once (as the handler reads
     * it), then rendered {@code invocations} times after 300 unmeasured renders, to bytes, by an
     * engine built as the function's {@code Pages} builds it.
     */
    private static void templatesAlone(Path root, Config config, int invocations, ThreadMXBean threads, long self,
                                       StringBuilder report) throws IOException {
        DynamoDbClient dynamo = dev.castline.config.Clients.dynamoDb(config);
        Clock clock = Clock.systemUTC();
        EpisodeStore episodes = new EpisodeStore(dynamo, config.tableName(), config.layout(), clock);
        SitePages pages = new SitePages(episodes,
                new ShowStore(dynamo, config.tableName(), config.layout(), clock),
                new EpisodePageReads(dynamo, config.tableName(), config.layout(), episodes), new CursorCodec(config.cursorSigningKey()),
                config.mediaBaseUrl(), new Assets(), clock);
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "dev.castline.functions.site.templates");
        String episodeSlug = pathParameter(root, "site-episode-page.json", "slug");
        Map<String, SitePages.Outcome> views = new LinkedHashMap<>();
        views.put("home.jte (10 cards)", pages.home(Optional.empty()));
        views.put("episode.jte (with ?t=2:39)", pages.episode(episodeSlug, Optional.of(159L)));
        views.put("tag.jte", pages.tag(pathParameter(root, "site-tag-page.json", "tag"), Optional.empty()));
        views.put("embed.jte", pages.embed(pathParameter(root, "site-embed.json", "slug")));
        report.append("site templates alone (the view read once, then rendered to UTF-8 bytes; ").append(invocations)
                .append(" renders after 300 warm-up ones):\n");
        report.append(String.format("%-42s %9s %9s %14s %10s%n", "template", "p50 ms", "p99 ms", "alloc/render", "bytes"));
        for (var entry : views.entrySet()) {
            if (!(entry.getValue() instanceof SitePages.Rendered rendered) || rendered.status() != 200) {
                throw new IllegalStateException(entry.getKey() + ": not a page to render: " + entry.getValue());
            }
            int size = 0;
            for (int i = 0; i < 300; i++) {
                size = render(engine, rendered);
            }
            long[] nanos = new long[invocations];
            long allocatedBefore = threads.getThreadAllocatedBytes(self);
            for (int i = 0; i < invocations; i++) {
                long t0 = System.nanoTime();
                render(engine, rendered);
                nanos[i] = System.nanoTime() - t0;
            }
            long allocated = threads.getThreadAllocatedBytes(self) - allocatedBefore;
            Arrays.sort(nanos);
            report.append(String.format("%-42s %9.3f %9.3f %11.1f kB %10d%n", entry.getKey(), nanos[invocations / 2] / 1e6,
                    nanos[(int) Math.ceil(invocations * 0.99) - 1] / 1e6, allocated / (double) invocations / 1024, size));
        }
        dynamo.close();
    }

    private static int render(TemplateEngine engine, SitePages.Rendered rendered) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(rendered.template(), rendered.view(), output);
        return output.toByteArray().length;
    }

    /** A path parameter of a sample event, so the templates render the same page the handler rows request. */
    private static String pathParameter(Path root, String event, String name) throws IOException {
        String json = Files.readString(root.resolve("events").resolve(event));
        Matcher m = Pattern.compile("\"pathParameters\"\\s*:\\s*\\{[^}]*\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(event + " has no path parameter " + name);
        }
        return m.group(1);
    }

    private static void invoke(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        if (!out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":200")) {
            throw new IllegalStateException("not a 200: " + out.toString(StandardCharsets.UTF_8));
        }
    }
}
