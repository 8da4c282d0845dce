package dev.castline.local;

import dev.castline.domain.MediaKey;
import dev.castline.http.HttpDates;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code /media/{key}}: audio and artwork from the bucket, read through the S3 API, standing in for CloudFront. Podcast apps and
 * Apple's checks probe with {@code HEAD} and {@code Range: bytes=0-1}, and players seek with
 * ranges, so single byte ranges are answered with 206 (RFC 9110 §14); a range beyond the end is
 * 416. Several ranges in one request are answered with the whole object, which RFC 9110 allows.
 */
final class MediaServer {
    static final String PREFIX = "/media/";
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final S3Client s3;
    private final String bucket;
    private final MediaAccessLog log;

    MediaServer(S3Client s3, String bucket, MediaAccessLog log) {
        this.s3 = s3;
        this.bucket = bucket;
        this.log = log;
    }

    /**
     * The listener's address as CloudFront would log it: the connection's, or, from this machine
     * (the stack listens on loopback), the first {@code X-Forwarded-For} address, so tests and
     * tools can speak for several listeners.
     */
    private static String clientIp(HttpExchange exchange) {
        String direct = exchange.getRemoteAddress().getAddress().getHostAddress();
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null && exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            String first = forwarded.split(",", 2)[0].strip();
            if (first.matches("[0-9a-fA-F.:]{2,45}")) {
                return first;
            }
        }
        return direct;
    }

    private void record(HttpExchange exchange, String path, int status, long bytesSent, String contentType, long contentLength,
                        Long first, Long last) {
        log.record(java.time.Instant.now(), clientIp(exchange), exchange.getRequestMethod(), path, status, bytesSent,
                exchange.getRequestHeaders().getFirst("User-Agent"), contentType, contentLength, first, last);
    }

    void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            sendEmpty(exchange, 405);
            return;
        }
        // Only a media key as Castline makes them is served (an upload's, or an artwork's
        // rendition): no dot segments, no encoded slashes or backslashes, nothing outside the
        // media prefixes; everything else is simply not there.
        String raw = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        Optional<String> key = raw.contains("%") ? Optional.empty()
                : MediaKey.parse(raw).map(MediaKey::value).or(() -> MediaKey.parseRendition(raw).map(MediaKey.Rendition::value));
        HeadObjectResponse meta = key.isEmpty() ? null : head(key.get());
        String path = "/" + raw;
        if (meta == null) {
            record(exchange, path, 404, 0, null, 0, null, null);
            sendText(exchange, 404, "Not Found");
            return;
        }
        long size = meta.contentLength();
        var headers = exchange.getResponseHeaders();
        headers.set("Accept-Ranges", "bytes");
        headers.set("Content-Type", meta.contentType() == null ? "application/octet-stream" : meta.contentType());
        if (meta.eTag() != null) {
            headers.set("ETag", meta.eTag().startsWith("\"") ? meta.eTag() : "\"" + meta.eTag() + "\"");
        }
        if (meta.lastModified() != null) {
            headers.set("Last-Modified", HttpDates.format(meta.lastModified()));
        }
        // A media key never gets new bytes (every upload has a new key), so it may be cached for ever.
        headers.set("Cache-Control", MediaKey.CACHE_CONTROL);

        long first = 0;
        long last = size - 1;
        int status = 200;
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : SINGLE_RANGE.matcher(range.strip());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            if (m.group(1).isEmpty()) {
                long suffix = parse(m.group(2));
                first = Math.max(0, size - suffix);
                if (suffix == 0) {
                    first = size;
                }
            } else {
                first = parse(m.group(1));
                last = m.group(2).isEmpty() ? size - 1 : Math.min(parse(m.group(2)), size - 1);
            }
            if (first >= size || first > last) {
                headers.set("Content-Range", "bytes */" + size);
                record(exchange, path, 416, 0, meta.contentType(), 0, null, null);
                sendEmpty(exchange, 416);
                return;
            }
            status = 206;
            headers.set("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        long length = size == 0 ? 0 : last - first + 1;
        record(exchange, path, status, method.equals("HEAD") ? 0 : length, meta.contentType(), length,
                status == 206 ? first : null, status == 206 ? last : null);
        if (method.equals("HEAD")) {
            headers.set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        if (length == 0) {
            sendEmpty(exchange, status);
            return;
        }
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(bucket).key(key.get());
        if (status == 206) {
            get.range("bytes=" + first + "-" + last);
        }
        exchange.sendResponseHeaders(status, length);
        try (InputStream in = s3.getObject(get.build())) {
            copy(in, exchange.getResponseBody());
        }
    }

    /**
     * Sends the object. A listener that hangs up ends it quietly: players abandon downloads all the
     * time (a browser's {@code <audio>} seeking drops its open request for a new range), which is
     * not a failure. A failure to read the object is thrown.
     */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException hungUp) {
                    return;
                }
            }
        } finally {
            try {
                out.close();
            } catch (IOException hungUp) {
                // The listener left before the last bytes: the exchange is closed all the same.
            }
        }
    }

    private HeadObjectResponse head(String key) {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static long parse(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
