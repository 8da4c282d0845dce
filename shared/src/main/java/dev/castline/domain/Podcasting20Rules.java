package dev.castline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the Podcasting 2.0 settings shows and episodes share ({@code podcast:license},
 * {@code podcast:location}, {@code podcast:txt}, {@code podcast:podroll},
 * {@code podcast:updateFrequency}, {@code podcast:soundbite}, {@code podcast:socialInteract}), as
 * the namespace's documents state them. Each violation names the field by its JSON path.
 */
public final class Podcasting20Rules {
    /** The namespace asks that node values and attributes not pass 128 characters (aggregators truncate them). */
    public static final int MAX_SHORT_TEXT = 128;
    public static final int MAX_TXT_VALUE = 4000;
    public static final int MAX_TXT = 20;
    public static final int MAX_PODROLL = 100;
    public static final int MAX_SOUNDBITES = 20;
    /** The namespace recommends 15 to 120 s; anything up to five minutes is still a bite. */
    public static final long MAX_SOUNDBITE_MILLIS = 300_000;
    public static final long MAX_TIME_MILLIS = 100L * 3600 * 1000;
    public static final int MAX_SOCIAL_INTERACTS = 10;

    /** An SPDX-shaped identifier: what a license without a URL must be (a well-known license). */
    private static final Pattern SPDX_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]*");
    /** RFC 5870: geo:lat,lon[,alt][;crs=…][;u=…][;param=value]… */
    private static final Pattern GEO = Pattern.compile(
            "geo:(-?\\d{1,3}(?:\\.\\d+)?),(-?\\d{1,3}(?:\\.\\d+)?)(?:,-?\\d+(?:\\.\\d+)?)?((?:;[A-Za-z0-9-]+=[A-Za-z0-9\\-.!~*'()%:\\[\\]&+$]+)*)");
    private static final Pattern OSM = Pattern.compile("[NWR][1-9]\\d{0,18}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> FREQUENCIES = Set.of("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    private static final Set<String> RRULE_PARTS = Set.of("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
            "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");
    private static final Pattern RRULE_VALUE = Pattern.compile("[A-Za-z0-9,+\\-:.]{1,200}");
    private static final Set<String> SOCIAL_SCHEMES = Set.of("https", "at", "nostr", "matrix");

    private Podcasting20Rules() {
    }

    public static void license(String field, License l) {
        if (l == null) {
            return;
        }
        Text.requireLine(field + ".identifier", l.identifier(), MAX_SHORT_TEXT);
        Text.optionalHttpsUrl(field + ".url", l.url());
        if (l.url() == null && !SPDX_ID.matcher(l.identifier()).matches()) {
            throw new ValidationException(field + ".url", "is required for a custom license (an identifier that is not an SPDX id such as cc-by-4.0)");
        }
    }

    public static void location(String field, Location l) {
        if (l == null) {
            return;
        }
        Text.requireLine(field + ".name", l.name(), MAX_SHORT_TEXT);
        if (l.geo() != null) {
            var m = GEO.matcher(l.geo());
            if (l.geo().length() > MAX_SHORT_TEXT || !m.matches() || Math.abs(Double.parseDouble(m.group(1))) > 90
                    || Math.abs(Double.parseDouble(m.group(2))) > 180) {
                throw new ValidationException(field + ".geo", "must be an RFC 5870 geo URI such as geo:30.2672,97.7431 (latitude -90 to 90, longitude -180 to 180)");
            }
        }
        if (l.osm() != null && !OSM.matcher(l.osm()).matches()) {
            throw new ValidationException(field + ".osm", "must be an OpenStreetMap type (N, W or R) and id, such as R113314");
        }
    }

    public static void txt(String field, List<TxtRecord> records) {
        if (records.size() > MAX_TXT) {
            throw new ValidationException(field, "must hold at most " + MAX_TXT + " records");
        }
        for (int i = 0; i < records.size(); i++) {
            String at = field + "[" + i + "]";
            TxtRecord t = records.get(i);
            Text.optionalLine(at + ".purpose", t.purpose(), MAX_SHORT_TEXT);
            if (t.purpose() != null && t.purpose().isBlank()) {
                throw new ValidationException(at + ".purpose", "must not be blank (leave it out instead)");
            }
            Text.requireLine(at + ".value", t.value(), MAX_TXT_VALUE);
        }
    }

    /** @param ownGuid the show's own podcast:guid, which it cannot recommend */
    public static void podroll(String field, List<RemoteItem> items, String ownGuid) {
        if (items.size() > MAX_PODROLL) {
            throw new ValidationException(field, "must hold at most " + MAX_PODROLL + " shows");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            RemoteItem r = items.get(i);
            if (r.feedGuid() == null || !UUID_TEXT.matcher(r.feedGuid()).matches()) {
                throw new ValidationException(at + ".feedGuid", "must be a UUID (the show's podcast:guid), e.g. 917393e3-1b1e-5cef-ace4-edaa54e1f810");
            }
            String guid = r.feedGuid().toLowerCase(Locale.ROOT);
            if (guid.equals(ownGuid)) {
                throw new ValidationException(at + ".feedGuid", "is this show's own podcast:guid");
            }
            if (!seen.add(guid)) {
                throw new ValidationException(at + ".feedGuid", "is listed twice");
            }
            Text.optionalHttpUrl(at + ".feedUrl", r.feedUrl());
            Text.optionalLine(at + ".title", r.title(), MAX_SHORT_TEXT);
        }
    }

    public static void updateFrequency(String field, UpdateFrequency u) {
        if (u == null) {
            return;
        }
        Text.requireLine(field + ".text", u.text(), MAX_SHORT_TEXT);
        boolean counted = false;
        String until = null;
        if (u.rrule() != null) {
            Set<String> parts = new HashSet<>();
            String rule = u.rrule();
            if (rule.length() > 500 || rule.isEmpty()) {
                throw new ValidationException(field + ".rrule", "must be an RFC 5545 recurrence rule of at most 500 characters, e.g. FREQ=WEEKLY;BYDAY=MO");
            }
            for (String part : rule.split(";", -1)) {
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : part.substring(eq + 1);
                if (!RRULE_PARTS.contains(name) || !RRULE_VALUE.matcher(value).matches()) {
                    throw new ValidationException(field + ".rrule", "must be an RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO (" + quote(part) + " is not a rule part)");
                }
                if (!parts.add(name)) {
                    throw new ValidationException(field + ".rrule", "names " + name + " twice");
                }
                if (name.equals("FREQ") && !FREQUENCIES.contains(value)) {
                    throw new ValidationException(field + ".rrule", "FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY (or HOURLY, MINUTELY, SECONDLY)");
                }
                if ((name.equals("COUNT") || name.equals("INTERVAL")) && !value.matches("[1-9]\\d{0,5}")) {
                    throw new ValidationException(field + ".rrule", name + " must be a whole number from 1 to 999999");
                }
                counted |= name.equals("COUNT");
                if (name.equals("UNTIL")) {
                    until = value;
                }
            }
            if (!parts.contains("FREQ")) {
                throw new ValidationException(field + ".rrule", "must name FREQ, e.g. FREQ=WEEKLY");
            }
            if (counted && until != null) {
                throw new ValidationException(field + ".rrule", "must not name both COUNT and UNTIL");
            }
        }
        if (u.dtstart() != null && !isIsoDate(u.dtstart())) {
            throw new ValidationException(field + ".dtstart", "must be an ISO 8601 date or date-time, e.g. 2023-08-28T00:00:00.000Z");
        }
        if (counted && u.dtstart() == null) {
            throw new ValidationException(field + ".dtstart", "is required by a rule with COUNT");
        }
        if (until != null && !isIsoDate(until) && !until.matches("\\d{8}(T\\d{6}Z?)?")) {
            throw new ValidationException(field + ".rrule", "UNTIL must be a date or date-time");
        }
    }

    public static void soundbites(String field, List<Soundbite> bites) {
        if (bites.size() > MAX_SOUNDBITES) {
            throw new ValidationException(field, "must hold at most " + MAX_SOUNDBITES + " soundbites");
        }
        for (int i = 0; i < bites.size(); i++) {
            String at = field + "[" + i + "]";
            Soundbite b = bites.get(i);
            if (b.startMillis() < 0 || b.startMillis() > MAX_TIME_MILLIS) {
                throw new ValidationException(at + ".startTime", "must be from 0 to 360000 seconds");
            }
            if (b.durationMillis() <= 0 || b.durationMillis() > MAX_SOUNDBITE_MILLIS) {
                throw new ValidationException(at + ".duration", "must be more than 0 and at most " + MAX_SOUNDBITE_MILLIS / 1000 + " seconds");
            }
            Text.optionalLine(at + ".title", b.title(), MAX_SHORT_TEXT);
        }
    }

    public static void socialInteracts(String field, List<SocialInteract> list) {
        if (list.size() > MAX_SOCIAL_INTERACTS) {
            throw new ValidationException(field, "must hold at most " + MAX_SOCIAL_INTERACTS + " threads");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            SocialInteract s = list.get(i);
            if (s.protocol() == null || !SocialInteract.PROTOCOLS.contains(s.protocol())) {
                throw new ValidationException(at + ".protocol", "must be one of " + String.join(", ", SocialInteract.PROTOCOLS));
            }
            if (s.protocol().equals(SocialInteract.DISABLED)) {
                if (list.size() > 1) {
                    throw new ValidationException(at + ".protocol", "disabled (no comments) must be the only entry");
                }
                if (s.uri() != null || s.accountId() != null || s.accountUrl() != null || s.priority() != null) {
                    throw new ValidationException(at, "with protocol disabled takes no uri, accountId, accountUrl or priority");
                }
                continue;
            }
            socialUri(at + ".uri", s.uri());
            Text.optionalLine(at + ".accountId", s.accountId(), MAX_SHORT_TEXT);
            Text.optionalHttpsUrl(at + ".accountUrl", s.accountUrl());
            if (s.priority() != null && (s.priority() < 0 || s.priority() > 1000)) {
                throw new ValidationException(at + ".priority", "must be a whole number from 0 to 1000");
            }
        }
    }

    private static void socialUri(String field, String uri) {
        if (uri == null || uri.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        Text.optionalLine(field, uri, Text.MAX_URL_LENGTH);
        String rule = "must be the thread's root post as an https, at, nostr or matrix URI";
        try {
            java.net.URI parsed = new java.net.URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!SOCIAL_SCHEMES.contains(scheme) || (scheme.equals("https") && parsed.getHost() == null)
                    || parsed.getSchemeSpecificPart() == null || parsed.getSchemeSpecificPart().isEmpty()) {
                throw new ValidationException(field, rule);
            }
        } catch (java.net.URISyntaxException e) {
            throw new ValidationException(field, rule);
        }
    }

    private static boolean isIsoDate(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
}
