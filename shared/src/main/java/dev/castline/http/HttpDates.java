package dev.castline.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 §5.6.7). Written as IMF-fixdate, always two-digit days
 * ({@code Tue, 01 Dec 2026 09:00:00 GMT}), which the JDK's RFC 1123 formatter does not do for
 * days 1 to 9; read in that form and the RFC 1123 ones clients also send.
 */
public final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LENIENT = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** The instant a header's date names; empty when it is not a date (RFC 9110: then it is ignored). */
    public static Optional<Instant> parse(String value) {
        try {
            return Optional.of(Instant.from(LENIENT.parse(value.strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
