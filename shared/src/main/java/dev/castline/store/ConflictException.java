package dev.castline.store;

/** A write lost to the current state of the table; {@code reason} says which rule it broke. */
public final class ConflictException extends RuntimeException {
    public enum Reason {
        /** Another episode holds (or once held) this slug. */
        SLUG_TAKEN,
        /** The episode changed since the caller read it (optimistic locking). */
        VERSION_MISMATCH,
        /** An episode with this id exists already. */
        ID_TAKEN,
        /** Another episode has this RSS guid. */
        GUID_TAKEN,
        /** The episode is not ready for what was asked (publishing without audio). */
        NOT_READY
    }

    private final Reason reason;

    public ConflictException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
