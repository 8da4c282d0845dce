package dev.castline.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Small checks on text fields, shared by every validator; each throws {@link ValidationException}. */
public final class Text {
    public static final int MAX_URL_LENGTH = 2048;

    private Text() {
    }

    /** Present, not blank, at most {@code maxChars} code points, and a single line. */
    public static String requireLine(String field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return optionalLine(field, value, maxChars);
    }

    public static String optionalLine(String field, String value, int maxChars) {
        if (value == null) {
            return null;
        }
        checkLength(field, value, maxChars);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new ValidationException(field, "must be one line without control characters or line separators");
            }
            if (isBidiControl(c)) {
                // An override or isolate can make a title read differently from what it is (and
                // spill into the text around it wherever it is shown).
                throw new ValidationException(field, "must not contain bidirectional override or isolate characters (U+202A-U+202E, U+2066-U+2069)");
            }
        }
        return value;
    }

    /** Multi-line text: newlines and tabs allowed, other control characters are not. */
    public static String optionalBlock(String field, String value, int maxChars) {
        if (value == null) {
            return null;
        }
        checkLength(field, value, maxChars);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new ValidationException(field, "must not contain control characters");
            }
        }
        return value;
    }

    public static void requireUtf8BytesAtMost(String field, String value, int maxBytes) {
        if (value != null && value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new ValidationException(field, "must be at most " + maxBytes + " bytes of UTF-8");
        }
    }

    /** An absolute http or https URL with a host, or null. */
    public static String optionalHttpUrl(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ValidationException(field, "must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException(field, "must be an absolute http(s) URL");
        }
        return value;
    }

    /**
     * An absolute https URL with a host, or null: the Podcasting 2.0 namespace asks for https
     * wherever it names a web resource.
     */
    public static String optionalHttpsUrl(String field, String value) {
        optionalHttpUrl(field, value);
        if (value != null && !value.regionMatches(true, 0, "https:", 0, 6)) {
            throw new ValidationException(field, "must be an absolute https URL");
        }
        return value;
    }

    public static String requireHttpUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return optionalHttpUrl(field, value);
    }

    /** The embedding, override and isolate controls of the Unicode bidirectional algorithm. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static void checkLength(String field, String value, int maxChars) {
        if (value.length() > maxChars * 2 || value.codePointCount(0, value.length()) > maxChars) {
            throw new ValidationException(field, "must be at most " + maxChars + " characters");
        }
    }
}
