package dev.castline.feedimport;

/**
 * A feed whose bytes are not in the encoding it declares (UTF-8 when it declares none), or not in
 * the encoding the caller asked for: refused, never repaired by a guess. The message names the
 * encoding, the first bad byte with its offset and line, and what the bytes look like; the caller
 * can offer to read the feed as {@link #looksLike()} on purpose ({@link FeedReader}'s encoding).
 */
public final class FeedEncodingException extends FeedImportException {
    private final String expected;
    private final String looksLike;
    private final long byteOffset;
    private final long badByteLine;

    FeedEncodingException(String message, String expected, String looksLike, long byteOffset, long line) {
        super(message);
        this.expected = expected;
        this.looksLike = looksLike;
        this.byteOffset = byteOffset;
        this.badByteLine = line;
    }

    /** The encoding the bytes were read as: the declared one, UTF-8 when none is, or the one asked for. */
    public String expected() {
        return expected;
    }

    /** The Java name of the encoding the bytes look like ({@code windows-1252}, {@code UTF-8}), or null when none fits. */
    public String looksLike() {
        return looksLike;
    }

    /** 0-based offset in the feed's bytes of the first byte that is not in {@link #expected()}. */
    public long byteOffset() {
        return byteOffset;
    }

    /** 1-based line of that byte. */
    public long badByteLine() {
        return badByteLine;
    }
}
