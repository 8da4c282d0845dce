package dev.castline.functions.downloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a CloudFront standard access log (W3C extended format: {@code #Version} and
 * {@code #Fields} header lines, then one tab-separated line per request), line by line, never the
 * whole file. Fields are found by the names in the {@code #Fields} line, so fields added or
 * reordered by CloudFront (or chosen differently in standard logging v2) never break it; a field
 * the log does not carry reads as absent ({@code -}). {@code cs(User-Agent)} is URL-encoded in
 * these logs and is decoded here.
 */
public final class CloudFrontLog {
    static final String DATE = "date";
    static final String TIME = "time";
    static final String CLIENT_IP = "c-ip";
    static final String METHOD = "cs-method";
    static final String URI_STEM = "cs-uri-stem";
    static final String STATUS = "sc-status";
    static final String USER_AGENT = "cs(User-Agent)";
    static final String BYTES = "sc-bytes";
    static final String RANGE_START = "sc-range-start";
    static final String RANGE_END = "sc-range-end";
    /** Only in standard logging v2 when chosen; legacy logs have no country. */
    static final String COUNTRY = "c-country";
    static final List<String> REQUIRED = List.of(DATE, TIME, CLIENT_IP, METHOD, URI_STEM, STATUS, USER_AGENT);

    /**
     * One request.
     *
     * @param day        the UTC date, {@code 2026-01-15}
     * @param rangeStart the served range's first byte, or -1 when the response had no Content-Range
     * @param rangeEnd   its last byte (inclusive), or -1
     * @param bytes      bytes sent to the viewer (headers included), or -1 when absent
     * @param country    ISO 3166 alpha-2, or null when the log does not say
     */
    public record Line(String day, long epochSecond, String clientIp, String method, String uriStem, int status,
                       String userAgent, long bytes, long rangeStart, long rangeEnd, String country) {
    }

    /** A log this reader cannot read: no {@code #Fields} line before the data, or a required field missing from it. */
    public static final class FormatException extends IOException {
        FormatException(String message) {
            super(message);
        }
    }

    private CloudFrontLog() {
    }

    /**
     * Calls {@code each} for every request line, in order. Lines with too few fields, or a date,
     * time or status that does not parse, are skipped and counted.
     *
     * @return how many lines were skipped as malformed
     */
    public static long read(InputStream in, Consumer<Line> each) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Columns columns = null;
        Map<String, Long> dayStarts = new HashMap<>();
        long malformed = 0;
        String text;
        while ((text = reader.readLine()) != null) {
            if (text.isEmpty()) {
                continue;
            }
            if (text.charAt(0) == '#') {
                if (text.startsWith("#Fields:")) {
                    columns = Columns.of(text.substring("#Fields:".length()).trim());
                }
                continue;
            }
            if (columns == null) {
                throw new FormatException("a request line before the #Fields line");
            }
            Line line = columns.parse(text, dayStarts);
            if (line == null) {
                malformed++;
            } else {
                each.accept(line);
            }
        }
        return malformed;
    }

    /** Where each field is, by the #Fields line. */
    private record Columns(int count, int date, int time, int ip, int method, int stem, int status, int agent,
                           int bytes, int rangeStart, int rangeEnd, int country) {
        static Columns of(String names) throws FormatException {
            String[] fields = names.split("\\s+");
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < fields.length; i++) {
                at.putIfAbsent(fields[i], i);
            }
            for (String required : REQUIRED) {
                if (!at.containsKey(required)) {
                    throw new FormatException("the #Fields line has no " + required);
                }
            }
            return new Columns(fields.length, at.get(DATE), at.get(TIME), at.get(CLIENT_IP), at.get(METHOD), at.get(URI_STEM),
                    at.get(STATUS), at.get(USER_AGENT), at.getOrDefault(BYTES, -1), at.getOrDefault(RANGE_START, -1),
                    at.getOrDefault(RANGE_END, -1), at.getOrDefault(COUNTRY, -1));
        }

        Line parse(String text, Map<String, Long> dayStarts) {
            String[] v = split(text, count);
            if (v == null) {
                return null;
            }
            try {
                String day = v[date];
                Long dayStart = dayStarts.get(day);
                if (dayStart == null) {
                    dayStart = LocalDate.parse(day).toEpochDay() * 86_400L;
                    dayStarts.put(day, dayStart);
                }
                String t = v[time];
                if (t.length() < 8 || t.charAt(2) != ':' || t.charAt(5) != ':') {
                    return null;
                }
                long seconds = Integer.parseInt(t, 0, 2, 10) * 3600L + Integer.parseInt(t, 3, 5, 10) * 60L + Integer.parseInt(t, 6, 8, 10);
                String cc = country < 0 ? null : v[country];
                return new Line(day, dayStart + seconds, v[ip], v[method], v[stem], Integer.parseInt(v[status]),
                        percentDecode(v[agent]), number(v, bytes), number(v, rangeStart), number(v, rangeEnd),
                        cc == null || cc.length() != 2 ? null : cc);
            } catch (NumberFormatException | DateTimeParseException e) {
                return null;
            }
        }

        private static long number(String[] v, int index) {
            if (index < 0 || v[index].isEmpty() || v[index].equals("-")) {
                return -1;
            }
            return Long.parseLong(v[index]);
        }
    }

    /** The tab-separated values of a line, or null if it has fewer than {@code count}. */
    private static String[] split(String text, int count) {
        String[] out = new String[count];
        int start = 0;
        for (int i = 0; i < count; i++) {
            int tab = text.indexOf('\t', start);
            if (tab < 0) {
                if (i != count - 1) {
                    return null;
                }
                tab = text.length();
            }
            out[i] = text.substring(start, tab);
            start = tab + 1;
        }
        return out;
    }

    /**
     * %XX escapes decoded as UTF-8; a '+' stays a '+' (user agents carry "+http://..."), and a
     * malformed escape is kept as it is.
     */
    static String percentDecode(String s) {
        int first = s.indexOf('%');
        if (first < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** For tests and the local stack: the lines of a log, read whole. */
    static List<Line> readAll(InputStream in) {
        List<Line> lines = new ArrayList<>();
        try {
            read(in, lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
