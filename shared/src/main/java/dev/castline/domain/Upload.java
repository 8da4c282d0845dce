package dev.castline.domain;

import java.time.Instant;

/**
 * The audio upload an episode is waiting for, or the last one that was refused. Only an object
 * whose key is the pending upload's may become the episode's audio, so a stale or duplicate S3
 * event changes nothing.
 *
 * @param rejectedReason null while pending; why processing refused the file otherwise
 */
public record Upload(String key, String contentType, long bytes, Instant requestedAt, String rejectedReason) {

    public boolean isPending() {
        return rejectedReason == null;
    }

    /**
     * Pending, but its signed URL has expired (after {@code urlTtl}): no file can arrive any more.
     * The host sees it as expired, and a new upload request replaces it like any other.
     */
    public boolean isExpiredAt(java.time.Instant now, java.time.Duration urlTtl) {
        return isPending() && requestedAt.plus(urlTtl).isBefore(now);
    }

    public Upload rejected(String reason) {
        return new Upload(key, contentType, bytes, requestedAt, reason);
    }
}
