package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends an episode's audio straight to the bucket through signed URLs, with the file's MD5 signed
 * into each (the store refuses a body that does not match it). Small files go in one PUT; files
 * over the threshold as a multipart upload, parts in parallel, a failed part sent again, and an
 * interrupted upload resumed by running the same command again: parts the store already holds
 * with the same MD5 are not sent twice. Files are streamed, never read whole.
 */
final class Uploader {
    static final long DEFAULT_THRESHOLD = 64L * 1024 * 1024;
    static final long MIN_PART = 5L * 1024 * 1024;
    static final long DEFAULT_PART = 16L * 1024 * 1024;
    static final int MAX_PARTS = 10_000;
    static final int PART_ATTEMPTS = 3;
    private static final Set<String> UNSETTABLE = Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** How to send: the multipart threshold, the part size, parts in flight, an optional rate limit. */
    record Options(long threshold, long partSize, int parallel, long bytesPerSecond) {
        static Options defaults() {
            return new Options(DEFAULT_THRESHOLD, DEFAULT_PART, 4, 0);
        }

        long partSizeFor(long bytes) {
            long size = Math.max(MIN_PART, partSize);
            long least = (bytes + MAX_PARTS - 1) / MAX_PARTS;
            return Math.max(size, (least + MIN_PART - 1) / MIN_PART * MIN_PART);
        }

        boolean multipart(long bytes) {
            return bytes > threshold;
        }
    }

    /** What was sent: the key the audio now waits under, and how many bytes went over the wire. */
    record Sent(String key, long bytesSent, int partsSent, int partsReused) {
    }

    private final Api api;
    private final Env env;
    private final Options options;
    private volatile boolean cancelled;

    Uploader(Api api, Env env, Options options) {
        this.api = api;
        this.env = env;
        this.options = options;
    }

    /** Stops the upload in flight: the request fails, and parts already stored stay for a resume. */
    void cancel() {
        cancelled = true;
    }

    /**
     * The file name extension the tool gives audio of this type (a download to upload), the other
     * way round from {@link #contentType}; null for a type it cannot upload.
     */
    static String extensionOf(String contentType) {
        return switch (contentType) {
            case "audio/mpeg", "audio/mp3" -> ".mp3";
            case "audio/x-m4a", "audio/mp4", "audio/m4a", "audio/aac" -> ".m4a";
            default -> null;
        };
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        if (name.endsWith(".m4a") || name.endsWith(".mp4") || name.endsWith(".aac")) {
            return "audio/x-m4a";
        }
        throw Exit.usage(file + ": only .mp3 and .m4a audio can be uploaded");
    }

    static long size(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw Exit.usage(file + ": no such file");
            }
            return Files.size(file);
        } catch (IOException e) {
            throw Exit.usage(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The S3 ETag this file gets when this tool uploads it: its MD5, or for a multipart upload the MD5 of the parts' MD5s and "-N". */
    String expectedEtag(Path file) {
        long bytes = size(file);
        if (!options.multipart(bytes)) {
            return HexFormat.of().formatHex(new FileRegion(file, 0, bytes).md5());
        }
        List<FileRegion> parts = parts(file, bytes);
        MessageDigest all = md5();
        for (FileRegion part : parts) {
            all.update(part.md5());
        }
        return HexFormat.of().formatHex(all.digest()) + "-" + parts.size();
    }

    Sent upload(String episodeId, Path file) {
        long bytes = size(file);
        String type = contentType(file);
        return options.multipart(bytes) ? multipart(episodeId, file, bytes, type) : single(episodeId, file, bytes, type);
    }

    private Sent single(String episodeId, Path file, long bytes, String type) {
        FileRegion whole = new FileRegion(file, 0, bytes);
        String md5 = Base64.getEncoder().encodeToString(whole.md5());
        ObjectNode request = api.object().put("contentType", type).put("bytes", bytes).put("fileName", file.getFileName().toString())
                .put("contentMd5", md5);
        JsonNode signed = api.post(Episodes.path(episodeId) + "/audio", request, Map.of()).body();
        Progress progress = new Progress(env.err(), env.terminal(), env.clock(), "upload", bytes, 0);
        put(URI.create(signed.path("uploadUrl").asText()), signed.path("headers"), whole, progress);
        progress.finish();
        return new Sent(signed.path("key").asText(), bytes, 1, 0);
    }

    private Sent multipart(String episodeId, Path file, long bytes, String type) {
        long partSize = options.partSizeFor(bytes);
        String base = Episodes.path(episodeId) + "/audio/multipart";
        ObjectNode start = api.object().put("contentType", type).put("bytes", bytes).put("fileName", file.getFileName().toString())
                .put("partSize", partSize);
        JsonNode upload = api.post(base, start, Map.of()).body();
        String uploadId = upload.path("uploadId").asText();
        String path = base + "/" + Api.encode(uploadId);
        Map<Integer, JsonNode> stored = new TreeMap<>();
        for (JsonNode part : api.get(path).body().path("parts")) {
            stored.put(part.path("partNumber").asInt(), part);
        }
        List<FileRegion> parts = parts(file, bytes);
        long reusedBytes = 0;
        // Parts already stored are checked by their MD5 before they are trusted.
        String[] etags = new String[parts.size()];
        List<Integer> toSend = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode held = stored.get(i + 1);
            if (held != null && held.path("bytes").asLong() == parts.get(i).length()) {
                String etag = unquote(held.path("etag").asText());
                if (etag.equalsIgnoreCase(HexFormat.of().formatHex(parts.get(i).md5()))) {
                    etags[i] = etag;
                    reusedBytes += parts.get(i).length();
                    continue;
                }
            }
            toSend.add(i);
        }
        if (!stored.isEmpty()) {
            env.err().println("resuming: " + (parts.size() - toSend.size()) + " of " + parts.size() + " parts already uploaded");
        }
        Progress progress = new Progress(env.err(), env.terminal(), env.clock(), "upload", bytes, reusedBytes);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.parallel(), Math.max(1, toSend.size()))));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int index : toSend) {
                running.add(pool.submit(() -> {
                    etags[index] = sendPart(path, index + 1, parts.get(index), progress);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    cancelled = true; // the other parts stop; what is stored stays for a resume
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new Exit.Failure(Exit.SERVER, "upload failed: " + e.getCause());
                } catch (InterruptedException e) {
                    cancelled = true;
                    Thread.currentThread().interrupt();
                    throw new Exit.Failure(Exit.INTERRUPTED, "upload interrupted: run the same command again to resume it");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        ArrayNode list = Api.JSON.createArrayNode();
        for (int i = 0; i < etags.length; i++) {
            list.addObject().put("partNumber", i + 1).put("etag", etags[i]);
        }
        JsonNode completed = api.post(path + "/complete", api.object().set("parts", list), Map.of()).body();
        long sent = 0;
        for (int i : toSend) {
            sent += parts.get(i).length();
        }
        return new Sent(completed.path("key").asText(upload.path("key").asText()), sent, toSend.size(), parts.size() - toSend.size());
    }

    private String sendPart(String uploadPath, int number, FileRegion part, Progress progress) {
        byte[] md5 = part.md5();
        for (int attempt = 1; ; attempt++) {
            if (cancelled) {
                throw new Exit.Failure(Exit.INTERRUPTED, "upload interrupted: run the same command again to resume it");
            }
            long before = 0;
            try {
                ObjectNode ask = api.object().put("partNumber", number).put("bytes", part.length())
                        .put("contentMd5", Base64.getEncoder().encodeToString(md5));
                JsonNode signed = api.post(uploadPath + "/parts", ask, Map.of()).body();
                long[] counted = {0};
                String etag = put(URI.create(signed.path("url").asText()), signed.path("headers"), part,
                        bytes -> {
                            counted[0] += bytes;
                            progress.advance(bytes);
                        }, counted);
                return etag == null ? HexFormat.of().formatHex(md5) : unquote(etag);
            } catch (Exit.Failure e) {
                if (e.code() == Exit.INTERRUPTED || cancelled || attempt >= PART_ATTEMPTS || e.code() == Exit.AUTH || e.code() == Exit.USAGE) {
                    throw e;
                }
                env.err().println("part " + number + " failed (" + e.getMessage() + "); sending it again");
            }
        }
    }

    private String put(URI url, JsonNode headers, FileRegion region, Progress progress) {
        long[] counted = {0};
        return put(url, headers, region, bytes -> {
            counted[0] += bytes;
            progress.advance(bytes);
        }, counted);
    }

    /** One signed PUT; the bytes it counted are taken back from the progress if it has to be sent again. */
    private String put(URI url, JsonNode headers, FileRegion region, java.util.function.LongConsumer sent, long[] counted) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30))
                .PUT(region.publisher(bytes -> sent.accept(bytes), () -> cancelled, options.bytesPerSecond()));
        headers.fields().forEachRemaining(h -> {
            if (!UNSETTABLE.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                request.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> response;
        try {
            response = api.send(request.build(), HttpResponse.BodyHandlers.ofString(), true);
        } catch (Exit.Failure e) {
            if (cancelled) {
                throw new Exit.Failure(Exit.INTERRUPTED, "upload interrupted: run the same command again to resume it");
            }
            throw e;
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            String code = between(body, "<Code>", "</Code>");
            String message = between(body, "<Message>", "</Message>");
            int exit = response.statusCode() >= 500 ? Exit.SERVER : response.statusCode() == 403 ? Exit.AUTH : Exit.USAGE;
            if ("BadDigest".equals(code) || "InvalidDigest".equals(code)) {
                exit = Exit.SERVER; // the bytes changed on the way: sending again may work
            }
            throw new Exit.Failure(exit, "the store refused the upload (" + response.statusCode() + (code == null ? "" : " " + code)
                    + (message == null ? "" : ": " + message) + ")");
        }
        return response.headers().firstValue("etag").orElse(null);
    }

    List<FileRegion> parts(Path file, long bytes) {
        long partSize = options.partSizeFor(bytes);
        List<FileRegion> parts = new ArrayList<>();
        for (long offset = 0; offset < bytes; offset += partSize) {
            parts.add(new FileRegion(file, offset, Math.min(partSize, bytes - offset)));
        }
        return parts;
    }

    private static String between(String text, String open, String close) {
        int from = text.indexOf(open);
        int to = text.indexOf(close);
        return from < 0 || to < from ? null : text.substring(from + open.length(), to);
    }

    static String unquote(String etag) {
        return etag.replace("\"", "");
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
