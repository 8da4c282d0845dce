package dev.castline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, for each read function, the classes its first request loads, and writes them as the
 * function's {@code META-INF/castline/first-request.classes}, which {@code Preloader}
 * loads in the background at the next cold start. Each function runs once, cold, in a fresh JVM
 * with Lambda's flags, its own artifact and its sample event, against the local stack, with
 * preloading off and the JVM's class-loading log on.
 *
 * <p>Run it after changing a function's request path or upgrading the SDK (a stale list only costs
 * speed): from the repository root, after {@code mvn -Pbench -DskipTests package},
 * {@code java -cp bench/target/benchmarks.jar dev.castline.bench.PreloadLists [module ...]}, then
 * rebuild; with modules named ({@code site}), only their lists are recorded.
 */
public final class PreloadLists {
    record Function(String module, String handler, String event) {
    }

    static final List<Function> READ_FUNCTIONS = List.of(
            new Function("list-episodes", "dev.castline.functions.list.ListEpisodesHandler", "list-episodes.json"),
            new Function("get-episode", "dev.castline.functions.get.GetEpisodeHandler", "get-episode.json"),
            new Function("feed", "dev.castline.functions.feed.FeedHandler", "feed.json"),
            // The listener site, on its home page (the show item, one Query, the templates).
            new Function("site", "dev.castline.functions.site.SiteHandler", "site-home.json"));

    private PreloadLists() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        List<String> only = List.of(args);
        for (String module : only) {
            if (READ_FUNCTIONS.stream().noneMatch(f -> f.module().equals(module))) {
                throw new IllegalArgumentException(module + " is not one of " + READ_FUNCTIONS.stream().map(Function::module).toList());
            }
        }
        try (BenchStack stack = BenchStack.start(root)) {
            for (Function f : READ_FUNCTIONS) {
                if (!only.isEmpty() && !only.contains(f.module())) {
                    continue;
                }
                Path artifact = FunctionJvm.artifact(root, f.module());
                Path log = Files.createTempFile("class-load-", ".log");
                try {
                    FunctionJvm.run(root, stack, List.of(), List.of(ColdStart.NO_PRELOAD.get(0), "-Xlog:class+load=info:file=" + log + ":none"),
                            "", FunctionJvm.classpath(root, f.module()), f.handler(), f.event());
                    List<String> classes = firstRequestClasses(Files.readAllLines(log), artifact);
                    Path target = root.resolve("functions").resolve(f.module())
                            .resolve("src/main/resources/META-INF/castline/first-request.classes");
                    Files.createDirectories(target.getParent());
                    List<String> lines = new ArrayList<>();
                    lines.add("# Classes the first " + f.event() + " request loads, in load order; Preloader loads them in the background.");
                    lines.add("# Recorded " + LocalDate.now() + " on java " + System.getProperty("java.version")
                            + " by bench/.../PreloadLists.java: rerun it after changing the request path or the SDK.");
                    lines.addAll(classes);
                    Files.write(target, lines);
                    System.out.println(f.module() + ": " + classes.size() + " classes -> " + root.relativize(target));
                } finally {
                    Files.deleteIfExists(log);
                }
            }
        }
    }

    /**
     * The classes loaded after the launcher's own start, from the JDK or the function's artifact.
     * Left out: the launcher (it stands in for Lambda's runtime), hidden classes (lambdas, method
     * handles: the JVM spins them, nobody can load them by name) and generated proxies.
     */
    static List<String> firstRequestClasses(List<String> log, Path artifact) {
        List<String> classes = new ArrayList<>();
        boolean started = false;
        for (String line : log) {
            int at = line.indexOf(" source: ");
            if (at < 0) {
                continue;
            }
            String name = line.substring(0, at).strip();
            String source = line.substring(at + " source: ".length());
            if (name.startsWith("dev.castline.bench.")) {
                started = true;
                continue;
            }
            boolean fromJdk = source.startsWith("jrt:/") || source.equals("shared objects file");
            boolean fromArtifact = source.startsWith("file:") && source.endsWith(artifact.getFileName().toString());
            if (started && (fromJdk || fromArtifact) && !name.contains("/")) {
                classes.add(name);
            }
        }
        return classes;
    }
}
