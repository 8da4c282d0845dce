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

    static Upload read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".vtt") ? "text/vtt"
                : name.endsWith(".srt") ? "application/x-subrip"
                : name.endsWith(".json") ? "application/json" : null;
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
