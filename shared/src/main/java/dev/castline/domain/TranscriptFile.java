package dev.castline.domain;

/**
 * The transcript an episode has: which stored version (a new id for every attach, so a served
 * transcript's validators change with it), its language, its size in cues, and how many parts
 * its stored form takes (see {@code store.TranscriptParts}).
 *
 * @param language ISO 639 code with an optional region, e.g. {@code en-us}: the feed's
 *                 {@code podcast:transcript language}
 * @param sha256   lowercase hex SHA-256 of the file the host sent (null when not known): a client
 *                 holding the same file can tell there is nothing to send
 */
public record TranscriptFile(String id, String language, int cues, int parts, String sha256) {

    public TranscriptFile(String id, String language, int cues, int parts) {
        this(id, language, cues, parts, null);
    }
}
