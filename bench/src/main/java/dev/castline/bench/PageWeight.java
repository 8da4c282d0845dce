package dev.castline.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * What the site's pages weigh on the wire: the home page and one episode page, each with the
 * stylesheet and script it links, fetched from a running local stack as a browser would fetch them,
 * in bytes as served and gzipped here ({@code java.util.zip} at its default level, 6). In front of
 * the site CloudFront compresses text itself, with gzip or Brotli as the browser accepts (Brotli
 * usually some 10-20% below gzip on HTML, CSS and JS); its levels are not published, so the gzip
 * column here is an estimate of what a listener downloads, not a CloudFront measurement.
 *
 * <p>Counted: the HTML, the CSS and the JS. Not counted, and listed: images and audio the page
 * references (the sample show's pages carry none from the media URL; a real show's artwork and
 * episode audio are the listener's own choice to load), and HTTP headers. A first view costs all
 * three; a later page view only the HTML, the assets being cached for a year as immutable.
 *
 * <p>Usage, from the repository root after {@code mvn -Pbench -DskipTests package}:
 * {@code java -cp bench/target/benchmarks.jar dev.castline.bench.PageWeight [base URL] [episode path]}.
 * With no base URL it starts the local stack itself (as the other benchmarks do); else it measures
 * the one at that URL ({@code bin/castline-local --in-memory --port 8080}, then
 * {@code http://127.0.0.1:8080}). The episode page is the first one the home page links unless
 * given. Writes bench/results/page-weight.txt.
 */
public final class PageWeight {
    /** The target for an episode page, HTML, CSS and JS gzipped, without artwork and audio. */
    static final int EPISODE_TARGET_BYTES = 30 * 1024;

    private static final Pattern STYLESHEET = Pattern.compile("<link\\b[^>]*\\brel=\"stylesheet\"[^>]*>");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*\\bsrc=\"([^\"]+)\"[^>]*>");
    private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"");
    private static final Pattern MEDIA = Pattern.compile("<(?:img|audio|source|video)\\b[^>]*\\bsrc=\"([^\"]+)\"");
    private static final Pattern EPISODE_LINK = Pattern.compile("href=\"(/episodes/[^\"?#]+)\"");

    record Resource(String kind, String path, int raw, int gzipped) {
    }

    record Page(String name, String path, List<Resource> resources, List<String> uncounted) {
        int raw() {
            return resources.stream().mapToInt(Resource::raw).sum();
        }

        int gzipped() {
            return resources.stream().mapToInt(Resource::gzipped).sum();
        }

        int html(boolean gzip) {
            return resources.stream().filter(r -> r.kind().equals("HTML")).mapToInt(r -> gzip ? r.gzipped() : r.raw()).sum();
        }
    }

    private PageWeight() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        if (args.length > 0) {
            measure(root, URI.create(args[0].replaceAll("/+$", "")), args.length > 1 ? args[1] : null);
        } else {
            try (BenchStack stack = BenchStack.start(root)) {
                measure(root, URI.create("http://127.0.0.1:" + stack.port), null);
            }
        }
    }

    private static void measure(Path root, URI base, String episodePath) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String home = new String(get(http, base, "/"), StandardCharsets.UTF_8);
        if (episodePath == null) {
            Matcher m = EPISODE_LINK.matcher(home);
            if (!m.find()) {
                throw new IllegalStateException("the home page links no episode page");
            }
            episodePath = m.group(1);
        }
        List<Page> pages = List.of(page(http, base, "home", "/"), page(http, base, "episode page", episodePath));

        StringBuilder out = new StringBuilder();
        out.append("Page weight of the listener site, fetched from ").append(base).append('\n');
        out.append("date: ").append(Instant.now()).append("; gzip: java.util.zip at its default level (6); java ")
                .append(System.getProperty("java.version")).append('\n');
        out.append("CloudFront compresses HTML, CSS and JS itself (gzip or Brotli, as the browser accepts; Brotli usually 10-20% smaller).\n");
        out.append(String.format("%-14s %-6s %-58s %10s %10s%n", "page", "kind", "path", "raw B", "gzip B"));
        for (Page p : pages) {
            for (Resource r : p.resources()) {
                out.append(String.format("%-14s %-6s %-58s %10d %10d%n", p.name(), r.kind(), r.path(), r.raw(), r.gzipped()));
            }
            out.append(String.format("%-14s %-6s %-58s %10d %10d   (%.1f kB raw, %.1f kB gzipped; a later view, assets cached: %.1f kB gzipped)%n",
                    p.name(), "total", "HTML + CSS + JS, first view", p.raw(), p.gzipped(), p.raw() / 1024.0, p.gzipped() / 1024.0,
                    p.html(true) / 1024.0));
            if (!p.uncounted().isEmpty()) {
                out.append(String.format("%-14s not counted (images, audio): %s%n", p.name(), p.uncounted()));
            }
        }
        Page episode = pages.get(1);
        out.append(String.format("episode page, first view, gzipped: %d B (%.1f kB) against the target of %d B (30 kB): %s%n",
                episode.gzipped(), episode.gzipped() / 1024.0, EPISODE_TARGET_BYTES,
                episode.gzipped() <= EPISODE_TARGET_BYTES ? "within" : "OVER"));
        System.out.print(out);
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("page-weight.txt"), out.toString());
    }

    /** One page and what it links that a browser fetches before it can show it: its stylesheets and scripts. */
    private static Page page(HttpClient http, URI base, String name, String path) throws IOException, InterruptedException {
        byte[] html = get(http, base, path);
        String text = new String(html, StandardCharsets.UTF_8);
        List<Resource> resources = new ArrayList<>();
        resources.add(resource("HTML", path, html));
        Set<String> css = new LinkedHashSet<>();
        for (Matcher m = STYLESHEET.matcher(text); m.find(); ) {
            Matcher href = HREF.matcher(m.group());
            if (href.find()) {
                css.add(href.group(1));
            }
        }
        Set<String> js = new LinkedHashSet<>();
        for (Matcher m = SCRIPT.matcher(text); m.find(); ) {
            js.add(m.group(1));
        }
        for (String href : css) {
            resources.add(resource("CSS", href, get(http, base, href)));
        }
        for (String src : js) {
            resources.add(resource("JS", src, get(http, base, src)));
        }
        List<String> uncounted = new ArrayList<>();
        for (Matcher m = MEDIA.matcher(text); m.find(); ) {
            uncounted.add(m.group(1));
        }
        return new Page(name, path, resources, uncounted);
    }

    private static Resource resource(String kind, String path, byte[] body) throws IOException {
        return new Resource(kind, path, body.length, gzip(body).length);
    }

    /** The body as served, uncompressed: the request accepts no encoding. */
    private static byte[] get(HttpClient http, URI base, String path) throws IOException, InterruptedException {
        URI uri = path.startsWith("http://") || path.startsWith("https://") ? URI.create(path) : URI.create(base + path);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("accept", "text/html,text/css,*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
        }
        if (response.headers().firstValue("content-encoding").filter(e -> !e.equals("identity")).isPresent()) {
            throw new IllegalStateException("GET " + uri + " came compressed; the raw size would be wrong");
        }
        return response.body();
    }

    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }
}
