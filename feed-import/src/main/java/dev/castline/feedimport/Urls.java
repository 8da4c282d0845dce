package dev.castline.feedimport;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a URL as a feed writes it into an absolute http(s) URL, or null. Relative URLs
 * ({@code /media/1.mp3}, {@code 1.mp3}) resolve against the base; protocol-relative ones
 * ({@code //cdn.example/1.mp3}) take the base's scheme, or https without a base. Characters a URI
 * cannot hold (spaces, non-ASCII) are percent-encoded; existing escapes are kept. Anything that is
 * not http(s) afterwards ({@code javascript:}, {@code data:}, {@code file:}) gives null.
 */
final class Urls {
    private Urls() {
    }

    static String resolve(String raw, URI base) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(encodeIllegal(s));
            if (!uri.isAbsolute()) {
                if (base == null) {
                    if (s.startsWith("//")) {
                        uri = new URI("https:" + uri);
                    } else {
                        return null;
                    }
                } else {
                    uri = base.resolve(uri);
                }
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
                return null;
            }
            return uri.toASCIIString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A base usable for {@link #resolve}: absolute http(s), else null. */
    static URI base(String url) {
        String resolved = resolve(url, null);
        return resolved == null ? null : URI.create(resolved);
    }

    /** Percent-encodes what java.net.URI refuses, leaving valid escapes and reserved characters alone. */
    private static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = c > 0x20 && c < 0x7f && "\"<>\\^`{|}[]".indexOf(c) < 0;
            if (c == '%') {
                keep = true;
            }
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        // a lone % not followed by two hex digits is a literal percent sign
        return out.toString().replaceAll("%(?![0-9A-Fa-f]{2})", "%25");
    }
}
