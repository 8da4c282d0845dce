package dev.castline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A transcript file as the admin API takes it ({@code PUT .../transcript}): the file itself, with
 * the content type its extension names (the types the API documents for each format).
 */
final class Transcripts {
    static final long MAX_BYTES = 5L * 1024 * 1024;

    record Upload(byte[] bytes, String contentType) {
    }

    private Transcripts() {
    }

    /** Lowercase hex, as the admin API reports the episode's transcript file. */
    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The content type the admin API takes a transcript file as, by its name's extension; null for none of the three. */
    static String contentTypeOfName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".vtt") ? "text/vtt"
                : lower.endsWith(".srt") ? "application/x-subrip"
                : lower.endsWith(".json") ? "application/json" : null;
    }

    static Upload read(Path file) {
        String type = contentTypeOfName(file.getFileName().toString());
        if (type == null) {
            throw new Exit.Failure(Exit.USAGE, file + ": a transcript is a .vtt, .srt or .json file");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Exit.Failure(Exit.USAGE, file + ": a transcript is at most 5 MB");
            }
            return new Upload(Files.readAllBytes(file), type);
        } catch (NoSuchFileException e) {
            throw new Exit.Failure(Exit.USAGE, file + ": no such file");
        } catch (IOException e) {
            throw new Exit.Failure(Exit.USAGE, file + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
