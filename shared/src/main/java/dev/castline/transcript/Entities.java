package dev.castline.transcript;

/**
 * The character references transcript text uses: {@code &amp; &lt; &gt; &quot; &apos; &nbsp;
 * &lrm; &rlm;} and numeric ones ({@code &#233; &#xE9;}). Others are left as text.
 */
final class Entities {
    private Entities() {
    }

    /** A reference and what it stands for. */
    record Reference(String value, int length) {
    }

    /** The reference starting at {@code at} (which holds {@code &}), or null when there is none. */
    static Reference at(String s, int at) {
        int semicolon = s.indexOf(';', at + 1, Math.min(s.length(), at + 11));
        if (semicolon < 0) {
            return null;
        }
        String name = s.substring(at + 1, semicolon);
        String value = switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00A0";
            case "lrm" -> "\u200E";
            case "rlm" -> "\u200F";
            default -> numeric(name);
        };
        return value == null ? null : new Reference(value, semicolon - at + 1);
    }

    private static String numeric(String name) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > (hex ? 6 : 7)) {
            return null;
        }
        int codePoint = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), hex ? 16 : 10);
            if (d < 0) {
                return null;
            }
            codePoint = codePoint * (hex ? 16 : 10) + d;
        }
        if (codePoint == 0 || !Character.isValidCodePoint(codePoint)
            || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            return null;
        }
        return Character.toString(codePoint);
    }
}
