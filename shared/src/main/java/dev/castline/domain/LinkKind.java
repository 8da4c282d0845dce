package dev.castline.domain;

import java.util.Locale;

/** How a show-notes link is grouped: "References" or "Libraries Used" in the seeds. */
public enum LinkKind {
    REFERENCE, LIBRARY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
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
