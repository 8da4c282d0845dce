package dev.castline.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The audio formats Castline hosts: the one list of their content types and file extensions.
 * Upload requests, media keys, the upload processor, the feed's enclosures and the API all read
 * them from here.
 */
public enum AudioFormat {
    MP3("audio/mpeg", "mp3", "an MP3"),
    M4A("audio/x-m4a", "m4a", "an M4A");

    private final String contentType;
    private final String extension;
    private final String article;

    AudioFormat(String contentType, String extension, String article) {
        this.contentType = contentType;
        this.extension = extension;
        this.article = article;
    }

    /** The type podcast apps are told ({@code enclosure type}) and S3 stores. */
    public String contentType() {
        return contentType;
    }

    /** The media key's extension; an enclosure URL ends in the real one. */
    public String extension() {
        return extension;
    }

    /** "an MP3 (audio/mpeg)": for messages that tell a host what a file is. */
    public String describe() {
        return article + " (" + contentType + ")";
    }

    /** The format with this content type, compared without case. */
    public static Optional<AudioFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        for (AudioFormat f : values()) {
            if (f.contentType.equals(lower)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static Optional<AudioFormat> ofExtension(String extension) {
        for (AudioFormat f : values()) {
            if (f.extension.equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** "audio/mpeg or audio/x-m4a". */
    public static String contentTypeList() {
        StringBuilder out = new StringBuilder();
        AudioFormat[] all = values();
        for (int i = 0; i < all.length; i++) {
            out.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].contentType);
        }
        return out.toString();
    }
}
