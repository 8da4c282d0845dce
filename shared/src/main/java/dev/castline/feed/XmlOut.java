package dev.castline.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A minimal streaming XML writer: elements, attributes, escaped text and CDATA, encoded to UTF-8
 * in one pass straight into the output. Written by hand because the feed is the hottest thing
 * Castline renders: the JDK's StAX writer costs a factory lookup and dozens of classes at cold
 * start and, measured on a 1,000-episode feed, several times the time of this class, and it
 * writes whatever characters it is given, valid in XML or not.
 *
 * <p>Every text and attribute value drops what XML 1.0 cannot carry (most control characters,
 * U+FFFE, U+FFFF, lone surrogates) and escapes the rest, so the output is well-formed whatever
 * the data. Element and attribute names are the caller's constants and are written as given.
 * The feed writes with it, and so does every other XML Castline sends (the site's sitemap, CDN
 * invalidation requests).
 */
public final class XmlOut {
    private final OutputStream out;
    private byte[] buffer;
    private int position;

    public XmlOut(OutputStream out) {
        this.out = out;
        this.buffer = new byte[64 * 1024];
    }

    /** Writes into one growing array instead of a stream; {@link #toBytes} returns the document. */
    public XmlOut(int expectedBytes) {
        this.out = null;
        this.buffer = new byte[Math.max(1024, expectedBytes)];
    }

    public byte[] toBytes() {
        return java.util.Arrays.copyOf(buffer, position);
    }

    public XmlOut declaration() {
        ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return this;
    }

    /** {@code <name} — follow with {@link #attribute} calls, then {@link #endStart} or {@link #endEmpty}. */
    public XmlOut start(String name) {
        markup('<', name, (char) 0);
        return this;
    }

    public XmlOut attribute(String name, String value) {
        markup(' ', name, '=');
        ascii('"');
        escaped(value, true);
        ascii('"');
        return this;
    }

    public XmlOut endStart() {
        ascii('>');
        return this;
    }

    public XmlOut endEmpty() {
        ascii("/>");
        return this;
    }

    public XmlOut open(String name) {
        return start(name).endStart();
    }

    public XmlOut close(String name) {
        ensure(name.length() + 3);
        byte[] b = buffer;
        int p = position;
        b[p++] = '<';
        b[p++] = '/';
        for (int k = 0; k < name.length(); k++) {
            b[p++] = (byte) name.charAt(k);
        }
        b[p++] = '>';
        position = p;
        return this;
    }

    /** {@code before name after} in one go (after omitted when 0): markup is most of the calls. */
    private void markup(char before, String name, char after) {
        ensure(name.length() + 2);
        byte[] b = buffer;
        int p = position;
        b[p++] = (byte) before;
        for (int k = 0; k < name.length(); k++) {
            b[p++] = (byte) name.charAt(k);
        }
        if (after != 0) {
            b[p++] = (byte) after;
        }
        position = p;
    }

    public XmlOut text(String value) {
        escaped(value, false);
        return this;
    }

    /** {@code <name>value</name>}, or nothing when value is null. */
    public XmlOut element(String name, String value) {
        if (value != null) {
            open(name).text(value).close(name);
        }
        return this;
    }

    /** CDATA cannot hold "]]>": the sequence is split across two sections. */
    public XmlOut cdata(String value) {
        ascii("<![CDATA[");
        int from = 0;
        int end;
        while ((end = value.indexOf("]]>", from)) >= 0) {
            raw(value, from, end + 2);
            ascii("]]><![CDATA[");
            from = end + 2;
        }
        raw(value, from, value.length());
        ascii("]]>");
        return this;
    }

    public void flush() {
        if (out == null) {
            return;
        }
        try {
            out.write(buffer, 0, position);
            position = 0;
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text or attribute content, escaped. In attributes, line breaks and tabs are kept as references. */
    private void escaped(String s, boolean attribute) {
        write(s, 0, s.length(), attribute ? ATTRIBUTE : TEXT);
    }

    /** CDATA content: nothing escaped, only what XML cannot carry dropped. */
    private void raw(String s, int from, int to) {
        write(s, from, to, RAW);
    }

    /** Markup and names: short, ASCII, written without any checks. */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = buffer;
        int p = position;
        for (int k = 0; k < n; k++) {
            b[p++] = (byte) s.charAt(k);
        }
        position = p;
    }

    private void ascii(char c) {
        ensure(1);
        buffer[position++] = (byte) c;
    }

    private final char[] chars = new char[CHUNK];

    /** Per mode, the ASCII characters written as they are: printable, and not markup (except in CDATA). */
    private static final boolean[][] PLAIN = new boolean[3][128];

    static {
        for (int mode = 0; mode < 3; mode++) {
            for (char c = 0x20; c < 0x7F; c++) {
                PLAIN[mode][c] = mode == 2 || (c != '&' && c != '<' && c != '>' && c != '"');
            }
            // Line breaks and tabs are written as they are, except in attributes (normalised there).
            PLAIN[mode]['\n'] = mode != 1;
            PLAIN[mode]['\t'] = mode != 1;
        }
    }

    /** {@link #PLAIN}, except that {@code ?} needs a look (see {@link #writeAscii}). */
    private static final boolean[][] PLAIN_UNLESS_QUESTION_MARK = new boolean[3][];

    static {
        for (int mode = 0; mode < 3; mode++) {
            PLAIN_UNLESS_QUESTION_MARK[mode] = PLAIN[mode].clone();
            PLAIN_UNLESS_QUESTION_MARK[mode]['?'] = false;
        }
    }

    private static final int TEXT = 0;
    private static final int ATTRIBUTE = 1;
    private static final int RAW = 2;
    /** Chars per pass: at most 6 bytes each (an escape like {@code &quot;}), so a pass always fits the buffer. */
    private static final int CHUNK = 4096;

    /**
     * Encodes s[from, to) as UTF-8 into the buffer, escaping per {@code mode}, dropping what XML 1.0
     * (§2.2) cannot carry. A whole value that is all ASCII and not short goes through
     * {@link #writeAscii}; the rest char by char, where plain ASCII takes the first branch only.
     */
    private void write(String s, int from, int to, int mode) {
        if (to - from >= ASCII_RUN && from == 0 && to == s.length() && writeAscii(s, mode)) {
            return;
        }
        int i = from;
        while (i < to) {
            int end = Math.min(to, i + CHUNK);
            ensure((end - i) * 6 + 8);
            // Copying the chars out once is cheaper than charAt per char.
            s.getChars(i, end, chars, 0);
            boolean[] plain = PLAIN[mode];
            byte[] b = buffer;
            int p = position;
            int base = i;
            for (; i < end; i++) {
                char c = chars[i - base];
                if (c < 0x80 && plain[c]) {
                    b[p++] = (byte) c;
                } else if (c < 0x80) {
                    p = special(b, p, c, mode);
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c)) {
                    // A pair may straddle two chunks: the slack in ensure() leaves room for it.
                    if (i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        b[p++] = (byte) (0xF0 | (cp >> 18));
                        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        b[p++] = (byte) (0x80 | (cp & 0x3F));
                    }
                    // else: a lone high surrogate, dropped
                } else if (!Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                    b[p++] = (byte) (0xE0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            position = p;
        }
    }

    /** Strings shorter than this are not worth a bulk copy. */
    private static final int ASCII_RUN = 24;

    /**
     * The fast path for an all-ASCII string (most of a feed): the JDK encodes it with one
     * vectorised copy, and runs of plain bytes go into the buffer with arraycopy; only the bytes
     * between runs are looked at one by one. Returns false, having written nothing, when the
     * string is not all ASCII (its UTF-8 is longer than its chars), for the general path to do.
     *
     * <p>One catch: the JDK encodes a lone surrogate as {@code ?}, one byte, so a string of ASCII
     * and lone surrogates passes the length test. Byte k is char k then, so each {@code ?} is
     * checked against its char: a real one is written, a surrogate dropped, as the general path does.
     */
    private boolean writeAscii(String s, int mode) {
        byte[] ascii = s.getBytes(StandardCharsets.UTF_8);
        if (ascii.length != s.length()) {
            return false;
        }
        boolean[] plain = PLAIN_UNLESS_QUESTION_MARK[mode];
        int n = ascii.length;
        int i = 0;
        while (i < n) {
            int run = i;
            while (run < n && plain[ascii[run]]) {
                run++;
            }
            copy(ascii, i, run - i);
            if (run < n) {
                ensure(6);
                if (ascii[run] != '?') {
                    position = special(buffer, position, (char) ascii[run], mode);
                } else if (s.charAt(run) == '?') {
                    buffer[position++] = '?';
                } // else: a lone surrogate, dropped
                run++;
            }
            i = run;
        }
        return true;
    }

    /** Bytes as they are, in pieces that fit the buffer (a streaming buffer is smaller than some notes). */
    private void copy(byte[] bytes, int from, int length) {
        while (length > 0) {
            int piece = Math.min(length, CHUNK);
            ensure(piece);
            System.arraycopy(bytes, from, buffer, position, piece);
            position += piece;
            from += piece;
            length -= piece;
        }
    }

    /** ASCII that needs care: markup characters, whitespace controls, and controls XML forbids. */
    private static int special(byte[] b, int p, char c, int mode) {
        String escape = switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\n' -> mode == ATTRIBUTE ? "&#10;" : null;
            case '\r' -> mode == RAW ? null : "&#13;";
            case '\t' -> mode == ATTRIBUTE ? "&#9;" : null;
            default -> "";
        };
        if (escape == null) {
            b[p++] = (byte) c;
        } else {
            for (int k = 0; k < escape.length(); k++) {
                b[p++] = (byte) escape.charAt(k);
            }
        }
        return p;
    }

    private void ensure(int bytes) {
        if (position + bytes > buffer.length) {
            if (out == null) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + bytes));
                return;
            }
            try {
                out.write(buffer, 0, position);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position = 0;
        }
    }
}
