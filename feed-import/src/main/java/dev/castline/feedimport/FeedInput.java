package dev.castline.feedimport;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the feed's bytes into characters before the XML parser sees them, so that encoding
 * mistakes are handled here, in one place, and reported:
 * <ul>
 * <li>A byte-order mark wins over the declaration (XML 1.0, appendix F); UTF-16 is also recognised
 * by its first bytes. UTF-32 is refused.</li>
 * <li>A feed declared (or assumed) UTF-8, ISO-8859-1, Windows-1252 or US-ASCII is read as UTF-8
 * where the bytes are valid UTF-8 and as Windows-1252 byte by byte where they are not. That reads
 * correctly both a Windows-1252 feed labelled UTF-8 (smart quotes pasted from Word) and a UTF-8
 * feed labelled ISO-8859-1, the two mislabellings real hosts produce; a mismatch with the label is
 * reported once. (ISO-8859-1 is read as Windows-1252, as browsers do.)</li>
 * <li>Any other declared encoding Java knows is decoded strictly: a byte that is not in it stops
 * the read naming the encoding. An encoding Java does not know is refused by name.</li>
 * </ul>
 * The bytes read are counted against {@link FeedLimits#maxBytes()}.
 */
final class FeedInput {
    private static final Pattern ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");
    private static final int SNIFF = 512;

    private FeedInput() {
    }

    static Reader open(InputStream raw, FeedLimits limits, Consumer<String> problems) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new Limited(raw, limits.maxBytes()), 64 * 1024);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        int b3 = head.length > 3 ? head[3] & 0xff : -1;
        if (head.length == 0) {
            throw new FeedImportException("The feed is empty");
        }
        if ((b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) || (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0)
                || (b0 == 0 && b1 == 0 && b2 == 0 && b3 == '<') || (b0 == '<' && b1 == 0 && b2 == 0 && b3 == 0)) {
            throw new FeedImportException("The feed is in UTF-32, which is not supported: ask the old host for UTF-8");
        }
        if (b0 == 0xfe && b1 == 0xff) {
            in.skipNBytes(2);
            return strict(in, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xff && b1 == 0xfe) {
            in.skipNBytes(2);
            return strict(in, StandardCharsets.UTF_16LE);
        }
        if (b0 == 0 && b1 == '<') {
            return strict(in, StandardCharsets.UTF_16BE);
        }
        if (b0 == '<' && b1 == 0) {
            return strict(in, StandardCharsets.UTF_16LE);
        }
        boolean bom = b0 == 0xef && b1 == 0xbb && b2 == 0xbf;
        if (bom) {
            in.skipNBytes(3);
        }
        String declared = declaredEncoding(head, bom ? 3 : 0);
        if (bom || declared == null) {
            return new HybridReader(in, "UTF-8", problems);
        }
        String label = declared.toLowerCase(Locale.ROOT).replace("_", "-");
        switch (label) {
            case "utf-8", "utf8" -> {
                return new HybridReader(in, "UTF-8", problems);
            }
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii" -> {
                return new HybridReader(in, declared, problems);
            }
            case "utf-16", "utf-16le", "utf-16be" -> {
                problems.accept("The feed declares " + declared + " but its bytes are not UTF-16: read as UTF-8");
                return new HybridReader(in, "UTF-8", problems);
            }
            default -> {
                try {
                    return strict(in, Charset.forName(declared));
                } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
                    throw new FeedImportException("The feed declares the encoding \"" + declared + "\", which is not supported");
                }
            }
        }
    }

    private static String declaredEncoding(byte[] head, int from) {
        String start = new String(head, from, head.length - from, StandardCharsets.ISO_8859_1);
        Matcher m = ENCODING.matcher(start);
        return m.find() ? m.group(1) : null;
    }

    private static Reader strict(InputStream in, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    /** Counts bytes and stops the read past the limit, before reading further. */
    static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, Math.max(1, max - count + 1)));
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, max - count + 1));
            add(skipped);
            return skipped;
        }

        private void add(long n) {
            count += n;
            if (count > max) {
                throw new FeedImportException("The feed is larger than " + max + " bytes, the import's limit");
            }
        }
    }

    /**
     * UTF-8 where the bytes are valid UTF-8, Windows-1252 byte by byte where they are not (see the
     * class comment). Reports the first place where the bytes disagree with the declared label.
     */
    static final class HybridReader extends Reader {
        private static final char[] CP1252_HIGH = {
            '\u20ac', '\ufffd', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
            '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\ufffd', '\u017d', '\ufffd',
            '\ufffd', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
            '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\ufffd', '\u017e', '\u0178'};

        private final InputStream in;
        private final String label;
        private final boolean declaredUtf8;
        private final Consumer<String> problems;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int lim;
        private boolean eof;
        private long offset;
        private boolean reported;
        private int pendingLow = -1;

        HybridReader(InputStream in, String label, Consumer<String> problems) {
            this.in = in;
            this.label = label;
            this.declaredUtf8 = label.equalsIgnoreCase("UTF-8");
            this.problems = problems;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (pendingLow >= 0) {
                    cbuf[off + n++] = (char) pendingLow;
                    pendingLow = -1;
                    continue;
                }
                if (lim - pos < 4 && !eof) {
                    fill();
                }
                if (pos >= lim) {
                    break;
                }
                int b = buf[pos] & 0xff;
                if (b < 0x80) {
                    cbuf[off + n++] = (char) b;
                    advance(1);
                    continue;
                }
                int cp = utf8At();
                if (cp >= 0) {
                    if (!declaredUtf8) {
                        report("The feed declares " + label + " but holds UTF-8 text (from byte " + offset + "): read as UTF-8");
                    }
                    int width = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                    advance(width);
                    if (cp >= 0x10000) {
                        cbuf[off + n++] = Character.highSurrogate(cp);
                        pendingLow = Character.lowSurrogate(cp);
                    } else {
                        cbuf[off + n++] = (char) cp;
                    }
                } else {
                    if (declaredUtf8) {
                        report("The feed's bytes are not all UTF-8 (first at byte " + offset + "): those were read as Windows-1252");
                    }
                    cbuf[off + n++] = b < 0xa0 ? CP1252_HIGH[b - 0x80] : (char) b;
                    advance(1);
                }
            }
            return n == 0 ? -1 : n;
        }

        private void advance(int k) {
            pos += k;
            offset += k;
        }

        private void report(String message) {
            if (!reported) {
                reported = true;
                problems.accept(message);
            }
        }

        /** The code point of a well-formed UTF-8 sequence at pos, or -1. */
        private int utf8At() {
            int b = buf[pos] & 0xff;
            int avail = lim - pos;
            if (b >= 0xc2 && b <= 0xdf) {
                return avail >= 2 && cont(1) ? ((b & 0x1f) << 6) | (buf[pos + 1] & 0x3f) : -1;
            }
            if (b >= 0xe0 && b <= 0xef) {
                if (avail < 3 || !cont(1) || !cont(2)) {
                    return -1;
                }
                int b1 = buf[pos + 1] & 0xff;
                if ((b == 0xe0 && b1 < 0xa0) || (b == 0xed && b1 > 0x9f)) {
                    return -1;
                }
                return ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (buf[pos + 2] & 0x3f);
            }
            if (b >= 0xf0 && b <= 0xf4) {
                if (avail < 4 || !cont(1) || !cont(2) || !cont(3)) {
                    return -1;
                }
                int b1 = buf[pos + 1] & 0xff;
                if ((b == 0xf0 && b1 < 0x90) || (b == 0xf4 && b1 > 0x8f)) {
                    return -1;
                }
                return ((b & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((buf[pos + 2] & 0x3f) << 6) | (buf[pos + 3] & 0x3f);
            }
            return -1;
        }

        private boolean cont(int i) {
            return (buf[pos + i] & 0xc0) == 0x80;
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            while (lim < buf.length) {
                int r = in.read(buf, lim, buf.length - lim);
                if (r < 0) {
                    eof = true;
                    return;
                }
                lim += r;
                if (lim - pos >= 4) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
