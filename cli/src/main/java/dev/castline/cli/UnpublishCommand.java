package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "unpublish", mixinStandardHelpOptions = true,
        description = "Makes an episode a draft again: it leaves the site, the public API and the feed.")
final class UnpublishCommand implements Callable<Integer> {
    @ParentCommand
    Castline root;

    @Mixin
    Common common;

    @Parameters(paramLabel = "SLUG", description = "The episode's slug.")
    String slug;

    @Override
    public Integer call() {
        Api api = common.api(root);
        Api.Response episode = Episodes.requireBySlug(api, slug);
        JsonNode draft = api.post(Episodes.path(episode.body().path("id").asText()) + "/unpublish", null,
                EpisodeActions.ifMatch(episode)).body();
        EpisodeActions.report(root.env, common, draft, "unpublished");
        return Exit.OK;
    }
}
