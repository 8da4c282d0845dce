package dev.castline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "markdown", mixinStandardHelpOptions = true,
        description = {
            "Imports a folder of episode files (a Jekyll _posts-style tree).",
            "Each *.md is pushed as 'castline push' would, and released on its date:",
            "the front matter's publish_at, else its date, else the date the file name",
            "starts with (2021-02-08-podia-has-everything.md). A future date schedules",
            "it. An episode without audio stays a draft. Every file is read before",
            "anything is sent; running it again changes nothing."})
final class ImportMarkdownCommand implements Callable<Integer> {
    private static final Pattern FILE_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-");
    private static final List<String> AUDIO_EXTENSIONS = List.of(".mp3", ".m4a");

    @ParentCommand
    ImportCommand parent;

    @Mixin
    Common common;

    @Mixin
    UploadOptions uploadOptions;

    @Parameters(paramLabel = "DIR", description = "The folder; its subfolders are read too.")
    Path dir;

    @Option(names = "--audio-dir", paramLabel = "DIR",
            description = "Where the audio files are: matched by the front matter's 'audio' file name, else by the episode file's name or slug (.mp3, .m4a).")
    Path audioDir;

    @Option(names = "--dry-run", description = "Print what would change, and change nothing.")
    boolean dryRun;

    private record Planned(Path file, EpisodeDoc doc, Path audio, Instant date) {
    }

    @Override
    public Integer call() {
        Env env = parent.root.env;
        Path folder = env.resolve(dir.toString());
        if (!Files.isDirectory(folder)) {
            throw Exit.usage(dir + ": no such folder");
        }
        Path audioFolder = audioDir == null ? null : env.resolve(audioDir.toString());
        if (audioFolder != null && !Files.isDirectory(audioFolder)) {
            throw Exit.usage(audioDir + ": no such folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw Exit.usage(dir + ": cannot read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw Exit.usage(dir + ": no .md files");
        }
        // Every file first: one that cannot be read stops the import before anything is sent.
        List<Planned> plan = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            try {
                EpisodeDoc doc = EpisodeParser.read(file);
                plan.add(new Planned(file, doc, audio(file, doc, audioFolder), date(file, doc)));
            } catch (Exit.Failure e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> env.err().println("castline: " + e));
            throw Exit.usage(errors.size() + " of " + files.size() + " file(s) cannot be read: nothing was imported");
        }

        Api api = common.api(parent.root);
        Uploader uploader = new Uploader(api, env, uploadOptions.options());
        Push push = new Push(api, env, uploader, Duration.ofSeconds(uploadOptions.waitSeconds));
        int created = 0;
        int changed = 0;
        int same = 0;
        int drafts = 0;
        ArrayNode results = Api.JSON.createArrayNode();
        for (Planned p : plan) {
            Push.Release release = p.audio() != null && p.date() != null ? new Push.Release(false, p.date()) : Push.Release.NONE;
            parent.root.activeUpload = uploader;
            Push.Result r;
            try {
                r = push.push(p.doc(), p.audio(), release, dryRun);
            } finally {
                parent.root.activeUpload = null;
            }
            r.warnings().forEach(w -> env.err().println("warning: " + w));
            String would = dryRun ? "would " : "";
            List<String> did = new ArrayList<>();
            if (r.created()) {
                did.add(would + "create");
                created++;
            } else if (!r.changed().isEmpty()) {
                did.add(would + "update " + String.join(", ", r.changed()));
                changed++;
            }
            if (r.audioUploaded()) {
                did.add(would + "upload the audio");
            }
            if (r.release() != null) {
                did.add(would + r.release());
            }
            if (did.isEmpty()) {
                same++;
            }
            if (p.audio() == null) {
                drafts++;
                env.err().println("warning: " + folder.relativize(p.file()) + ": no audio found" + (audioFolder == null ? " (give --audio-dir)" : "")
                        + ": the episode stays a draft");
            } else if (p.date() == null) {
                env.err().println("warning: " + folder.relativize(p.file()) + ": no date (publish_at, date, or in the file name): the episode stays a draft");
            }
            if (common.json) {
                ObjectNode line = results.addObject();
                line.put("file", folder.relativize(p.file()).toString());
                line.put("slug", r.slug());
                line.put("status", r.status());
                did.forEach(line.putArray("changes")::add);
            } else {
                env.out().println(r.slug() + ": " + (did.isEmpty() ? "up to date" : String.join(", ", did)) + " (" + r.status() + ")");
            }
        }
        if (common.json) {
            ObjectNode json = Api.JSON.createObjectNode();
            json.put("dryRun", dryRun);
            json.put("files", plan.size());
            json.put("created", created);
            json.put("updated", changed);
            json.put("upToDate", same);
            json.put("withoutAudio", drafts);
            json.set("episodes", results);
            Common.printJson(env, json);
            return Exit.OK;
        }
        env.out().println((dryRun ? "dry run, nothing changed: " : "") + plan.size() + " file(s): " + created + " created, " + changed
                + " updated, " + same + " up to date" + (drafts > 0 ? "; " + drafts + " without audio (drafts)" : ""));
        return Exit.OK;
    }

    /** The episode's audio: the front matter's, found as is or in the audio folder by its name, else the audio folder's file named like the episode. */
    private static Path audio(Path file, EpisodeDoc doc, Path audioFolder) {
        if (doc.audio() != null && Files.isRegularFile(doc.audio())) {
            return doc.audio();
        }
        if (audioFolder == null) {
            if (doc.audio() != null) {
                throw Exit.usage(file + ": audio: " + doc.audio() + ": no such file");
            }
            return null;
        }
        if (doc.audio() != null) {
            Path named = audioFolder.resolve(doc.audio().getFileName().toString());
            if (Files.isRegularFile(named)) {
                return named;
            }
            throw Exit.usage(file + ": audio: neither " + doc.audio() + " nor " + named + " exists");
        }
        String base = file.getFileName().toString().replaceFirst("\\.md$", "");
        for (String name : List.of(base, doc.slug())) {
            for (String ext : AUDIO_EXTENSIONS) {
                Path candidate = audioFolder.resolve(name + ext);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** publish_at, else the front matter's date, else the date the file name starts with (midnight UTC), else null. */
    static Instant date(Path file, EpisodeDoc doc) {
        if (doc.publishAt() != null) {
            return doc.publishAt();
        }
        Object date = frontMatter(file).get("date");
        if (date instanceof Date d) {
            return d.toInstant();
        }
        if (date != null) {
            Instant at = EpisodeParser.parseTime(date.toString());
            if (at == null) {
                throw Exit.usage(file + ": date: '" + date + "' is not a date: write e.g. 2021-02-08 or 2021-02-08 06:00:00 +0000");
            }
            return at;
        }
        Matcher m = FILE_DATE.matcher(file.getFileName().toString());
        if (m.find()) {
            try {
                return LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw Exit.usage(file + ": the file name starts with '" + m.group(1) + "', which is not a date");
            }
        }
        return null;
    }

    private static Map<?, ?> frontMatter(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").replace("\r\n", "\n");
            int start = text.indexOf("---\n");
            int end = text.indexOf("\n---", start + 4);
            if (start != 0 || end < 0) {
                return Map.of();
            }
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, end));
            return yaml instanceof Map<?, ?> map ? map : Map.of();
        } catch (IOException | YAMLException e) {
            return Map.of(); // the parser read it already and said what is wrong
        }
    }
}
