package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Uploads a file as an episode's audio and waits until it is processed.",
            "Files over the multipart threshold go in parts; an interrupted upload resumes when run again."})
final class UploadCommand extends EpisodeCommand implements Callable<Integer> {
    @Mixin
    UploadOptions uploadOptions;

    @Parameters(index = "1", paramLabel = "FILE", description = "The audio file (.mp3 or .m4a).")
    Path file;

    @Override
    public Integer call() {
        Env env = root.env;
        Path audio = env.resolve(file.toString());
        Uploader.size(audio);
        Uploader.contentType(audio);
        Api api = common.api(root);
        JsonNode episode = episode(api).body();
        Uploader uploader = new Uploader(api, env, uploadOptions.options());
        root.activeUpload = uploader;
        try {
            Uploader.Sent sent = uploader.upload(episode.path("id").asText(), audio);
            JsonNode processed = new Push(api, env, uploader, Duration.ofSeconds(uploadOptions.waitSeconds))
                    .awaitProcessing(episode.path("id").asText(), sent.key());
            EpisodeActions.report(env, common, processed, "audio uploaded, " + Progress.size(processed.path("audio").path("bytes").asLong())
                    + ", " + EpisodeWriter.time(processed.path("audio").path("durationSeconds").decimalValue().movePointRight(3).longValue() / 1000 * 1000, false));
        } finally {
            root.activeUpload = null;
        }
        return Exit.OK;
    }
}
