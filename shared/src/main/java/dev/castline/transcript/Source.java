package dev.castline.transcript;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A transcript file as lines of text: at most {@link Transcript#MAX_BYTES}, UTF-8, without its BOM. */
final class Source {
    private Source() {
    }

    static String text(byte[] file) throws TranscriptException {
        if (file.length > Transcript.MAX_BYTES) {
            throw tooLarge();
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file);
        String text;
        try {
            text = utf8.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new TranscriptException(lineAt(file, firstBadByte(file)), "the file is not UTF-8 text");
        }
        return text;
    }

    /**
     * Text already decoded, held to the same limit (a character is at least a byte of UTF-8,
     * so more characters than the limit's bytes is over it), without its BOM.
     */
    static String checked(String text) throws TranscriptException {
        if (text.length() > Transcript.MAX_BYTES) {
            throw tooLarge();
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static TranscriptException tooLarge() {
        return new TranscriptException(0, "the file is larger than 5 MiB (" + Transcript.MAX_BYTES + " bytes)");
    }

    /** Split on CRLF, CR or LF; a final line break ends the last line rather than starting another. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(from, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    /** A line with nothing but whitespace separates blocks, like an empty one. */
    static boolean blank(String line) {
        return line.isBlank();
    }

    private static int firstBadByte(byte[] file) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file);
        utf8.decode(in, CharBuffer.allocate(file.length + 1), true);
        return in.position();
    }

    private static int lineAt(byte[] file, int position) {
        int line = 1;
        for (int i = 0; i < position && i < file.length; i++) {
            if (file[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
