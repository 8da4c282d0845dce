package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What publish, unpublish, rm, upload and open share: the episode by its slug, and how results are told. */
final class EpisodeActions {
    private EpisodeActions() {
    }

    static void report(Env env, Common common, JsonNode episode, String done) {
        if (common.json) {
            Common.printJson(env, episode);
        } else {
            env.out().println(episode.path("slug").asText() + ": " + done + " (" + episode.path("status").asText()
                    + (episode.hasNonNull("publishAt") && !"draft".equals(episode.path("status").asText())
                    ? ", " + episode.get("publishAt").asText() : "") + ")");
        }
    }

    static Map<String, String> ifMatch(Api.Response response) {
        return Map.of("If-Match", response.etag());
    }
}
