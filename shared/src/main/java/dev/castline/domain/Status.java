package dev.castline.domain;

import java.util.Locale;

/**
 * Where an episode is in its life. {@code SCHEDULED} and {@code PUBLISHED} are both "released":
 * a released episode is public once its publish time has passed, decided when it is read (no cron
 * flips the stored value), see {@link Episode#isPublicAt}.
 */
public enum Status {
    DRAFT, SCHEDULED, PUBLISHED;

    /** Lower case, as in the API and the table; made once, it is read for every episode read. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public boolean isReleased() {
        return this != DRAFT;
    }

    public static Status fromWire(String value, String field) {
        for (Status s : values()) {
            if (s.wireName().equals(value)) {
                return s;
            }
        }
        throw new ValidationException(field, "must be one of draft, scheduled, published");
    }
}
