package dev.castline.functions.site;

import static dev.castline.testing.ApiFixture.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Events;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of page the site serves is valid HTML by the Nu Html Checker (the W3C's validator),
 * run as the jar the test tools install ({@code bin/test} installs them; see {@link #checker}).
 * Its CSS is checked too.
 */
class ValidHtmlTest {
    private final ApiFixture fixture = new ApiFixture();
    private final SiteHandler handler = new SiteHandler(fixture.config, fixture.dynamo, fixture.clock);

    @Test
    void everyKindOfPageIsValidHtml(@TempDir Path dir) throws Exception {
        dev.castline.testing.Episodes.withTranscript(fixture.store, ApiFixture.PODIA, 40);
        // Artwork of ours: every page's <img> with its renditions' srcset and sizes.
        fixture.shows.save(dev.castline.testing.Shows.withArtwork(dev.castline.testing.TestTables.MEDIA_BASE_URL + "/"
                + dev.castline.domain.MediaKey.newShowArtwork(dev.castline.domain.ImageFormat.PNG).value()));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", ApiFixture.event("site-home.json"));
        pages.put("episode", ApiFixture.event("site-episode-page.json"));
        pages.put("tag", ApiFixture.event("site-tag-page.json"));
        pages.put("embed", ApiFixture.event("site-embed.json"));
        pages.put("not-found", ApiFixture.event("site-not-found.json"));
        pages.put("draft", Events.withSlug("site-episode-page.json", ApiFixture.DRAFT));
        pages.put("bad-start", Events.withQuery("site-episode-page.json", Events.query("t", "soon")));
        List<String> files = new ArrayList<>();
        for (var page : pages.entrySet()) {
            Path file = dir.resolve(page.getKey() + ".html");
            String html = invoke(handler, page.getValue()).body();
            if (!page.getKey().equals("bad-start")) {
                assertThat(html).as("%s shows the artwork from its renditions", page.getKey()).contains(" srcset=\"", " sizes=\"");
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        Path css = dir.resolve("site.css");
        Files.write(css, new Assets().css().body());
        files.add(css.toString());

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", checker().toString(), "--format", "json", "--exit-zero-always", "--also-check-css"));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] stderr = process.getErrorStream().readAllBytes(); // vnu writes its JSON report to stderr
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        JsonNode report = Events.json(new String(stderr, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        for (JsonNode message : report.get("messages")) {
            // Errors, and warnings (an "info" with subType "warning"); plain information is not a problem.
            if (!message.path("type").asText().equals("info") || message.path("subType").asText().equals("warning")) {
                problems.add(message.path("url").asText().replace("file:" + dir, "") + ":" + message.path("lastLine").asText()
                        + " " + message.path("type").asText() + ": " + message.path("message").asText()
                        + " [" + message.path("extract").asText() + "]");
            }
        }
        assertThat(report.has("messages")).isTrue();
        assertThat(problems).as("the Nu Html Checker's errors and warnings").isEmpty();
    }

    /** The checker the test tools install: {@code tools/node_modules/vnu-jar} (npm package vnu-jar). */
    static Path checker() {
        Path jar = ApiFixture.root().resolve("tools/node_modules/vnu-jar/build/dist/vnu.jar");
        assertThat(jar).as("the Nu Html Checker is not installed: run bin/test, which installs the test tools"
                + " (or: npm install --prefix tools)").exists();
        return jar;
    }

    @Test
    void theCheckerCatchesInvalidHtml(@TempDir Path dir) throws IOException, InterruptedException {
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><head><title>x</title></head><body><p><div>x</p></body></html>");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                checker().toString(), "--format", "json", "--exit-zero-always", bad.toString()).start();
        String report = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertThat(Events.json(report).get("messages")).anySatisfy(m -> assertThat(m.get("type").asText()).isEqualTo("error"));
    }
}
