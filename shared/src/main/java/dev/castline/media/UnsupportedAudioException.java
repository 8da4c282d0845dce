package dev.castline.media;

/**
 * The upload is not audio that Castline can publish; {@link #reason} says why in a few words a
 * host can act on ("the file is empty", "the MP3 is truncated: no complete audio frame").
 *
 * <p>Checked on purpose: a bad upload is an everyday outcome of processing the host's file, not a
 * bug, and the compiler should make the one caller (upload processing) decide what the host is
 * shown rather than let it surface as a 500. Stackless, like the project's other exceptions: the
 * reason is the whole story and each reason is raised from one place.
 */
public final class UnsupportedAudioException extends Exception {
    private final String reason;

    public UnsupportedAudioException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** A short sentence fragment for people, written by us, never copied from the file. */
    public String reason() {
        return reason;
    }
}
