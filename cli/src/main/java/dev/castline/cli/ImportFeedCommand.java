package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.feedimport.ChaptersJson;
import dev.castline.feedimport.FeedEncodingException;
import dev.castline.feedimport.FeedCursor;
import dev.castline.feedimport.FeedImportException;
import dev.castline.feedimport.FeedLimits;
import dev.castline.feedimport.FeedReader;
import dev.castline.feedimport.ImportProblem;
import dev.castline.feedimport.ImportedChapter;
import dev.castline.feedimport.ImportedItem;
import dev.castline.feedimport.ImportedShow;
import dev.castline.feedimport.MissingGuid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {
            "Imports a show from another host's RSS feed.",
            "The show's settings come from the channel; each item becomes a published",
            "episode with its original guid, date, enclosure (linked where it is),",
            "chapters and persons, and its transcript (WebVTT, SRT or JSON, fetched and",
            "attached as 'castline transcript' does).",
            "The whole feed is read once before anything is written: a feed that cannot",
            "be read imports nothing. Items already imported (same guid) are left as they",
            "are, so an interrupted import continues when run again. A feed marked",
            "podcast:locked 'yes' is imported only with --owner-confirmed. A feed whose",
            "bytes are not in the encoding it declares (UTF-8 when it declares none) is",
            "refused, naming the first bad byte: --encoding reads it as the one it is."})
final class ImportFeedCommand implements Callable<Integer> {
    /** The largest feed fetched or read; the reader's own limit. */
    static final long MAX_FEED_BYTES = FeedLimits.DEFAULTS.maxBytes();

    @ParentCommand
    ImportCommand parent;

    @Mixin
    Common common;

    @Parameters(paramLabel = "URL|FILE", description = "The feed: an http(s) URL, or a file.")
    String source;

    @Option(names = "--dry-run", description = "Read the feed and print what would be imported and changed, as Castline answers for"
            + " each item (would import, already there, or would be refused and why); change nothing.")
    boolean dryRun;

    @Option(names = "--limit", paramLabel = "N", description = "Import at most N items (in feed order).")
    Integer limit;

    @Option(names = "--owner-confirmed", description = "Import a feed marked podcast:locked 'yes': you are its owner.")
    boolean ownerConfirmed;

    @Option(names = "--no-chapters-fetch", negatable = false,
            description = "Do not fetch podcast:chapters files; chapters written in the feed are kept.")
    boolean noChaptersFetch;

    @Option(names = "--no-transcripts-fetch", negatable = false,
            description = "Do not fetch podcast:transcript files (they are attached otherwise).")
    boolean noTranscriptsFetch;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Read the feed as this encoding (e.g. windows-1252), whatever it declares.")
    String encoding;

    @Option(names = "--copy-audio", description = {"Download each enclosure (MP3 or M4A) and upload it to Castline, which",
        "processes it like any upload: the episode then has Castline's media URL and",
        "a probed duration. Without it, episodes link their original enclosures."})
    boolean copyAudio;

    @Mixin
    UploadOptions uploadOptions;

    /** The largest enclosure --copy-audio downloads. */
    static final long MAX_AUDIO_BYTES = 4L * 1024 * 1024 * 1024;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time-out for each download (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** The encoding --encoding names; null: the feed's own. */
    private Charset charset;

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw Exit.usage("--encoding " + name + ": not an encoding Java knows (e.g. windows-1252, iso-8859-1, utf-8)");
        }
    }

    /** What one pass over the feed saw. */
    private record Pass(ImportedShow show, int itemsInFeed, int importable, List<ImportProblem> problems) {
    }

    @Override
    public Integer call() {
        Env env = parent.root.env;
        if (limit != null && limit < 1) {
            throw Exit.usage("--limit must be at least 1");
        }
        charset = encoding == null ? null : charset(encoding);
        Fetcher fetcher = new Fetcher(env, Duration.ofSeconds(timeoutSeconds));
        Path file;
        URI feedUrl;
        boolean temporary;
        if (source.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            URI uri;
            try {
                uri = new URI(source.strip());
            } catch (java.net.URISyntaxException e) {
                throw Exit.usage("'" + source + "' is not a URL");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw Exit.usage("'" + source + "': give an http(s) URL or a file");
            }
            env.err().println("fetching " + uri + "...");
            Fetcher.Fetched fetched = fetcher.toFile(uri, MAX_FEED_BYTES, "the feed");
            file = fetched.file();
            feedUrl = fetched.url();
            temporary = true;
        } else {
            file = env.resolve(source);
            if (!Files.isRegularFile(file)) {
                throw Exit.usage(source + ": no such file");
            }
            feedUrl = null;
            temporary = false;
        }
        try {
            return importFrom(env, fetcher, file, feedUrl);
        } finally {
            if (temporary) {
                Fetcher.delete(file);
            }
        }
    }

    private int importFrom(Env env, Fetcher fetcher, Path file, URI feedUrl) {
        // First pass: the whole feed, nothing written. A feed that fails here imports nothing.
        Pass check = pass(file, feedUrl, item -> { });
        ImportedShow show = check.show();
        if (show.isLocked() && !ownerConfirmed) {
            throw new Exit.Failure(Exit.CONFLICT, "the feed is marked podcast:locked 'yes'" + (show.locked().owner() == null ? ""
                    : " (owner " + show.locked().owner() + ")") + ": its owner asked that no other host import it. If you are the owner, "
                    + "run again with --owner-confirmed. Nothing was imported.");
        }
        int planned = limit == null ? check.importable() : Math.min(limit, check.importable());
        env.err().println("read " + check.itemsInFeed() + " item(s): " + check.importable() + " importable"
                + (planned < check.importable() ? ", importing the first " + planned : ""));

        Api api = common.api(parent.root);
        Api.Response current = api.find(Episodes.ADMIN + "/show").orElse(null);
        JsonNode settings = current == null ? null : current.body();
        ObjectNode next = FeedMapping.settings(settings, show);
        List<String> missing = new ArrayList<>();
        for (String required : List.of("title", "author", "description", "language", "artworkUrl", "appleCategory", "ownerName",
                "ownerEmail", "siteBaseUrl", "feedUrl")) {
            if (!next.hasNonNull(required) || next.get(required).asText().isBlank()) {
                missing.add(required);
            }
        }
        List<String> changed = new ArrayList<>(FeedMapping.changed(settings, next));
        List<String> notes = new ArrayList<>();

        Counts counts = new Counts();
        if (dryRun) {
            requireDryRuns(api);
            if (!common.json) {
                env.out().println("dry run: nothing changed");
                if (!missing.isEmpty()) {
                    env.out().println("  the show needs " + String.join(", ", missing) + " before an import: castline show set KEY=VALUE");
                }
                env.out().println(changed.isEmpty() ? "  show settings: up to date" : "  would update the show's " + String.join(", ", changed));
            }
            ArrayNode plans = Api.JSON.createArrayNode();
            pass(file, feedUrl, each(planned, item -> {
                ObjectNode plan = planItem(api, item, counts, notes);
                if (common.json) {
                    plans.add(plan);
                } else {
                    env.out().println("  " + planLine(plan));
                }
            }));
            if (common.json) {
                ObjectNode json = Api.JSON.createObjectNode();
                json.put("dryRun", true);
                json.put("items", check.itemsInFeed());
                json.put("wouldImport", counts.created);
                json.put("alreadyThere", counts.existing);
                json.put("wouldRefuse", counts.refused);
                missing.forEach(json.putArray("showNeeds")::add);
                changed.forEach(json.putArray("showWouldChange")::add);
                json.set("episodes", plans);
                json.set("problems", problemsJson(check.problems(), notes));
                Common.printJson(env, json);
            } else {
                env.out().println("  (an item whose guid Castline has already is left as it is)");
                env.out().println("  in all: " + counts.created + " episode(s) to import, " + counts.existing + " already there"
                        + (counts.refused > 0 ? ", " + counts.refused + " the API would refuse" : ""));
            }
            printProblems(env, check.problems(), notes);
            return counts.refused > 0 ? Exit.USAGE : Exit.OK;
        }
        if (!missing.isEmpty()) {
            throw new Exit.Failure(Exit.USAGE, "the show needs " + String.join(", ", missing)
                    + " (the feed does not say): set them with castline show set KEY=VALUE, then import again. Nothing was imported.");
        }
        if (!changed.isEmpty()) {
            settings = putSettings(api, current, next, changed, notes);
        }

        Copier copier = copyAudio ? new Copier(api, env, fetcher) : null;
        pass(file, feedUrl, each(planned, item -> importItem(env, api, fetcher, copier, item, planned, counts, notes)));

        printProblems(env, check.problems(), notes);
        String castlineFeed = settings == null ? null : settings.path("feedUrl").asText(null);
        if (common.json) {
            ObjectNode json = Api.JSON.createObjectNode();
            json.put("items", check.itemsInFeed());
            json.put("created", counts.created);
            json.put("alreadyThere", counts.existing);
            json.put("refused", counts.refused);
            json.put("audioCopied", counts.copied);
            json.put("transcriptsAttached", counts.transcripts);
            changed.forEach(json.putArray("showChanged")::add);
            json.set("problems", problemsJson(check.problems(), notes));
            Common.printJson(env, json);
        } else {
            env.out().println("imported " + counts.created + " episode(s); " + counts.existing + " already there"
                    + (counts.refused > 0 ? "; " + counts.refused + " refused (see above)" : "")
                    + (copyAudio ? "; audio copied for " + counts.copied : "")
                    + (changed.isEmpty() ? "; show settings up to date" : "; show settings updated: " + String.join(", ", changed))
                    + (counts.transcripts > 0 ? "; transcripts attached to " + counts.transcripts : ""));
            nextSteps(env, castlineFeed);
        }
        return counts.refused > 0 ? Exit.USAGE : Exit.OK;
    }

    private static final class Counts {
        int seen;
        int created;
        int existing;
        int refused;
        int copied;
        int transcripts;
    }

    /** --copy-audio: the enclosure downloaded to a temporary file (streamed), uploaded as the episode's audio, processed. */
    private final class Copier {
        private final Api api;
        private final Env env;
        private final Fetcher fetcher;
        private final Uploader uploader;
        private final Push push;

        Copier(Api api, Env env, Fetcher fetcher) {
            this.api = api;
            this.env = env;
            this.fetcher = fetcher;
            this.uploader = new Uploader(api, env, uploadOptions.options());
            this.push = new Push(api, env, uploader, Duration.ofSeconds(uploadOptions.waitSeconds));
        }

        /** Null when copied, else why not. */
        String copy(String id, ImportedItem item, String type) {
            String extension = Uploader.extensionOf(type);
            if (extension == null) {
                return "only MP3 and M4A can be uploaded, and it is " + type;
            }
            env.err().println("downloading " + item.enclosure().url() + "...");
            Fetcher.Fetched fetched;
            try {
                fetched = fetcher.toFile(URI.create(item.enclosure().url()), MAX_AUDIO_BYTES, "the enclosure");
            } catch (Exit.Failure | IllegalArgumentException e) {
                return e.getMessage();
            }
            Path audio = fetched.file().resolveSibling(fetched.file().getFileName() + extension);
            try {
                Files.move(fetched.file(), audio);
                if (item.enclosure().length() != null && item.enclosure().length() > 0 && item.enclosure().length() != fetched.bytes()) {
                    env.err().println("warning: " + label(item) + ": the feed says " + item.enclosure().length() + " bytes, the download has "
                            + fetched.bytes());
                }
                parent.root.activeUpload = uploader;
                Uploader.Sent sent = uploader.upload(id, audio);
                push.awaitProcessing(id, sent.key());
                return null;
            } catch (IOException e) {
                return "cannot keep the download: " + e.getMessage();
            } catch (Exit.Failure e) {
                if (e.code() == Exit.USAGE || e.code() == Exit.CONFLICT) {
                    return e.getMessage();
                }
                throw e;
            } finally {
                parent.root.activeUpload = null;
                Fetcher.delete(fetched.file());
                Fetcher.delete(audio);
            }
        }
    }

    /** Hands on the first {@code planned} importable items. */
    private static Consumer<ImportedItem> each(int planned, Consumer<ImportedItem> action) {
        int[] done = {0};
        return item -> {
            if (done[0] >= planned) {
                return;
            }
            done[0]++;
            action.accept(item);
        };
    }

    private Pass pass(Path file, URI feedUrl, Consumer<ImportedItem> each) {
        FeedReader reader = new FeedReader(FeedLimits.DEFAULTS, MissingGuid.SKIP, charset);
        List<ImportProblem> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); FeedCursor feed = reader.open(in, feedUrl)) {
            int importable = 0;
            while (feed.hasNext()) {
                ImportedItem item = feed.next();
                FeedMapping.Mapped mapped = FeedMapping.item(item, item.chapters());
                if (mapped.body() == null) {
                    problems.add(new ImportProblem(item.index(), item.guid(), "skipped: " + mapped.skipped()));
                    continue;
                }
                importable++;
                each.accept(item);
            }
            problems.addAll(0, feed.problems());
            ImportedShow show = feed.show();
            if (show.nextPageUrl() != null) {
                problems.add(ImportProblem.channel("the feed continues on another page (" + show.nextPageUrl()
                        + "): import that page too, with castline import feed URL"));
            }
            return new Pass(show, feed.itemsRead(), importable, problems);
        } catch (FeedEncodingException e) {
            throw new Exit.Failure(Exit.USAGE, "the feed cannot be imported: " + e.getMessage() + ". Nothing was imported. "
                    + (e.looksLike() == null || e.looksLike().equalsIgnoreCase(e.expected())
                    ? "Ask the old host to fix the feed's encoding, or name the one it is in with --encoding NAME."
                    : "If the feed is " + (e.looksLike().equals("windows-1252") ? "Windows-1252" : e.looksLike()) + ", run again with --encoding "
                    + e.looksLike().toLowerCase(java.util.Locale.ROOT) + " to read it as that."));
        } catch (FeedImportException e) {
            throw new Exit.Failure(Exit.USAGE, "the feed cannot be imported: " + e.getMessage() + ". Nothing was imported.");
        } catch (NoSuchFileException e) {
            throw Exit.usage(file + ": no such file");
        } catch (IOException e) {
            throw Exit.usage(file + ": cannot read: " + e.getMessage());
        }
    }

    private void importItem(Env env, Api api, Fetcher fetcher, Copier copier, ImportedItem item, int planned, Counts counts,
                            List<String> notes) {
        counts.seen++;
        List<ImportedChapter> chapters = item.chapters();
        if (chapters.isEmpty() && item.chaptersUrl() != null && !noChaptersFetch) {
            chapters = fetchChapters(fetcher, item, notes);
        }
        FeedMapping.Mapped mapped = FeedMapping.item(item, chapters);
        for (String note : mapped.notes()) {
            notes.add(label(item) + ": " + note);
        }
        String outcome;
        try {
            Api.Response response = api.post(Episodes.ADMIN + "/imports", mapped.body(), Map.of());
            if (response.status() == 201) {
                counts.created++;
                outcome = "created";
            } else {
                counts.existing++;
                outcome = "already there";
            }
            if (copier != null && response.body().path("audio").path("external").asBoolean(false)) {
                String copied = copier.copy(response.body().path("id").asText(), item, mapped.body().path("audio").path("type").asText());
                if (copied == null) {
                    counts.copied++;
                    outcome += ", audio copied";
                } else {
                    notes.add(label(item) + ": audio not copied: " + copied);
                }
            }
            if (attachTranscript(api, fetcher, item, response.body(), notes)) {
                counts.transcripts++;
                outcome += ", transcript attached";
            }
        } catch (Api.ApiError e) {
            if (e.status() != 400 && e.status() != 409) {
                throw new Exit.Failure(e.code(), e.getMessage() + " (" + counts.created + " episode(s) imported so far: run the same "
                        + "command again to continue)");
            }
            counts.refused++;
            outcome = "refused";
            notes.add(label(item) + ": refused: " + e.getMessage());
        }
        env.err().println("[" + counts.seen + "/" + planned + "] " + outcome + ": " + item.title());
    }

    /**
     * A Castline deployed before dry runs existed would take {@code ?dryRun=true} for a real import
     * and publish every item: the dry run asks first whether this one's API describes the parameter.
     */
    private static void requireDryRuns(Api api) {
        JsonNode parameters = api.get("/api/v1/openapi.json").body().path("paths").path(Episodes.ADMIN + "/imports").path("post")
                .path("parameters");
        for (JsonNode parameter : parameters) {
            if ("dryRun".equals(parameter.path("name").asText())) {
                return;
            }
        }
        throw new Exit.Failure(Exit.FAILURE, "this Castline (" + api.baseUrl() + ") does not know dry runs yet: deploy its new version "
                + "first; nothing was sent");
    }

    /**
     * --dry-run: the import's own answer to the item ({@code ?dryRun=true}: reads only), as one
     * plan: {@code action} import, alreadyThere or refused, with the slug, the reason, and what
     * would be fetched.
     */
    private ObjectNode planItem(Api api, ImportedItem item, Counts counts, List<String> notes) {
        FeedMapping.Mapped mapped = FeedMapping.item(item, item.chapters());
        counts.seen++;
        for (String note : mapped.notes()) {
            notes.add(label(item) + ": " + note);
        }
        ObjectNode plan = Api.JSON.createObjectNode();
        plan.put("guid", item.guid());
        plan.put("publishAt", mapped.body().path("publishAt").asText());
        plan.put("title", item.title());
        Api.Response answer;
        try {
            answer = api.post(Episodes.ADMIN + "/imports?dryRun=true", mapped.body(), Map.of());
        } catch (Api.ApiError e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            counts.refused++;
            return plan.put("action", "refused").put("reason", e.getMessage());
        }
        if (answer.status() == 201) {
            counts.created++;
            plan.put("action", "import");
            if (item.chaptersUrl() != null && !noChaptersFetch) {
                plan.put("chaptersFrom", item.chaptersUrl());
            }
            if (copyAudio) {
                plan.put("audioFrom", item.enclosure().url());
            }
        } else {
            counts.existing++;
            plan.put("action", "alreadyThere").put("slug", answer.body().path("slug").asText());
        }
        FeedMapping.TranscriptLinks transcripts = FeedMapping.transcripts(item);
        if (!noTranscriptsFetch && !transcripts.usable().isEmpty() && !answer.body().has("transcript")) {
            plan.put("transcriptFrom", transcripts.usable().get(0).url());
        }
        return plan;
    }

    /** One plan of {@link #planItem} for people. */
    private static String planLine(JsonNode plan) {
        String line = plan.path("guid").asText() + "  " + plan.path("publishAt").asText() + "  " + plan.path("title").asText();
        String transcript = plan.has("transcriptFrom") ? " (transcript from " + plan.path("transcriptFrom").asText() + ")" : "";
        return switch (plan.path("action").asText()) {
            case "refused" -> "would be refused " + line + ": " + plan.path("reason").asText();
            case "import" -> "would import " + line
                    + (plan.has("chaptersFrom") ? " (chapters from " + plan.path("chaptersFrom").asText() + ")" : "")
                    + (plan.has("audioFrom") ? " (audio copied from " + plan.path("audioFrom").asText() + ")" : "") + transcript;
            default -> "already there " + line + " (" + plan.path("slug").asText() + ")" + transcript;
        };
    }

    /**
     * Fetches the item's transcript (the best format first; the next when one cannot be fetched or
     * is refused) and attaches it with {@code PUT .../transcript}, only to an episode without one:
     * just created, or created by a run that stopped before its transcript. So a second run sends
     * no PUT. True when attached; what went wrong is a note, and the episode stays.
     */
    private boolean attachTranscript(Api api, Fetcher fetcher, ImportedItem item, JsonNode episode, List<String> notes) {
        if (item.transcripts().isEmpty() || episode.has("transcript")) {
            return false;
        }
        int links = item.transcripts().size();
        if (noTranscriptsFetch) {
            notes.add(label(item) + ": " + links + " transcript link(s) not carried (--no-transcripts-fetch)");
            return false;
        }
        FeedMapping.TranscriptLinks transcripts = FeedMapping.transcripts(item);
        List<String> failed = new ArrayList<>();
        String path = Episodes.transcriptPath(episode.path("id").asText());
        for (FeedMapping.TranscriptLink link : transcripts.usable()) {
            byte[] file;
            try {
                file = fetcher.bytes(new URI(link.url()), (int) Transcripts.MAX_BYTES, "the transcript");
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                failed.add("the transcript " + link.url() + ": not a URL");
                continue;
            } catch (Exit.Failure e) {
                if (e.code() == Exit.INTERRUPTED) {
                    throw e;
                }
                failed.add(e.getMessage());
                continue;
            }
            try {
                JsonNode answer = api.putFile(path + (link.language() == null ? "" : "?language=" + Api.encode(link.language())), file,
                        link.contentType()).body();
                answer.path("warnings").forEach(w -> notes.add(label(item) + ": transcript " + link.url() + ": " + w.asText()));
                if (!failed.isEmpty()) {
                    notes.add(label(item) + ": transcript " + link.url() + " attached, after " + String.join("; ", failed));
                }
                return true;
            } catch (Api.ApiError e) {
                if (e.status() != 400) {
                    throw e;
                }
                failed.add("the transcript " + link.url() + ": " + e.getMessage());
            }
        }
        failed.addAll(transcripts.unusable());
        notes.add(label(item) + ": " + links + " transcript link(s) not carried: " + String.join("; ", failed));
        return false;
    }

    private static String label(ImportedItem item) {
        return "item " + item.index() + " (guid " + item.guid() + ")";
    }

    private static List<ImportedChapter> fetchChapters(Fetcher fetcher, ImportedItem item, List<String> notes) {
        URI url;
        try {
            url = new URI(item.chaptersUrl());
        } catch (java.net.URISyntaxException e) {
            notes.add(label(item) + ": podcast:chapters URL is malformed: no chapters");
            return List.of();
        }
        try {
            ChaptersJson.Result result = ChaptersJson.read(fetcher.bytes(url, ChaptersJson.MAX_BYTES, "the chapters file"), url);
            result.problems().forEach(p -> notes.add(label(item) + ": chapters: " + p));
            return result.chapters();
        } catch (Exit.Failure | FeedImportException e) {
            notes.add(label(item) + ": no chapters: " + e.getMessage());
            return List.of();
        }
    }

    /** PUTs the settings; a field the API refuses keeps the show's value (said so), and the rest is sent again. */
    private static JsonNode putSettings(Api api, Api.Response current, ObjectNode next, List<String> changed, List<String> notes) {
        JsonNode before = current == null ? null : current.body();
        for (int attempt = 0; ; attempt++) {
            try {
                return api.put(Episodes.ADMIN + "/show", next, current == null ? Map.of() : Map.of("If-Match", current.etag())).body();
            } catch (Api.ApiError e) {
                String field = e.field;
                if (e.status() != 400 || field == null || !next.has(field) || attempt >= 10) {
                    throw new Exit.Failure(e.code(), e.getMessage() + ". Nothing was imported.");
                }
                notes.add("channel: the feed's " + field + " was refused (" + e.getMessage() + "): the show keeps its own");
                changed.remove(field);
                if (before != null && before.has(field)) {
                    next.set(field, before.get(field));
                } else {
                    next.remove(field);
                }
                if (FeedMapping.changed(before, next).isEmpty()) {
                    return before;
                }
            }
        }
    }

    /** The feed's problems, then the run's notes, for --json (an empty array when there are none). */
    private static ArrayNode problemsJson(List<ImportProblem> problems, List<String> notes) {
        ArrayNode all = Api.JSON.createArrayNode();
        problems.forEach(p -> all.add(p.toString()));
        notes.forEach(all::add);
        return all;
    }

    private static void printProblems(Env env, List<ImportProblem> problems, List<String> notes) {
        if (problems.isEmpty() && notes.isEmpty()) {
            return;
        }
        env.err().println("problems (" + (problems.size() + notes.size()) + "):");
        problems.forEach(p -> env.err().println("  " + p));
        notes.forEach(n -> env.err().println("  " + n));
    }

    private static void nextSteps(Env env, String castlineFeed) {
        String feed = castlineFeed == null ? "your Castline feed URL" : castlineFeed;
        env.out().println();
        env.out().println("Next steps:");
        env.out().println("  1. Check the episodes: castline episodes --status published, and " + feed);
        env.out().println("  2. At the old host, redirect the old feed URL to " + feed + " with a 301 (permanent) redirect.");
        env.out().println("  3. If the old host cannot redirect, add <itunes:new-feed-url>" + feed + "</itunes:new-feed-url> to the old");
        env.out().println("     feed's channel, and keep the old feed up until the apps have moved (a few weeks).");
        env.out().println("  4. Keep the guids: Castline kept each item's guid. Never change them, or apps download every episode again.");
    }
}
