package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the API's episode what the file says, doing only what differs: the episode is found by
 * its slug, created if missing, patched only in the fields that changed, its audio uploaded only
 * when the file's content differs from the audio it has, then published or scheduled if asked and
 * not already so. A second push of the same file sends nothing but reads.
 */
final class Push {
    /** When to publish: not at all, now, or at a time. */
    record Release(boolean now, Instant at) {
        static final Release NONE = new Release(false, null);

        boolean wanted() {
            return now || at != null;
        }
    }

    /** What a push did (or, in a dry run, would do). */
    record Result(String slug, String id, boolean dryRun, boolean created, List<String> changed, boolean audioUploaded,
                  String audioReason, String release, String status, List<String> warnings, String transcriptReason) {
        boolean changedAnything() {
            return created || !changed.isEmpty() || audioUploaded || release != null || transcriptReason != null;
        }
    }

    private final Api api;
    private final Env env;
    private final Uploader uploader;
    private final Duration processingTimeout;

    Push(Api api, Env env, Uploader uploader, Duration processingTimeout) {
        this.api = api;
        this.env = env;
        this.uploader = uploader;
        this.processingTimeout = processingTimeout;
    }

    Result push(EpisodeDoc doc, Path audio, Release release, boolean dryRun) {
        List<String> warnings = new ArrayList<>(doc.warnings());
        Optional<Api.Response> found = Episodes.bySlug(api, doc.slug());
        boolean created = false;
        List<String> changed = new ArrayList<>();
        JsonNode episode = found.map(Api.Response::body).orElse(null);
        String etag = found.map(Api.Response::etag).orElse(null);
        if (episode == null) {
            created = true;
            changed.addAll(Episodes.fields(doc).keySet());
            if (!dryRun) {
                Api.Response made = api.post(Episodes.ADMIN + "/episodes", createBody(doc), Map.of());
                episode = made.body();
                etag = made.etag();
            }
        } else {
            Map<String, JsonNode> changes = Episodes.changes(doc, Episodes.docOf(episode));
            changed.addAll(changes.keySet());
            if (!changes.isEmpty() && !dryRun) {
                Api.Response patched = api.patch(Episodes.path(episode.path("id").asText()), Episodes.body(changes), etag);
                episode = patched.body();
                etag = patched.etag();
            }
        }
        String id = episode == null ? null : episode.path("id").asText();

        boolean uploaded = false;
        String audioReason = null;
        if (audio != null) {
            audioReason = episode == null ? "new episode" : audioChange(episode, audio);
            if (audioReason != null && !dryRun) {
                Uploader.Sent sent = uploader.upload(id, audio);
                episode = awaitProcessing(id, sent.key());
                uploaded = true;
            }
        }
        if (episode != null && episode.has("audio")) {
            check(doc, episode.get("audio"), warnings);
        }

        // The transcript is sent only when the file differs from the one the episode has (by its SHA-256).
        String transcriptReason = null;
        if (doc.transcript() != null) {
            Transcripts.Upload transcript = Transcripts.read(doc.transcript());
            String current = episode == null ? null : episode.path("transcript").path("sha256").asText(null);
            if (!Transcripts.sha256(transcript.bytes()).equals(current)) {
                transcriptReason = current == null ? "new transcript" : "the file changed";
                if (!dryRun) {
                    api.putFile(Episodes.transcriptPath(id), transcript.bytes(), transcript.contentType());
                    episode = api.get(Episodes.path(id)).body();
                }
            }
        }

        String releaseDone = null;
        if (release.wanted()) {
            String status = episode == null ? "draft" : episode.path("status").asText();
            Instant current = episode == null || !episode.hasNonNull("publishAt") ? null : Instant.parse(episode.get("publishAt").asText());
            boolean needed = release.now() ? !status.equals("published")
                    : status.equals("draft") || !release.at().equals(current);
            if (needed) {
                releaseDone = release.now() ? "publish now" : "schedule for " + release.at();
                if (!dryRun) {
                    if (episode != null && !episode.has("audio")) {
                        throw new Exit.Failure(Exit.CONFLICT, doc.slug() + ": cannot publish an episode without audio: push it with --audio FILE");
                    }
                    ObjectNode body = api.object();
                    if (release.at() != null) {
                        body.put("at", release.at().toString());
                    }
                    // The version as last read (processing the audio made a new one).
                    episode = api.post(Episodes.path(id) + "/publish", body,
                            Map.of("If-Match", "\"" + episode.path("version").asLong() + "\"")).body();
                }
            }
        }
        String status = episode == null ? "new" : episode.path("status").asText();
        return new Result(doc.slug(), id, dryRun, created, changed, uploaded || dryRun && audioReason != null, audioReason, releaseDone,
                status, warnings, transcriptReason);
    }

    private static ObjectNode createBody(EpisodeDoc doc) {
        ObjectNode body = Api.JSON.createObjectNode();
        Episodes.fields(doc).forEach((name, value) -> {
            if (!value.isNull()) {
                body.set(name, value);
            }
        });
        return body;
    }

    /** Why the file must be uploaded, or null when the episode's audio is this file already. */
    String audioChange(JsonNode episode, Path audio) {
        long bytes = Uploader.size(audio);
        JsonNode current = episode.get("audio");
        if (current == null) {
            JsonNode upload = episode.get("upload");
            return upload != null && "pending".equals(upload.path("state").asText()) && upload.path("bytes").asLong() == bytes
                    ? "resume the upload" : "no audio yet";
        }
        if (current.path("bytes").asLong() != bytes) {
            return "the file's size differs";
        }
        Optional<String> stored = etagOf(current.path("url").asText());
        if (stored.isEmpty()) {
            return "the stored audio's checksum cannot be read";
        }
        return stored.get().equalsIgnoreCase(uploader.expectedEtag(audio)) ? null : "the file's content differs";
    }

    private Optional<String> etagOf(String url) {
        HttpRequest head = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<Void> response = api.send(head, HttpResponse.BodyHandlers.discarding(), true);
        return response.statusCode() == 200 ? response.headers().firstValue("etag").map(Uploader::unquote) : Optional.empty();
    }

    /** Waits until the processor made the upload the episode's audio, or refused it. */
    JsonNode awaitProcessing(String id, String key) {
        env.err().println("waiting for the audio to be processed...");
        Instant deadline = env.clock().instant().plus(processingTimeout);
        long pause = 200;
        while (true) {
            JsonNode episode = api.get(Episodes.path(id)).body();
            if (episode.has("audio") && episode.get("audio").path("key").asText().equals(key)) {
                return episode;
            }
            JsonNode upload = episode.get("upload");
            if (upload != null && upload.path("key").asText().equals(key) && "rejected".equals(upload.path("state").asText())) {
                throw new Exit.Failure(Exit.USAGE, "the audio was refused: " + upload.path("reason").asText("no reason given"));
            }
            if (upload == null || !upload.path("key").asText().equals(key)) {
                if (!episode.has("audio") || !episode.get("audio").path("key").asText().equals(key)) {
                    throw new Exit.Failure(Exit.CONFLICT, "another upload replaced this one while it was processed");
                }
            }
            if (env.clock().instant().isAfter(deadline)) {
                throw new Exit.Failure(Exit.SERVER, "the audio was not processed within " + processingTimeout.toSeconds()
                        + " s; check later with castline episodes");
            }
            try {
                env.sleeper().sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Exit.Failure(Exit.INTERRUPTED, "interrupted while waiting for processing");
            }
            pause = Math.min(500, pause * 2);
        }
    }

    /** The front matter's mp3_bytes and mp3_duration, held to the processed audio. */
    static void check(EpisodeDoc doc, JsonNode audio, List<String> warnings) {
        long bytes = audio.path("bytes").asLong();
        long millis = audio.path("durationSeconds").decimalValue().movePointRight(3).longValue();
        if (doc.mp3Bytes() != null && doc.mp3Bytes() != bytes) {
            warnings.add("mp3_bytes says " + doc.mp3Bytes() + ", but the audio has " + bytes + " bytes");
        }
        if (doc.mp3Millis() != null && Math.abs(doc.mp3Millis() - millis) >= 1000) {
            warnings.add("mp3_duration says " + EpisodeWriter.time(doc.mp3Millis(), false) + ", but the audio lasts "
                    + EpisodeWriter.time(millis / 1000 * 1000, false));
        }
    }
}
