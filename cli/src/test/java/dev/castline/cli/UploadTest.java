package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.local.CastlineLocal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uploads worth trusting, against the local stack's S3Proxy: a body changed after signing is
 * refused by the store; a file over the threshold goes in parts, in parallel; an upload killed
 * midway is completed by running the command again without sending finished parts again; and
 * progress off a terminal is plain lines.
 */
@ExtendWith(LocalStack.class)
class UploadTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final LocalStack.Running running;

    UploadTest(LocalStack.Running running) {
        this.running = running;
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.stack().baseUrl() + path))
                .header("Authorization", "Bearer " + running.stack().adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String draft(String title) throws Exception {
        HttpResponse<String> created = admin("POST", "/api/v1/admin/episodes", "{\"title\":\"" + title + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.JSON.readTree(created.body()).path("id").asText();
    }

    private static String md5(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private static HttpResponse<String> put(JsonNode signed, String urlField, byte[] body) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(signed.path(urlField).asText())).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> objectsUnder(String id) {
        return running.stack().s3().listObjectsV2(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).prefix("audio/" + id + "/")).contents()
                .stream().map(o -> o.key()).toList();
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedByTheStore() throws Exception {
        byte[] audio;
        try (var in = getClass().getResourceAsStream("/audio/cbr.mp3")) {
            audio = in.readAllBytes();
        }
        String id = draft("Corrupted on the way");
        HttpResponse<String> signed = admin("POST", "/api/v1/admin/episodes/" + id + "/audio",
                "{\"contentType\":\"audio/mpeg\",\"bytes\":" + audio.length + ",\"contentMd5\":\"" + md5(audio) + "\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        JsonNode upload = Api.JSON.readTree(signed.body());
        assertThat(upload.path("headers").has("content-md5")).as("the checksum is signed in: %s", upload.path("headers")).isTrue();

        byte[] corrupted = audio.clone();
        corrupted[5000] ^= 0x01;
        HttpResponse<String> refused = put(upload, "uploadUrl", corrupted);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("BadDigest");
        assertThat(objectsUnder(id)).isEmpty();
        HttpResponse<String> accepted = put(upload, "uploadUrl", audio);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void aPartChangedAfterSigningIsRefusedByTheStore() throws Exception {
        String id = draft("Corrupted part");
        HttpResponse<String> started = admin("POST", "/api/v1/admin/episodes/" + id + "/audio/multipart",
                "{\"contentType\":\"audio/mpeg\",\"bytes\":" + (6 * 1024 * 1024) + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String uploadId = Api.JSON.readTree(started.body()).path("uploadId").asText();
        byte[] part = new byte[1024];
        part[0] = 7;
        HttpResponse<String> signed = admin("POST", "/api/v1/admin/episodes/" + id + "/audio/multipart/" + uploadId + "/parts",
                "{\"partNumber\":1,\"bytes\":1024,\"contentMd5\":\"" + md5(part) + "\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);

        byte[] corrupted = part.clone();
        corrupted[100] = 1;
        HttpResponse<String> refused = put(Api.JSON.readTree(signed.body()), "url", corrupted);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        HttpResponse<String> parts = admin("GET", "/api/v1/admin/episodes/" + id + "/audio/multipart/" + uploadId, null);
        assertThat(Api.JSON.readTree(parts.body()).path("parts")).isEmpty();
        assertThat(admin("DELETE", "/api/v1/admin/episodes/" + id + "/audio/multipart/" + uploadId, null).statusCode()).isEqualTo(204);
    }

    @Test
    void aFileOverTheThresholdGoesInPartsSentInParallel() throws Exception {
        Cli cli = Cli.on(running);
        Path file = cli.workingDir().resolve("long.mp3");
        long size = SilentMp3.write(file, 16L * 1024 * 1024);
        cli.ok("push", newEpisode(cli, "multipart-parallel").toString());

        Cli.Run upload = cli.ok("upload", "multipart-parallel", "long.mp3", "--multipart-threshold", "6MiB", "--part-size", "5MiB",
                "--parallel", "3", "--limit-rate", "10MiB", "--json");

        JsonNode episode = Api.JSON.readTree(upload.out());
        assertThat(episode.path("audio").path("bytes").asLong()).isEqualTo(size);
        assertThat(episode.path("audio").path("durationSeconds").asDouble()).isGreaterThan(4 * 3600);
        List<Cli.Request> parts = upload.requests("PUT");
        assertThat(parts).hasSize(4).allMatch(r -> r.uri().getQuery().contains("partNumber="));
        assertThat(upload.mostAtOnce()).as("parts in flight at once").isGreaterThanOrEqualTo(2);
        assertThat(upload.requests("POST")).anyMatch(r -> r.uri().getPath().endsWith("/complete"));

        // The same file again: nothing to send.
        Cli.Run again = cli.ok("push", "multipart-parallel.md", "--audio", "long.mp3", "--multipart-threshold", "6MiB", "--part-size", "5MiB");
        assertThat(again.out()).contains("up to date");
        assertThat(again.requests("PUT")).isEmpty();
    }

    @Test
    void anUploadKilledMidwayIsCompletedByRunningItAgainWithoutResendingFinishedParts() throws Exception {
        Cli cli = Cli.on(running);
        Path file = cli.workingDir().resolve("resumed.mp3");
        long size = SilentMp3.write(file, 26L * 1024 * 1024);
        cli.ok("push", newEpisode(cli, "multipart-resumed").toString());
        String[] args = {"upload", "multipart-resumed", file.toString(), "--multipart-threshold", "6MiB", "--part-size", "5MiB",
            "--parallel", "1"};

        // A separate process, killed (SIGKILL) once it has stored at least two parts.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Castline.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--limit-rate", "4MiB"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(cli.workingDir().resolve("killed.log").toFile());
        builder.environment().put("CASTLINE_API", running.stack().baseUrl().toString());
        builder.environment().put("CASTLINE_TOKEN", running.stack().adminToken());
        builder.environment().put("HOME", cli.workingDir().toString());
        Process process = builder.start();
        String id = awaitPartsStored("multipart-resumed", 2, process);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int stored = storedParts(id);
        assertThat(stored).as(Files.readString(cli.workingDir().resolve("killed.log"))).isBetween(2, 5);

        Cli.Run resumed = cli.ok(args);

        assertThat(resumed.err()).contains("resuming: " + stored + " of 6 parts already uploaded");
        assertThat(resumed.requests("PUT")).as("only the parts not stored").hasSize(6 - stored);
        HttpResponse<String> after = admin("GET", "/api/v1/admin/slugs/multipart-resumed", null);
        assertThat(Api.JSON.readTree(after.body()).path("audio").path("bytes").asLong()).isEqualTo(size);
        String key = Api.JSON.readTree(after.body()).path("audio").path("key").asText();
        byte[] head = running.stack().s3().getObjectAsBytes(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(key).range("bytes=0-35")).asByteArray();
        byte[] first = new byte[36];
        try (var in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(first, 0, 36)).isEqualTo(36);
        }
        assertThat(head).containsExactly(first);
    }

    @Test
    void progressOffATerminalIsPlainLinesAndOnATerminalOneRedrawnBar() throws Exception {
        Cli cli = Cli.on(running);
        Path file = cli.workingDir().resolve("progress.mp3");
        SilentMp3.write(file, 6L * 1024 * 1024 + 36);
        cli.ok("push", newEpisode(cli, "progress-lines").toString());

        Cli.Run plain = cli.ok("upload", "progress-lines", "progress.mp3", "--limit-rate", "8MiB");

        List<String> lines = plain.err().lines().filter(l -> l.startsWith("upload:")).toList();
        assertThat(plain.err()).doesNotContain("\r");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4).last().asString().startsWith("upload: 100% (6.0 MiB of 6.0 MiB, ");
        assertThat(lines).allMatch(l -> l.matches("upload: \\d{1,3}% \\([0-9.]+ (B|KiB|MiB) of 6\\.0 MiB, [0-9.]+ (B|KiB|MiB)/s\\)"));

        Cli.Run bar = cli.terminal(true).ok("upload", "progress-lines", "progress.mp3", "--limit-rate", "8MiB");
        assertThat(bar.err()).contains("\rupload [").contains("100%").contains("ETA");
    }

    private Path newEpisode(Cli cli, String slug) throws IOException {
        Path file = cli.workingDir().resolve(slug + ".md");
        Files.writeString(file, "---\ntitle: \"" + slug + "\"\n---\nNotes.\n", StandardCharsets.UTF_8);
        return file;
    }

    private String awaitPartsStored(String slug, int parts, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> episode = admin("GET", "/api/v1/admin/slugs/" + slug, null);
            String id = Api.JSON.readTree(episode.body()).path("id").asText();
            if (storedParts(id) >= parts) {
                return id;
            }
            assertThat(process.isAlive()).as("the upload process is still running").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no " + parts + " parts stored within 60 s");
    }

    private int storedParts(String id) {
        var uploads = running.stack().s3().listMultipartUploads(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).prefix("audio/" + id + "/")).uploads();
        int most = 0;
        for (var upload : uploads) {
            most = Math.max(most, running.stack().s3().listParts(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(upload.key())
                    .uploadId(upload.uploadId())).parts().size());
        }
        return most;
    }
}
