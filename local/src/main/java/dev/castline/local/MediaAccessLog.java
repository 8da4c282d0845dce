package dev.castline.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * What the media distribution's standard access log would say about the local stack's
 * {@code /media} requests: the same W3C format, tab-separated, with CloudFront's {@code #Fields}
 * and a URL-encoded User-Agent, so the stack's download counting reads exactly what it reads on
 * AWS. Lines gather in memory until delivered as one gzipped log file.
 */
final class MediaAccessLog {
    static final String FIELDS = "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) "
            + "cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken "
            + "x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields "
            + "c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private StringBuilder lines = new StringBuilder();
    private int count;

    /** One request: what was asked and what was sent ({@code first}/{@code last} for a 206, else null). */
    synchronized void record(Instant at, String clientIp, String method, String path, int status, long bytesSent, String userAgent,
                             String contentType, long contentLength, Long first, Long last) {
        lines.append(String.join("\t", DATE.format(at), TIME.format(at), "LOCAL", Long.toString(bytesSent), clientIp, method, "localhost",
                path, Integer.toString(status), "-", encode(userAgent), "-", "-", "Miss", "local", "localhost", "http", "0", "0.001", "-",
                "-", "-", "Miss", "HTTP/1.1", "-", "-", "0", "0.001", "Miss", contentType == null ? "-" : contentType,
                Long.toString(contentLength), first == null ? "-" : first.toString(), last == null ? "-" : last.toString())).append('\n');
        count++;
    }

    /** The lines gathered since the last call, as a gzipped log file; empty when there are none. */
    synchronized Optional<byte[]> drain() {
        if (count == 0) {
            return Optional.empty();
        }
        String text = "#Version: 1.0\n" + FIELDS + "\n" + lines;
        lines = new StringBuilder();
        count = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toByteArray());
    }

    /** As CloudFront writes it: percent-encoded, spaces as {@code %20}. */
    private static String encode(String userAgent) {
        return userAgent == null || userAgent.isBlank() ? "-" : URLEncoder.encode(userAgent, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
