package dev.castline.domain;

/**
 * Input that breaks a rule of the domain. {@code field} names the offending field in the
 * caller's terms (a JSON path such as {@code chapters[2].startTime}), so the HTTP layer can
 * answer 400 and say exactly what to fix.
 */
public final class ValidationException extends RuntimeException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
