package dev.castline.domain;

import java.util.Locale;

/** Apple's {@code itunes:episodeType}. */
public enum EpisodeType {
    FULL, TRAILER, BONUS;

    /** Lower case, as in the API and the table; made once, it is read for every episode read. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
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
