package dev.castline.functions.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Events;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Podcast Index's own feed parser, podcast-partytime (npm), run with Node over a feed: what a
 * Podcasting 2.0 app reads of it, as JSON. The test tools install it in {@code tools/}
 * ({@code bin/test}, or {@code npm install --prefix tools}).
 */
final class Partytime {
    private static final String SCRIPT = """
            const { parseFeed } = require(process.argv[1]);
            const fs = require("fs");
            const feed = parseFeed(fs.readFileSync(process.argv[2], "utf8"), { allowMissingGuid: false });
            fs.writeFileSync(process.argv[3], JSON.stringify(feed));
            """;

    private Partytime() {
    }

    /** The feed as partytime parses it; null when it does not take the document for a feed. */
    static JsonNode parse(byte[] xml) throws IOException, InterruptedException {
        Path module = ApiFixture.root().resolve("tools/node_modules/podcast-partytime");
        assertThat(module.resolve("package.json")).as("podcast-partytime is not installed: run bin/test, which installs the test tools"
                + " (or: npm install --prefix tools)").exists();
        Path dir = Files.createTempDirectory("partytime");
        try {
            Path feed = dir.resolve("feed.xml");
            Path out = dir.resolve("feed.json");
            Files.write(feed, xml);
            Process node = new ProcessBuilder("node", "-e", SCRIPT, module.toString(), feed.toString(), out.toString())
                    .redirectErrorStream(true).start();
            String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node ran podcast-partytime in time").isTrue();
            assertThat(node.exitValue()).as("node's exit status; it said: %s", log).isZero();
            return Events.json(Files.readString(out));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
