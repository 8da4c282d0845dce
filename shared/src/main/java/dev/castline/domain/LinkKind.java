package dev.castline.domain;

import java.util.Locale;

/** How a show-notes link is grouped: "References" or "Libraries Used" in the seeds. */
public enum LinkKind {
    REFERENCE, LIBRARY;

    /** Lower case, as in the API and the table; made once, it is read for every episode read. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static LinkKind fromWire(String value, String field) {
        for (LinkKind k : values()) {
            if (k.wireName().equals(value)) {
                return k;
            }
        }
        throw new ValidationException(field, "must be one of reference, library");
    }
}
