package dev.castline.http;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Optimistic locking over HTTP: an episode's ETag is its version ({@code "3"}), and a write names
 * the version it was based on in {@code If-Match}. A stale one is a 412 (the service's version
 * conflict); a write that must name one and does not is a 428.
 */
public final class Preconditions {
    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version {@code If-Match} names; 428 when the header is missing. */
    public static OptionalLong requiredIfMatch(ApiRequest request, String what) {
        String tag = request.header("if-match").orElseThrow(() -> new ApiException(428, "precondition_required",
                "Send If-Match with the ETag of the " + what + " as you last read it.", "If-Match"));
        return OptionalLong.of(version(tag, what));
    }

    /** The version {@code If-Match} names, if the request sent one. */
    public static OptionalLong optionalIfMatch(ApiRequest request, String what) {
        Optional<String> tag = request.header("if-match");
        return tag.isPresent() ? OptionalLong.of(version(tag.get(), what)) : OptionalLong.empty();
    }

    private static long version(String tag, String what) {
        String v = tag.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.badRequest("If-Match", "If-Match must be the " + what + "'s ETag, e.g. \"3\"");
        }
        return Long.parseLong(v);
    }
}
