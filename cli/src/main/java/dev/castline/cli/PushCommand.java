package dev.castline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {
            "Creates or updates an episode from its Markdown file, with its audio.",
            "The episode is matched by its slug.",
            "Only what differs is sent: pushing the same file twice changes nothing",
            "the second time (no new version, no upload). The audio is uploaded only when",
            "its content differs from the episode's; the command then waits for",
            "processing and checks mp3_bytes and mp3_duration against it."})
final class PushCommand implements Callable<Integer> {
    @ParentCommand
    Castline root;

    @Mixin
    Common common;

    @Mixin
    UploadOptions uploadOptions;

    @Parameters(paramLabel = "EPISODE.md", description = "The episode file: YAML front matter, then Markdown.")
    Path file;

    @Option(names = "--audio", paramLabel = "FILE", description = "The audio file (.mp3 or .m4a); default: the front matter's 'audio'.")
    Path audio;

    @ArgGroup(exclusive = true)
    When when;

    static final class When {
        @Option(names = "--publish", description = "Publish now (unless it is published already).")
        boolean now;

        @Option(names = "--at", paramLabel = "TIME", description = "Schedule it: e.g. 2026-12-01T09:00:00Z. Default: the front matter's 'publish_at'.")
        String at;
    }

    @Option(names = "--dry-run", description = "Print what would change, and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Env env = root.env;
        EpisodeDoc doc = EpisodeParser.read(env.resolve(file.toString()));
        Path audioFile = audio != null ? env.resolve(audio.toString()) : doc.audio();
        if (audioFile != null) {
            Uploader.size(audioFile);
            Uploader.contentType(audioFile);
        }
        Push.Release release = when != null && when.now ? new Push.Release(true, null)
                : when != null && when.at != null ? new Push.Release(false, Common.time(when.at, "--at"))
                : doc.publishAt() != null ? new Push.Release(false, doc.publishAt()) : Push.Release.NONE;
        Api api = common.api(root);
        Uploader uploader = new Uploader(api, env, uploadOptions.options());
        root.activeUpload = uploader;
        Push.Result result;
        try {
            result = new Push(api, env, uploader, Duration.ofSeconds(uploadOptions.waitSeconds)).push(doc, audioFile, release, dryRun);
        } finally {
            root.activeUpload = null;
        }
        print(env, result);
        return Exit.OK;
    }

    private void print(Env env, Push.Result r) {
        if (common.json) {
            ObjectNode json = Api.JSON.createObjectNode();
            json.put("slug", r.slug());
            json.put("id", r.id());
            json.put("dryRun", r.dryRun());
            json.put("changed", r.changedAnything());
            json.put("created", r.created());
            r.changed().forEach(json.putArray("fields")::add);
            json.put("audioUploaded", r.audioUploaded());
            if (r.audioReason() != null) {
                json.put("audioReason", r.audioReason());
            }
            json.put("release", r.release());
            json.put("transcriptSent", r.transcriptReason() != null);
            json.put("status", r.status());
            r.warnings().forEach(json.putArray("warnings")::add);
            Common.printJson(env, json);
            return;
        }
        for (String warning : r.warnings()) {
            env.err().println("warning: " + warning);
        }
        String would = r.dryRun() ? "would " : "";
        if (!r.changedAnything()) {
            env.out().println(r.slug() + ": up to date (" + r.status() + ")");
            return;
        }
        env.out().println(r.slug() + ": " + (r.dryRun() ? "dry run, nothing changed" : r.status()));
        if (r.created()) {
            env.out().println("  " + would + "create the episode");
        } else if (!r.changed().isEmpty()) {
            env.out().println("  " + would + "update " + String.join(", ", r.changed()));
        }
        if (r.audioUploaded()) {
            env.out().println("  " + would + "upload the audio (" + r.audioReason() + ")");
        }
        if (r.transcriptReason() != null) {
            env.out().println("  " + would + "attach the transcript (" + r.transcriptReason() + ")");
        }
        if (r.release() != null) {
            env.out().println("  " + would + r.release());
        }
    }
}
