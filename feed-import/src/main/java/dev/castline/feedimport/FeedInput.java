package dev.castline.feedimport;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the feed's bytes into characters before the XML parser sees them, strictly: a byte that
 * is not in the feed's encoding stops the read with a {@link FeedEncodingException}, never a
 * replacement character or a guess.
 * <ul>
 * <li>A byte-order mark wins over the declaration (XML 1.0, appendix F); UTF-16 is also recognised
 * by its first bytes. UTF-32 is refused.</li>
 * <li>Otherwise the encoding is the one the XML declaration names, UTF-8 when it names none.</li>
 * <li>ISO-8859-1 is read as Windows-1252, as browsers do. A feed labelled ISO-8859-1 or
 * Windows-1252 whose first non-ASCII bytes are all well-formed UTF-8 is UTF-8 mislabelled (its
 * bytes would all be "valid", and read as mojibake): refused too.</li>
 * <li>An encoding Java does not know is refused by name.</li>
 * <li>The caller may name the encoding ({@code asked}): the bytes are then read as that, whatever
 * the declaration says (said so as a problem), and still strictly. That is the host's repair of a
 * mislabelled feed, chosen, never guessed.</li>
 * </ul>
 * A refusal names the encoding, the first bad byte, its offset and line, and what the bytes look
 * like. The bytes read are counted against {@link FeedLimits#maxBytes()}.
 */
final class FeedInput {
    private static final Pattern ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");
    private static final int SNIFF = 512;
    /** How many bytes from the first bad (or first non-ASCII) byte are looked at to say what they look like. */
    static final int WINDOW = 4096;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FeedInput() {
    }

    /**
     * @param asked the encoding to read the bytes as, overriding the declaration; null: the feed's own
     */
    static Reader open(InputStream raw, FeedLimits limits, Charset asked, Consumer<String> problems) throws IOException {
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
        Charset marked = null;
        int markLength = 0;
        if (b0 == 0xfe && b1 == 0xff) {
            marked = StandardCharsets.UTF_16BE;
            markLength = 2;
        } else if (b0 == 0xff && b1 == 0xfe) {
            marked = StandardCharsets.UTF_16LE;
            markLength = 2;
        } else if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            marked = StandardCharsets.UTF_8;
            markLength = 3;
        }
        if (marked != null) {
            String name = marked == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16";
            refuseIfAskedOtherwise(asked, marked, "starts with a " + name + " byte-order mark, so it is " + name);
            in.skipNBytes(markLength);
            return new StrictReader(in, marked, markLength, "The feed starts with a " + name + " byte-order mark but its bytes are not "
                    + name, null);
        }
        if ((b0 == 0 && b1 == '<') || (b0 == '<' && b1 == 0)) {
            Charset utf16 = b0 == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            refuseIfAskedOtherwise(asked, utf16, "starts with \"<\" in UTF-16, so it is UTF-16");
            return new StrictReader(in, utf16, 0, "The feed starts as UTF-16 but its bytes are not UTF-16", null);
        }
        String declared = declaredEncoding(head);
        if (asked != null) {
            boolean same = declared == null ? asked.equals(StandardCharsets.UTF_8) : sameEncoding(asked, declared);
            if (!same) {
                problems.accept("The feed declares " + (declared == null ? "no encoding (so UTF-8)" : declared) + "; read as "
                        + asked.name() + ", as asked");
            }
            return new StrictReader(in, asked, 0, "The feed's bytes are not " + asked.name() + ", the encoding asked for", null);
        }
        if (declared == null) {
            return new StrictReader(in, StandardCharsets.UTF_8, 0,
                    "The feed declares no encoding, so it must be UTF-8, but its bytes are not UTF-8", null);
        }
        String label = declared.toLowerCase(Locale.ROOT).replace("_", "-");
        String notIt = "The feed declares " + declared + " but its bytes are not " + declared;
        switch (label) {
            case "utf-8", "utf8" -> {
                return new StrictReader(in, StandardCharsets.UTF_8, 0, notIt, null);
            }
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252" -> {
                return new StrictReader(in, WINDOWS_1252, 0, notIt, "The feed declares " + declared + " but its text is UTF-8");
            }
            case "us-ascii", "ascii" -> {
                return new StrictReader(in, StandardCharsets.US_ASCII, 0, notIt, null);
            }
            case "utf-16", "utf-16le", "utf-16be" -> {
                // Its first bytes are not UTF-16 (checked above): "<?xml" one byte a character. ASCII alone reads as UTF-8.
                String looks = firstHighByte(head, 0, head.length) < 0 ? "UTF-8" : guess(head, 0, head.length, head.length < SNIFF);
                throw new FeedEncodingException(notIt + ": its first bytes are 8-bit text (\"<\" in one byte); the text looks like "
                        + display(looks), declared, looks, 0, 1);
            }
            default -> {
                Charset charset;
                try {
                    charset = Charset.forName(declared);
                } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
                    throw new FeedImportException("The feed declares the encoding \"" + declared + "\", which is not supported");
                }
                return new StrictReader(in, charset, 0, notIt, null);
            }
        }
    }

    private static void refuseIfAskedOtherwise(Charset asked, Charset is, String because) {
        if (asked != null && !asked.equals(is) && !(isUtf16(asked) && isUtf16(is))) {
            throw new FeedImportException("The feed " + because + ", not " + asked.name() + " as asked");
        }
    }

    private static boolean isUtf16(Charset c) {
        return c.name().toUpperCase(Locale.ROOT).startsWith("UTF-16");
    }

    private static boolean sameEncoding(Charset asked, String declared) {
        try {
            return Charset.forName(declared).equals(asked);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String declaredEncoding(byte[] head) {
        String start = new String(head, StandardCharsets.ISO_8859_1);
        Matcher m = ENCODING.matcher(start);
        return m.find() ? m.group(1) : null;
    }

    /** "UTF-8", "Windows-1252", or words for none. */
    static String display(String charset) {
        if (charset == null) {
            return "no encoding the import recognises";
        }
        return charset.equals("windows-1252") ? "Windows-1252" : charset;
    }

    /**
     * What {@code b[from..to)} looks like: {@code UTF-8} when every non-ASCII byte in it is part of a
     * well-formed UTF-8 sequence (a sequence cut by the window's end counts, unless {@code atEnd}),
     * {@code windows-1252} when every byte is one Windows-1252 has, else null.
     */
    static String guess(byte[] b, int from, int to, boolean atEnd) {
        if (looksUtf8(b, from, to, atEnd)) {
            return "UTF-8";
        }
        for (int i = from; i < to; i++) {
            int x = b[i] & 0xff;
            if (x == 0x81 || x == 0x8d || x == 0x8f || x == 0x90 || x == 0x9d) {
                return null;
            }
        }
        return firstHighByte(b, from, to) >= 0 ? "windows-1252" : null;
    }

    /** At least one multi-byte UTF-8 sequence in {@code b[from..to)}, and every non-ASCII byte in a well-formed one. */
    static boolean looksUtf8(byte[] b, int from, int to, boolean atEnd) {
        boolean any = false;
        int i = from;
        while (i < to) {
            int x = b[i] & 0xff;
            if (x < 0x80) {
                i++;
                continue;
            }
            int width = x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
            if (width == 0) {
                return false;
            }
            for (int k = 1; k < width; k++) {
                if (i + k >= to) {
                    return !atEnd && any;
                }
                int c = b[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return false;
                }
                if (k == 1 && ((x == 0xe0 && c < 0xa0) || (x == 0xed && c > 0x9f) || (x == 0xf0 && c < 0x90) || (x == 0xf4 && c > 0x8f))) {
                    return false;
                }
            }
            any = true;
            i += width;
        }
        return any;
    }

    static int firstHighByte(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((b[i] & 0x80) != 0) {
                return i;
            }
        }
        return -1;
    }

    private static int count(byte[] b, int from, int to, byte x) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                n++;
            }
        }
        return n;
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
     * Decodes with a decoder that reports (never replaces) malformed and unmappable input, keeping
     * the byte offset and line, so a refusal says where. With {@code notUtf8}, the first non-ASCII
     * bytes are first checked not to be UTF-8 (a single-byte label on a UTF-8 feed).
     */
    static final class StrictReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final String refusal;
        /** Non-null: first check that the non-ASCII bytes are not UTF-8, and refuse with these words if they are. */
        private final String utf8Refusal;
        private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
        private final CharBuffer chars = CharBuffer.allocate(8 * 1024).flip();
        /** The feed's offset of {@code bytes}' index 0. */
        private long base;
        private long line = 1;
        private boolean eof;
        private boolean decodedAll;
        private boolean flushed;
        private boolean checked;
        /** The refusal, once the bad byte is reached; thrown when the characters before it are read. */
        private FeedEncodingException failure;

        StrictReader(InputStream in, Charset charset, long startOffset, String refusal, String utf8Refusal) {
            this.in = in;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            this.base = startOffset;
            this.refusal = refusal;
            this.utf8Refusal = utf8Refusal;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (flushed) {
                    return -1;
                }
                decodeMore();
            }
            int n = Math.min(len, chars.remaining());
            chars.get(cbuf, off, n);
            return n;
        }

        private void decodeMore() throws IOException {
            if (failure != null) {
                throw failure;
            }
            chars.clear();
            try {
                while (true) {
                    if (decodedAll) {
                        if (!decoder.flush(chars).isOverflow()) {
                            flushed = true;
                        }
                        return;
                    }
                    if (!bytes.hasRemaining() && !eof) {
                        fill();
                    }
                    if (utf8Refusal != null && !checked) {
                        checkNotUtf8();
                    }
                    int before = chars.position();
                    CoderResult result = decoder.decode(bytes, chars, eof);
                    for (int i = before; i < chars.position(); i++) {
                        if (chars.get(i) == '\n') {
                            line++;
                        }
                    }
                    if (result.isError()) {
                        // The characters before the bad byte go first: input that is not XML at all is refused as such.
                        failure = refused(result.length());
                        if (chars.position() > 0) {
                            return;
                        }
                        throw failure;
                    }
                    if (result.isOverflow()) {
                        return;
                    }
                    if (eof) {
                        decodedAll = true;
                        continue;
                    }
                    if (chars.position() > 0) {
                        return;
                    }
                    fill();
                }
            } finally {
                chars.flip();
            }
        }

        /** Keeps the unread bytes and reads at least one more, or sees the end. */
        private void fill() throws IOException {
            base += bytes.position();
            bytes.compact();
            try {
                while (bytes.hasRemaining()) {
                    int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (r < 0) {
                        eof = true;
                        return;
                    }
                    bytes.position(bytes.position() + r);
                    if (r > 0) {
                        return;
                    }
                }
            } finally {
                bytes.flip();
            }
        }

        /** Makes {@code bytes} hold {@code want} bytes from its position, or all that is left. */
        private void fillAhead(int want) throws IOException {
            while (bytes.remaining() < want && !eof) {
                int unread = bytes.remaining();
                fill();
                if (bytes.remaining() == unread) {
                    break;
                }
            }
        }

        private void checkNotUtf8() throws IOException {
            int at = firstHighByte(bytes.array(), bytes.position(), bytes.limit());
            if (at < 0) {
                checked = eof;
                return;
            }
            checked = true;
            long lines = line + count(bytes.array(), bytes.position(), at, (byte) '\n');
            long offset = base + at;
            int ahead = at - bytes.position();
            fillAhead(ahead + WINDOW);
            at = bytes.position() + ahead;
            byte[] b = bytes.array();
            int end = Math.min(bytes.limit(), at + WINDOW);
            if (looksUtf8(b, at, end, eof && end == bytes.limit())) {
                throw new FeedEncodingException(utf8Refusal + ": the first non-ASCII character, " + hex(b, at, utf8Width(b[at]))
                        + ", is at byte offset " + offset + " (line " + lines + "); the text looks like UTF-8", expectedName(), "UTF-8",
                        offset, lines);
            }
        }

        private FeedEncodingException refused(int length) {
            int at = bytes.position();
            long offset = base + at;
            byte[] b = bytes.array();
            String bad = hex(b, at, Math.max(1, Math.min(length, 4)));
            // What the bytes look like, from a little before the bad byte (the start of its sequence) on.
            int from = at;
            while (from > 0 && at - from < 3 && (b[from - 1] & 0xc0) == 0x80) {
                from--;
            }
            if (from > 0 && at - from < 3 && (b[from - 1] & 0xc0) == 0xc0) {
                from--;
            }
            byte[] window = Arrays.copyOfRange(b, from, Math.min(bytes.limit(), from + WINDOW));
            boolean atEnd = eof;
            if (window.length < WINDOW && !eof) {
                try {
                    byte[] more = in.readNBytes(WINDOW - window.length);
                    atEnd = window.length + more.length < WINDOW;
                    byte[] joined = Arrays.copyOf(window, window.length + more.length);
                    System.arraycopy(more, 0, joined, window.length, more.length);
                    window = joined;
                } catch (IOException | RuntimeException e) {
                    // what is here will do
                }
            }
            String looks = guess(window, 0, window.length, atEnd);
            return new FeedEncodingException(refusal + ": the first bad byte, " + bad + ", is at byte offset " + offset + " (line " + line
                    + "); the text looks like " + display(looks), expectedName(), looks, offset, line);
        }

        private String expectedName() {
            return decoder.charset().name();
        }

        private static int utf8Width(byte lead) {
            int x = lead & 0xff;
            return x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2;
        }

        private static String hex(byte[] b, int from, int length) {
            StringBuilder s = new StringBuilder();
            for (int i = from; i < Math.min(b.length, from + length); i++) {
                s.append(s.isEmpty() ? "" : " ").append("0x").append(HexFormat.of().withUpperCase().toHexDigits(b[i]));
            }
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
