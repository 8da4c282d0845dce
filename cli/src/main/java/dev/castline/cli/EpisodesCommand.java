package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "episodes", mixinStandardHelpOptions = true, description = "Lists the show's episodes: drafts, scheduled and published.")
final class EpisodesCommand implements Callable<Integer> {
    enum StatusFilter { draft, scheduled, published }

    @ParentCommand
    Castline root;

    @Mixin
    Common common;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only these: ${COMPLETION-CANDIDATES} (default: all).")
    List<StatusFilter> statuses;

    @Override
    public Integer call() {
        Env env = root.env;
        Api api = common.api(root);
        List<StatusFilter> wanted = statuses == null || statuses.isEmpty() ? List.of(StatusFilter.values()) : statuses;
        ArrayNode all = Api.JSON.createArrayNode();
        for (StatusFilter status : wanted) {
            String cursor = null;
            do {
                String path = Episodes.ADMIN + "/episodes?status=" + status + "&limit=100" + (cursor == null ? "" : "&cursor=" + Api.encode(cursor));
                JsonNode page = api.get(path).body();
                page.path("items").forEach(all::add);
                cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
        }
        if (common.json) {
            Common.printJson(env, all);
            return Exit.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : all) {
            rows.add(List.of(e.path("slug").asText(), e.path("status").asText(), e.path("publishAt").asText("-"),
                    e.path("hasAudio").asBoolean() ? "yes" : "no", e.path("title").asText()));
        }
        if (rows.isEmpty()) {
            env.out().println("No episodes.");
        } else {
            Common.table(env, List.of("SLUG", "STATUS", "PUBLISH AT", "AUDIO", "TITLE"), rows);
        }
        return Exit.OK;
    }
}
