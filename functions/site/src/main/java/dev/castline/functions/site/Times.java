package dev.castline.functions.site;

import dev.castline.http.ApiException;
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
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
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
            throw ApiException.badRequest("t", "t must be a time in the episode, like 1:28 or 1:02:03");
        }
        long seconds;
        if (m.group(4) != null) {
            seconds = Long.parseLong(m.group(4));
        } else {
            long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long min = Long.parseLong(m.group(2));
            long s = Long.parseLong(m.group(3));
            if (s > 59 || (m.group(1) != null && min > 59)) {
                throw ApiException.badRequest("t", "t must be a time in the episode, like 1:28 or 1:02:03");
            }
            seconds = h * 3600 + min * 60 + s;
        }
        if (seconds > MAX_SECONDS) {
            throw ApiException.badRequest("t", "t must be a time in the episode, like 1:28 or 1:02:03");
        }
        return Optional.of(seconds);
    }
}
