package dev.castline.feedimport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/**
 * Reads the clock values feeds write: {@code itunes:duration} ({@code 3023}, {@code 50:23},
 * {@code 1:02:03}, any of them with a fraction: {@code 3023.5}, {@code 00:50:23.250}) and Podlove's
 * Normal Play Time ({@code 37}, {@code 7:48}, {@code 01:35:52}, {@code 35:12.250}). Minutes and
 * seconds after the first field must be below 60; the first field may be any size
 * ({@code 75:00} is 75 minutes).
 */
final class Durations {
    private static final long MAX_MILLIS = 1000L * 60 * 60 * 24 * 31;

    private Durations() {
    }

    /** Milliseconds, rounded to the nearest; empty when blank or unreadable. */
    static OptionalLong parseMillis(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 3) {
            return OptionalLong.empty();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            boolean last = i == parts.length - 1;
            if (!(last ? part.matches("\\d{1,9}([.,]\\d{1,9})?") : part.matches("\\d{1,9}"))) {
                return OptionalLong.empty();
            }
            BigDecimal value = new BigDecimal(part.replace(',', '.'));
            if (i > 0 && value.compareTo(BigDecimal.valueOf(60)) >= 0) {
                return OptionalLong.empty();
            }
            total = total.multiply(BigDecimal.valueOf(60)).add(value);
        }
        BigDecimal millis = total.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP);
        if (millis.compareTo(BigDecimal.valueOf(MAX_MILLIS)) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(millis.longValueExact());
    }
}
