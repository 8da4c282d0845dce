package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "transcript", mixinStandardHelpOptions = true,
        description = {"Attaches a transcript (WebVTT .vtt, SRT .srt or Podcasting 2.0 JSON .json) to an episode, replacing any other.",
            "Speakers are kept (<v Name> in VTT, Name: in SRT). The feed then lists it in each format, and the episode page shows it."})
final class TranscriptCommand extends EpisodeCommand implements Callable<Integer> {
    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The transcript file (.vtt, .srt or .json, at most 5 MB).")
    Path file;

    @Option(names = "--language", paramLabel = "CODE", description = "Its language, e.g. en-us (default: the show's).")
    String language;

    @Option(names = "--remove", description = "Removes the episode's transcript instead.")
    boolean remove;

    @Override
    public Integer call() throws IOException {
        if (remove == (file != null)) {
            throw new Exit.Failure(Exit.USAGE, remove ? "--remove takes no FILE" : "a transcript FILE is needed (or --remove)");
        }
        Api api = common.api(root);
        JsonNode episode = episode(api).body();
        String path = Episodes.transcriptPath(episode.path("id").asText());
        if (remove) {
            api.delete(path, Map.of());
            root.env.out().println("removed the transcript of " + slug);
            return Exit.OK;
        }
        Transcripts.Upload upload = Transcripts.read(file);
        Api.Response answer = api.putFile(path + (language == null ? "" : "?language=" + Api.encode(language)), upload.bytes(),
                upload.contentType());
        JsonNode body = answer.body();
        if (common.json) {
            Common.printJson(root.env, body);
        } else {
            root.env.out().println("attached " + body.path("cues").asInt() + " cues (" + body.path("language").asText() + ") to " + slug);
            body.path("warnings").forEach(w -> root.env.err().println("warning: " + w.asText()));
        }
        return Exit.OK;
    }
}
