package dev.castline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Deletes an episode, its slugs and its audio. Asks first, unless --yes."})
final class RmCommand extends EpisodeCommand implements Callable<Integer> {
    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        Env env = root.env;
        Api api = common.api(root);
        Api.Response episode = episode(api);
        String title = episode.body().path("title").asText();
        if (!yes) {
            env.err().print("Delete '" + slug + "' (" + title + ", " + episode.body().path("status").asText() + ") and its audio? [y/N] ");
            env.err().flush();
            String answer = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                env.err().println("Nothing deleted.");
                return Exit.USAGE;
            }
        }
        api.delete(Episodes.path(episode.body().path("id").asText()), EpisodeActions.ifMatch(episode));
        if (common.json) {
            Common.printJson(env, Api.JSON.createObjectNode().put("slug", slug).put("deleted", true));
        } else {
            env.out().println(slug + ": deleted");
        }
        return Exit.OK;
    }
}
