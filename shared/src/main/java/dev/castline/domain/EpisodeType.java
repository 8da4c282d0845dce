package dev.castline.domain;

import java.util.Locale;

/** Apple's {@code itunes:episodeType}. */
public enum EpisodeType {
    FULL, TRAILER, BONUS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EpisodeType fromWire(String value, String field) {
        for (EpisodeType t : values()) {
            if (t.wireName().equals(value)) {
                return t;
            }
        }
        throw new ValidationException(field, "must be one of full, trailer, bonus");
    }
}
