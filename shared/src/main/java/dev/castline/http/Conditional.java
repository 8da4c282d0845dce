package dev.castline.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Validators for public GETs. The ETag is a digest of the exact body sent, so it changes exactly
 * when the representation does; {@code If-None-Match} is compared weakly (RFC 9110 §13.1.2).
 */
public final class Conditional {
    private Conditional() {
    }

    public static String etagOf(byte[] body) {
        return "\"" + opaqueOf(body) + "\"";
    }

    /** The inside of an ETag: 22 characters of the SHA-256 of {@code material}, URL-safe Base64. */
    public static String opaqueOf(byte[] material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * True when the client's cached copy, named in {@code If-None-Match}, is still current: when it
     * names any of {@code etags}, the tags this content goes by (a resource served in several
     * encodings has one per encoding).
     */
    public static boolean notModified(Optional<String> ifNoneMatch, String... etags) {
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        for (String candidate : ifNoneMatch.get().split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return true;
            }
            for (String etag : etags) {
                if (stripWeak(c).equals(stripWeak(etag))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
