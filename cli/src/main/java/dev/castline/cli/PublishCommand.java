package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publishes an episode now, or schedules it with --at. It needs processed audio.")
final class PublishCommand extends EpisodeCommand implements Callable<Integer> {
    @Option(names = "--at", paramLabel = "TIME", description = "When it becomes public, e.g. 2026-12-01T09:00:00Z.")
    String at;

    @Override
    public Integer call() {
        ObjectNode body = Api.JSON.createObjectNode();
        if (at != null) {
            body.put("at", Common.time(at, "--at").toString());
        }
        Api api = common.api(root);
        Api.Response episode = episode(api);
        JsonNode published = api.post(Episodes.path(episode.body().path("id").asText()) + "/publish", body,
                EpisodeActions.ifMatch(episode)).body();
        EpisodeActions.report(root.env, common, published, at == null ? "published" : "scheduled");
        return Exit.OK;
    }
}
