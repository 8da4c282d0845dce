package dev.castline.feedimport;

/**
 * {@code podcast:transcript url type language rel}.
 *
 * @param url      absolute http(s)
 * @param type     MIME type as written, e.g. {@code text/vtt}, {@code application/x-subrip}
 * @param language as written, or null
 * @param rel      {@code captions} when the file is timed captions, or null
 */
public record ImportedTranscript(String url, String type, String language, String rel) {
}
