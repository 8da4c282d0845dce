package dev.castline.feedimport;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.function.Consumer;
import org.jsoup.nodes.Entities;

/**
 * Sits between the decoded characters and the XML parser: refuses hostile or hopeless input before
 * the parser spends time on it, and repairs the few well-formedness slips real feeds make that
 * podcast apps forgive.
 * <ul>
 * <li>Before the root element (the prolog): whitespace before the XML declaration is dropped; a
 * {@code <!DOCTYPE} is refused at once, naming its line and column, whatever its size (so no DTD:
 * no entity of any kind, external or expanding); anything but markup there, or a prolog longer
 * than {@link FeedLimits#prologChars()}, is refused as not XML.</li>
 * <li>Characters XML 1.0 cannot hold (C0 controls other than tab, CR and LF; U+FFFE, U+FFFF), raw
 * or as character references, are dropped and reported once.</li>
 * <li>Outside CDATA sections and comments, an {@code &} that does not start one of XML's five
 * entities or a character reference is repaired: an HTML entity name ({@code &nbsp;},
 * {@code &eacute;}) becomes its character reference, anything else ({@code AT&T}, {@code &gtgt;},
 * a URL's {@code ?a=1&b=2}) an escaped ampersand, so its text is kept as written. Reported once.
 * (A real feed written by Freedom Controller holds {@code &gtgt;}.)</li>
 * <li>A run of more than {@link FeedLimits#maxTextChars()} characters without a {@code <} or
 * {@code >} stops the read (100 MB of junk text is refused after the limit, not after 100 MB).</li>
 * </ul>
 */
final class GuardReader extends Reader {
    private enum State { START, PROLOG, CONTENT, CDATA, COMMENT, PI }

    private static final int LOOKAHEAD = 40;

    private final Reader in;
    private final FeedLimits limits;
    private final Consumer<String> problems;
    private final char[] buf = new char[16 * 1024];
    private int pos;
    private int lim;
    private boolean eof;
    private final StringBuilder out = new StringBuilder();
    private int outPos;
    private State state = State.START;
    private boolean rootSeen;
    private long prologChars;
    private long run;
    private int line = 1;
    private int column;
    private boolean reportedControl;
    private boolean reportedAmpersand;

    GuardReader(Reader in, FeedLimits limits, Consumer<String> problems) {
        this.in = in;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos >= out.length()) {
            out.setLength(0);
            outPos = 0;
            if (!step(4096)) {
                if (!rootSeen) {
                    throw new FeedImportException("The input ends before any XML element: this is not a feed");
                }
                return -1;
            }
        }
        int n = Math.min(len, out.length() - outPos);
        out.getChars(outPos, outPos + n, cbuf, off);
        outPos += n;
        return n;
    }

    /** Moves up to {@code count} input characters to {@code out}; false at the end of input. */
    private boolean step(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            int c = peek(0);
            if (c < 0) {
                return i > 0;
            }
            consume(1);
            char ch = (char) c;
            if (!legal(ch)) {
                control();
                continue;
            }
            track(ch);
            if (!rootSeen && ++prologChars > limits.prologChars()) {
                throw new FeedImportException("No root element in the first " + limits.prologChars() + " characters: this is not a feed");
            }
            switch (state) {
                case START, PROLOG -> prolog(ch);
                case CONTENT -> content(ch);
                case CDATA -> {
                    out.append(ch);
                    if (ch == ']' && peek(0) == ']' && peek(1) == '>') {
                        out.append("]>");
                        consume(2);
                        state = State.CONTENT;
                    }
                }
                case COMMENT -> {
                    out.append(ch);
                    if (ch == '-' && peek(0) == '-' && peek(1) == '>') {
                        out.append("->");
                        consume(2);
                        state = rootSeen ? State.CONTENT : State.PROLOG;
                    }
                }
                case PI -> {
                    out.append(ch);
                    if (ch == '?' && peek(0) == '>') {
                        out.append('>');
                        consume(1);
                        state = rootSeen ? State.CONTENT : State.PROLOG;
                    }
                }
            }
        }
        return true;
    }

    private void prolog(char ch) throws IOException {
        if (ch != '<') {
            if (Character.isWhitespace(ch) || ch == '\ufeff') {
                if (state == State.PROLOG) {
                    out.append(ch);
                }
                return;
            }
            throw new FeedImportException("The input is not XML: it starts with \"" + ch + "\", not \"<\"", line, column, null);
        }
        state = State.PROLOG;
        out.append(ch);
        if (startsWith("?")) {
            state = State.PI;
        } else if (startsWith("!--")) {
            state = State.COMMENT;
        } else if (startsWith("!")) {
            if (startsWithIgnoreCase("!DOCTYPE")) {
                throw new FeedImportException("The feed has a DOCTYPE, which the import refuses"
                        + " (a DTD can read local files, call the network or expand entities without end)", line, column, null);
            }
            throw new FeedImportException("The input is not XML: unexpected \"<!\" before the root element", line, column, null);
        } else {
            rootSeen = true;
            state = State.CONTENT;
        }
    }

    private void content(char ch) throws IOException {
        if (ch == '<') {
            out.append(ch);
            if (startsWith("![CDATA[")) {
                out.append("![CDATA[");
                consume(8);
                state = State.CDATA;
            } else if (startsWith("!--")) {
                state = State.COMMENT;
            } else if (startsWith("?")) {
                state = State.PI;
            }
            return;
        }
        if (ch == '&') {
            ampersand();
            return;
        }
        out.append(ch);
    }

    /** An ampersand in content or in a tag: kept when XML can read it, repaired otherwise. */
    private void ampersand() throws IOException {
        int k = 0;
        StringBuilder name = new StringBuilder();
        while (k < LOOKAHEAD - 2) {
            int c = peek(k);
            if (c < 0 || !(Character.isLetterOrDigit(c) || c == '#')) {
                break;
            }
            name.append((char) c);
            k++;
        }
        boolean terminated = peek(k) == ';';
        String n = name.toString();
        if (terminated && !n.isEmpty()) {
            if (n.equals("amp") || n.equals("lt") || n.equals("gt") || n.equals("quot") || n.equals("apos")) {
                out.append('&');
                return;
            }
            if (n.startsWith("#")) {
                int cp = codePoint(n.substring(1));
                if (cp >= 0 && legalCodePoint(cp)) {
                    out.append('&');
                    return;
                }
                if (cp >= 0) {
                    control();
                    consume(k + 1);
                    return;
                }
            } else if (Entities.isNamedEntity(n)) {
                String value = Entities.getByName(n);
                if (!value.isEmpty()) {
                    value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                    consume(k + 1);
                    reportAmpersand("an HTML entity (&" + n + ";)");
                    return;
                }
            }
        }
        out.append("&amp;");
        reportAmpersand(terminated && !n.isEmpty() ? "an unknown entity (&" + n + ";)" : "a bare &");
    }

    private void reportAmpersand(String what) {
        if (!reportedAmpersand) {
            reportedAmpersand = true;
            problems.accept("The feed is not well-formed XML: " + what + " at line " + line
                    + "; read as podcast apps read it (and any others like it)");
        }
    }

    private static int codePoint(String ref) {
        try {
            if (ref.startsWith("x") || ref.startsWith("X")) {
                return ref.length() > 1 && ref.length() <= 7 ? Integer.parseInt(ref.substring(1), 16) : -1;
            }
            return !ref.isEmpty() && ref.length() <= 8 ? Integer.parseInt(ref) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean legal(char c) {
        return !((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\ufffe' || c == '\uffff');
    }

    private static boolean legalCodePoint(int cp) {
        return cp == 0x9 || cp == 0xa || cp == 0xd || (cp >= 0x20 && cp <= 0xd7ff)
                || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    }

    private void control() {
        if (!reportedControl) {
            reportedControl = true;
            problems.accept("The feed holds control characters XML cannot carry (first at line " + line + "): dropped");
        }
    }

    private void track(char ch) {
        if (ch == '\n') {
            line++;
            column = 0;
        } else {
            column++;
        }
        if (ch == '<' || ch == '>') {
            run = 0;
        } else if (++run > limits.maxTextChars()) {
            throw new FeedImportException("More than " + limits.maxTextChars()
                    + " characters without markup: this is not a feed, or a text is over the import's limit", line, column, null);
        }
    }

    private boolean startsWith(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            if (peek(i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithIgnoreCase(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            int c = peek(i);
            if (c < 0 || Character.toUpperCase((char) c) != s.toUpperCase(Locale.ROOT).charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The character {@code k} ahead of the current one, or -1 past the end. */
    private int peek(int k) throws IOException {
        while (pos + k >= lim && !eof) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return pos + k < lim ? buf[pos + k] : -1;
    }

    /** Skips characters already examined with {@link #peek} (names and markers: no line ends in them). */
    private void consume(int k) {
        pos = Math.min(lim, pos + k);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
