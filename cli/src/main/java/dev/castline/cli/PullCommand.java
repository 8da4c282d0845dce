package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Writes an episode as a Markdown file (YAML front matter), as push reads it.",
            "Pushing the file back changes nothing."})
final class PullCommand extends EpisodeCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write it ('-' for standard output; default: SLUG.md).")
    String output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        Env env = root.env;
        Api api = common.api(root);
        JsonNode episode = episode(api).body();
        String text = EpisodeWriter.write(Episodes.docOf(episode));
        if ("-".equals(output)) {
            env.out().print(text);
            env.out().flush();
            return Exit.OK;
        }
        Path file = env.resolve(output != null ? output : episode.path("slug").asText() + ".md");
        if (Files.exists(file) && !force) {
            throw Exit.usage(file + " exists: give --force to replace it");
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Exit.Failure(Exit.FAILURE, "cannot write " + file + ": " + e.getMessage());
        }
        if (common.json) {
            Common.printJson(env, Api.JSON.createObjectNode().put("slug", episode.path("slug").asText()).put("file", file.toString()));
        } else {
            env.out().println("Wrote " + file);
        }
        return Exit.OK;
    }
}
