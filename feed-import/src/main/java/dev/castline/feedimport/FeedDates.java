package dev.castline.feedimport;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publish dates as feeds write them. RFC 822/2822 and the variants real hosts produce: with or
 * without the weekday (a wrong weekday is ignored, as every podcast app does), one- or two-digit
 * days, month names in full or abbreviated in any case, two-digit years (00-49 are 2000-2049,
 * 50-99 are 1950-1999, as RFC 2822 says), seconds optional, AM/PM, extra spaces and commas, zones as
 * numeric offsets ({@code +0000}, {@code -05:00}, {@code GMT+2}) or names (UT, UTC, GMT, Z, the
 * North American zones, a few European and Australian ones), or no zone (read as UTC and reported).
 * And ISO 8601 ({@code 2021-10-28T00:44:34Z}, with an offset, without a zone, a date alone).
 */
final class FeedDates {
    /** A parsed date, and a note when it needed a guess the host should know about. */
    record Parsed(Instant instant, String note) {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("ut", "+00:00"), Map.entry("utc", "+00:00"), Map.entry("gmt", "+00:00"), Map.entry("z", "+00:00"),
            Map.entry("est", "-05:00"), Map.entry("edt", "-04:00"), Map.entry("cst", "-06:00"), Map.entry("cdt", "-05:00"),
            Map.entry("mst", "-07:00"), Map.entry("mdt", "-06:00"), Map.entry("pst", "-08:00"), Map.entry("pdt", "-07:00"),
            Map.entry("akst", "-09:00"), Map.entry("akdt", "-08:00"), Map.entry("hst", "-10:00"),
            Map.entry("ast", "-04:00"), Map.entry("adt", "-03:00"),
            Map.entry("bst", "+01:00"), Map.entry("wet", "+00:00"), Map.entry("west", "+01:00"),
            Map.entry("cet", "+01:00"), Map.entry("cest", "+02:00"), Map.entry("met", "+01:00"), Map.entry("mest", "+02:00"),
            Map.entry("eet", "+02:00"), Map.entry("eest", "+03:00"),
            Map.entry("aest", "+10:00"), Map.entry("aedt", "+11:00"), Map.entry("acst", "+09:30"), Map.entry("acdt", "+10:30"),
            Map.entry("awst", "+08:00"), Map.entry("nzst", "+12:00"), Map.entry("nzdt", "+13:00"), Map.entry("jst", "+09:00"));

    private static final java.util.Set<String> WEEKDAYS = java.util.Set.of(
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?");
    private static final Pattern OFFSET = Pattern.compile("(?:(?:gmt|utc|ut)?)([+-])(\\d{1,2}):?(\\d{2})?");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

    private FeedDates() {
    }

    static Optional<Parsed> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            if (ISO.matcher(s).matches()) {
                return iso(s);
            }
            return rfc822(s);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Parsed> iso(String s) {
        String t = s.replace(' ', 'T').replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            return Optional.of(new Parsed(OffsetDateTime.parse(t).toInstant(), null));
        } catch (DateTimeParseException ignored) {
            // no offset, or a short form
        }
        try {
            return Optional.of(new Parsed(Instant.parse(t), null));
        } catch (DateTimeParseException ignored) {
            // no zone
        }
        try {
            return Optional.of(new Parsed(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC), "no time zone: read as UTC"));
        } catch (DateTimeParseException ignored) {
            // a date alone
        }
        if (s.length() == 10) {
            return Optional.of(new Parsed(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC), "a date without a time: read as midnight UTC"));
        }
        return Optional.empty();
    }

    private static Optional<Parsed> rfc822(String s) {
        String[] tokens = s.toLowerCase(Locale.ROOT).replace(',', ' ').strip().split("\\s+");
        Integer day = null;
        Integer month = null;
        Integer year = null;
        LocalTime time = null;
        ZoneOffset zone = null;
        boolean pm = false;
        boolean am = false;
        for (String token : tokens) {
            Matcher tm = TIME.matcher(token);
            Matcher om = OFFSET.matcher(token);
            String word = token.replace(".", "");
            if (time == null && tm.matches()) {
                int nanos = tm.group(4) == null ? 0 : Integer.parseInt((tm.group(4) + "000000000").substring(0, 9));
                time = LocalTime.of(Integer.parseInt(tm.group(1)), Integer.parseInt(tm.group(2)),
                        tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3)), nanos);
            } else if (token.matches("\\d{1,4}")) {
                int n = Integer.parseInt(token);
                if (token.length() <= 2 && day == null && time == null && n >= 1 && n <= 31) {
                    day = n;
                } else if (year == null && (time == null || token.length() == 4)) {
                    year = token.length() <= 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
                } else {
                    return Optional.empty();
                }
            } else if (month == null && word.length() >= 3 && MONTHS.containsKey(word.substring(0, 3))
                    && isMonthName(word)) {
                month = MONTHS.get(word.substring(0, 3));
            } else if (WEEKDAYS.contains(word)) {
                continue;
            } else if (word.equals("am") || word.equals("pm")) {
                am = word.equals("am");
                pm = word.equals("pm");
            } else if (zone == null && time != null && ZONES.containsKey(word)) {
                zone = ZoneOffset.of(ZONES.get(word));
            } else if (zone == null && time != null && om.matches()) {
                int hours = Integer.parseInt(om.group(2));
                int minutes = om.group(3) == null ? 0 : Integer.parseInt(om.group(3));
                int sign = om.group(1).equals("-") ? -1 : 1;
                zone = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } else if (zone != null && om.matches() && zone.getTotalSeconds() == 0) {
                // "GMT +0200": the offset after the name wins
                int hours = Integer.parseInt(om.group(2));
                int minutes = om.group(3) == null ? 0 : Integer.parseInt(om.group(3));
                int sign = om.group(1).equals("-") ? -1 : 1;
                zone = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } else {
                return Optional.empty();
            }
        }
        if (day == null || month == null || year == null) {
            return Optional.empty();
        }
        if (time == null) {
            time = LocalTime.MIDNIGHT;
        }
        if (pm && time.getHour() < 12) {
            time = time.plusHours(12);
        } else if (am && time.getHour() == 12) {
            time = time.minusHours(12);
        }
        LocalDateTime local = LocalDateTime.of(LocalDate.of(year, month, day), time);
        if (zone == null) {
            return Optional.of(new Parsed(local.toInstant(ZoneOffset.UTC), "no time zone: read as UTC"));
        }
        return Optional.of(new Parsed(local.toInstant(zone), null));
    }

    private static boolean isMonthName(String word) {
        String[] full = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
        for (String name : full) {
            if (name.startsWith(word) || word.equals("sept")) {
                return true;
            }
        }
        return false;
    }
}
