package dev.castline.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses the functions' answers the way the site's CloudFront distribution does (template.yaml:
 * {@code Compress: true} on every cache behaviour but {@code /api/v1/admin/*}), so that what a
 * browser receives from the local stack weighs what it weighs on AWS: gzip when the request accepts
 * it, for text types, from 1,000 to 10,000,000 bytes, unless the function already encoded it; the
 * answer then varies on {@code Accept-Encoding} and a strong ETag becomes weak, as CloudFront makes
 * it (the functions compare {@code If-None-Match} weakly, so revalidation still answers 304).
 * Brotli, which CloudFront also offers, would need a library; gzip is what the JDK has.
 */
final class CdnCompression {
    static final int MIN_BYTES = 1_000;
    static final int MAX_BYTES = 10_000_000;
    /** The behaviour CloudFront serves uncompressed: the host's API. */
    static final String UNCOMPRESSED_PREFIX = "/api/v1/admin/";
    private static final Pattern GZIP = Pattern.compile("(^|,)\\s*gzip\\s*(;\\s*q\\s*=\\s*(?!0(\\.0*)?\\s*(,|$))[0-9.]+)?\\s*(,|$)");

    private CdnCompression() {
    }

    record Encoded(Map<String, String> headers, byte[] body) {
    }

    /** The answer as CloudFront would send it to a request to this path with this Accept-Encoding. */
    static Encoded apply(String rawPath, String acceptEncoding, int status, Map<String, String> headers, byte[] body) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(headers);
        if (status == 304 && !rawPath.startsWith(UNCOMPRESSED_PREFIX)) {
            // The 304 confirms a copy that came compressed: it names the same (weak) tag and varies alike.
            out.merge("vary", "Accept-Encoding", CdnCompression::mergeVary);
            if (accepts(acceptEncoding)) {
                weaken(out);
            }
            return new Encoded(out, body);
        }
        if (rawPath.startsWith(UNCOMPRESSED_PREFIX) || body.length < MIN_BYTES
                || body.length > MAX_BYTES || out.containsKey("content-encoding") || !compressible(out.get("content-type"))) {
            return new Encoded(out, body);
        }
        out.merge("vary", "Accept-Encoding", CdnCompression::mergeVary);
        if (!accepts(acceptEncoding)) {
            return new Encoded(out, body);
        }
        weaken(out);
        out.put("content-encoding", "gzip");
        return new Encoded(out, gzip(body));
    }

    private static boolean accepts(String acceptEncoding) {
        return acceptEncoding != null && GZIP.matcher(acceptEncoding.toLowerCase(Locale.ROOT)).find();
    }

    private static String mergeVary(String present, String added) {
        return present.toLowerCase(Locale.ROOT).contains("accept-encoding") ? present : present + ", " + added;
    }

    private static void weaken(Map<String, String> headers) {
        String etag = headers.get("etag");
        if (etag != null && !etag.startsWith("W/")) {
            headers.put("etag", "W/" + etag);
        }
    }

    /** The types CloudFront compresses, as far as Castline answers them (text, JSON, XML, JavaScript, SVG). */
    static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json") || type.equals("application/xml")
                || type.endsWith("+xml") || type.equals("application/javascript"); // +xml: SVG too
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
