package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "unpublish", mixinStandardHelpOptions = true,
        description = "Makes an episode a draft again: it leaves the site, the public API and the feed.")
final class UnpublishCommand extends EpisodeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Api api = common.api(root);
        Api.Response episode = episode(api);
        JsonNode draft = api.post(Episodes.path(episode.body().path("id").asText()) + "/unpublish", null,
                EpisodeActions.ifMatch(episode)).body();
        EpisodeActions.report(root.env, common, draft, "unpublished");
        return Exit.OK;
    }
}
