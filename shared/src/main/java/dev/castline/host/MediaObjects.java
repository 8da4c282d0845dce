package dev.castline.host;

import java.util.Optional;

/**
 * The bucket's objects, as the host's rules need them: removed when nothing refers to them any
 * more, out of listeners' reach while their episode is not public, and, for artwork, read whole
 * to make its smaller copies, which are written beside it.
 */
public interface MediaObjects {
    /**
     * The whole object at {@code key}; empty when there is none. Only for objects of bounded size
     * (artwork: {@link dev.castline.domain.Artwork#MAX_BYTES}). A failure is thrown.
     */
    Optional<byte[]> read(String key);

    /**
     * Writes an object the host's rules made (never an upload), with its content type, cached for
     * ever ({@link dev.castline.domain.MediaKey#CACHE_CONTROL}): a media key never gets new bytes.
     * A failure is thrown.
     */
    void put(String key, String contentType, byte[] content);

    /**
     * Deletes the object at {@code key} and its withheld copy, if there are any. A failure is the
     * implementation's to report: callers delete only what no episode refers to any more, so an
     * object left behind costs storage, not correctness.
     */
    void delete(String key);

    /**
     * Moves the object at {@code key} to its withheld place ({@link dev.castline.domain.MediaKey#withheld}),
     * where the media URL does not serve it. Idempotent: nothing at {@code key} is nothing to do.
     * A failure is thrown: the caller's request fails, and asking again finishes the move.
     */
    void withhold(String key);

    /**
     * Moves a withheld object back to {@code key}, where the media URL serves it. Idempotent:
     * nothing withheld is nothing to do. A failure is thrown.
     */
    void restore(String key);
}
