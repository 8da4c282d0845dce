package dev.castline.domain;

import java.util.Locale;

/**
 * Where an episode is in its life. {@code SCHEDULED} and {@code PUBLISHED} are both "released":
 * a released episode is public once its publish time has passed, decided when it is read (no cron
 * flips the stored value), see {@link Episode#isPublicAt}.
 */
public enum Status {
    DRAFT, SCHEDULED, PUBLISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
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
