package dev.castline.domain;

/** What was asked for does not exist (or is not there for this caller): the HTTP layer answers 404. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
