package dev.castline.functions.site;

import dev.castline.http.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times as listeners read and share them: {@code 1:28}, {@code 1:02:03}, or plain seconds. */
public final class Times {
    /** Twelve hours: no episode is longer, and the limit keeps the arithmetic far from overflow. */
    static final long MAX_SECONDS = 12 * 3600;
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})|(\\d{1,5})");

    private Times() {
    }

    /** {@code M:SS} under an hour, {@code H:MM:SS} from one. */
    public static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        StringBuilder out = new StringBuilder(8);
        if (h > 0) {
            out.append(h).append(':');
            twoDigits(out, m);
        } else {
            out.append(m);
        }
        out.append(':');
        twoDigits(out, seconds % 60);
        return out.toString();
    }

    /**
     * The day as listeners read it, {@code 8 Feb 2021} (UTC). By hand rather than with a
     * {@code DateTimeFormatter} pattern: month names from the JDK's locale data cost a cold start
     * about 30 ms of class loading for twelve fixed English words.
     */
    public static String day(Instant at) {
        LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    /** The day as machines read it, {@code 2021-02-08} (UTC): {@code <time datetime>}, JSON-LD, the sitemap. */
    public static String isoDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private static void twoDigits(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }

    /**
     * The start time a page was asked for ({@code ?t=}): {@code 88}, {@code 1:28} or {@code 1:02:03}.
     *
     * @throws ApiException 400 naming {@code t} for anything else, before anything is read
     */
    public static Optional<Long> startParameter(Optional<String> t) {
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CLOCK.matcher(t.get());
        if (!m.matches()) {
            throw notATime();
        }
        long seconds;
        if (m.group(4) != null) {
            seconds = Long.parseLong(m.group(4));
        } else {
            long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long min = Long.parseLong(m.group(2));
            long s = Long.parseLong(m.group(3));
            if (s > 59 || (m.group(1) != null && min > 59)) {
                throw notATime();
            }
            seconds = h * 3600 + min * 60 + s;
        }
        if (seconds > MAX_SECONDS) {
            throw notATime();
        }
        return Optional.of(seconds);
    }

    private static ApiException notATime() {
        return ApiException.badRequest("t", "t must be a time in the episode, like 1:28 or 1:02:03");
    }
}
