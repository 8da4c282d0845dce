package dev.castline.media;

/**
 * The upload is not an image Castline can read; {@link #reason} says why in a few words a host can
 * act on ("not a JPEG or PNG file"). Checked and stackless for the reasons
 * {@link UnsupportedAudioException} gives.
 */
public final class UnsupportedImageException extends Exception {
    private final String reason;

    public UnsupportedImageException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** A short sentence fragment for people, written by us, never copied from the file. */
    public String reason() {
        return reason;
    }
}
