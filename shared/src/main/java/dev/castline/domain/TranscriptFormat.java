package dev.castline.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The transcript formats Castline takes from a host and serves to apps: the one list of their
 * file extensions and content types (the feed's {@code podcast:transcript type}, the served
 * files' {@code Content-Type}, the admin API's accepted uploads).
 */
public enum TranscriptFormat {
    VTT("vtt", "text/vtt"),
    SRT("srt", "application/x-subrip"),
    /** The Podcasting 2.0 JSON transcript format. */
    JSON("json", "application/json");

    private final String extension;
    private final String contentType;

    TranscriptFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format a request's content type names: its own, or the other names SRT goes by. */
    public static Optional<TranscriptFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/vtt" -> Optional.of(VTT);
            case "application/x-subrip", "application/srt", "text/srt", "text/x-srt" -> Optional.of(SRT);
            case "application/json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
