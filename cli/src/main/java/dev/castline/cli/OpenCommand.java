package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "open", mixinStandardHelpOptions = true, description = "Prints the address of an episode's page on the show's site.")
final class OpenCommand extends EpisodeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Api api = common.api(root);
        JsonNode episode = episode(api).body();
        String site = api.find(Episodes.ADMIN + "/show").map(r -> r.body().path("siteBaseUrl").asText(null)).orElse(null);
        String base = site != null ? Profiles.stripSlash(site) : api.baseUrl();
        String url = base + "/episodes/" + episode.path("slug").asText();
        if (common.json) {
            Common.printJson(root.env, Api.JSON.createObjectNode().put("slug", episode.path("slug").asText()).put("url", url)
                    .put("status", episode.path("status").asText()));
        } else {
            root.env.out().println(url);
            if (!"published".equals(episode.path("status").asText())) {
                root.env.err().println("note: the episode is " + episode.path("status").asText() + ": its page is not public yet");
            }
        }
        return Exit.OK;
    }
}
