package dev.castline.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Castline serves as artwork (the two Apple Podcasts and every app accept): the
 * one list of their content types and file extensions, for upload requests, media keys and the
 * upload processor.
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", "a JPEG"),
    PNG("image/png", "png", "a PNG");

    private final String contentType;
    private final String extension;
    private final String article;

    ImageFormat(String contentType, String extension, String article) {
        this.contentType = contentType;
        this.extension = extension;
        this.article = article;
    }

    public String contentType() {
        return contentType;
    }

    /** The media key's extension. */
    public String extension() {
        return extension;
    }

    /** "a PNG (image/png)": for messages that tell a host what a file is. */
    public String describe() {
        return article + " (" + contentType + ")";
    }

    /** The format with this content type, compared without case. */
    public static Optional<ImageFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.contentType.equals(lower)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static Optional<ImageFormat> ofExtension(String extension) {
        for (ImageFormat f : values()) {
            if (f.extension.equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** "image/jpeg or image/png". */
    public static String contentTypeList() {
        return JPEG.contentType + " or " + PNG.contentType;
    }
}
