package dev.castline.feedimport;

/**
 * A chapter mark, from Podlove Simple Chapters inline or from a Podcasting 2.0 chapters JSON file.
 *
 * @param startMillis where it starts, in milliseconds (fractions of a second kept)
 * @param title       its title, plain text; may be null in JSON chapters
 * @param url         a link for it, absolute http(s), or null
 * @param imageUrl    its image, absolute http(s), or null
 * @param toc         false for a JSON chapter marked {@code "toc": false} (not for the table of contents)
 */
public record ImportedChapter(long startMillis, String title, String url, String imageUrl, boolean toc) {
}
