package dev.castline.host;

/** The bucket's objects, as the host's rules need them: removed when nothing refers to them any more. */
public interface MediaObjects {
    /**
     * Deletes the object at {@code key}, if there is one. A failure is the implementation's to
     * report: callers delete only what no episode refers to any more, so an object left behind
     * costs storage, not correctness.
     */
    void delete(String key);
}
