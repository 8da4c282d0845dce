package dev.castline.feed;

/**
 * Text as XML 1.0 can carry it. XML 1.0 has no way to write most control characters, U+FFFE,
 * U+FFFF or lone surrogates, not even escaped, so they are dropped: a feed must stay well-formed
 * whatever a host typed or pasted.
 */
public final class XmlText {
    private XmlText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int firstBad = firstInvalid(text);
        if (firstBad < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, firstBad);
        for (int i = firstBad; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isAllowed(cp, text, i)) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }

    private static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!isAllowed(cp, text, i)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** XML 1.0 §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
    private static boolean isAllowed(int cp, String text, int index) {
        if (cp == 0x9 || cp == 0xA || cp == 0xD) {
            return true;
        }
        if (cp < 0x20) {
            return false;
        }
        if (cp <= 0xD7FF) {
            return true;
        }
        if (cp <= 0xDFFF) {
            return false; // a lone surrogate: codePointAt returns it as is when unpaired
        }
        if (cp <= 0xFFFD) {
            return true;
        }
        return cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
