package dev.castline.domain;

import java.util.HashSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule an episode must satisfy before it is stored. The first violation is thrown as a
 * {@link ValidationException} naming the field by its JSON path.
 */
public final class EpisodeRules {
    public static final int MAX_TITLE = 255;
    public static final int MAX_SUMMARY_BYTES = 4000;
    public static final int MAX_SHOW_NOTES = 100_000;
    public static final int MAX_CHAPTERS = 500;
    public static final int MAX_GUESTS = 20;
    /** Bounded so that one write (episode + slug + a tag entry per tag, old and new) fits a transaction. */
    public static final int MAX_TAGS = 30;
    public static final int MAX_LINKS = 200;
    public static final int MAX_FORMER_SLUGS = 20;
    public static final long MAX_AUDIO_BYTES = 4L * 1024 * 1024 * 1024;
    /**
     * What one episode may weigh in all: DynamoDB refuses items over 400 KB, and each field's own
     * limit does not bound their sum (escaped HTML can be several times its Markdown).
     */
    public static final int MAX_STORED_BYTES = 350_000;
    /**
     * Publish times lie in these years: listings sort and bound by the time as text, which is
     * time order only while years have four digits.
     */
    public static final Instant EARLIEST_PUBLISH = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST_PUBLISH = Instant.parse("9999-12-31T23:59:59Z");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private EpisodeRules() {
    }

    public static Episode validate(Episode e) {
        if (e.id() == null || !ID.matcher(e.id()).matches()) {
            throw new ValidationException("id", "must be 1 to 64 letters, digits or hyphens");
        }
        if (!Slugs.isValid(e.slug())) {
            throw new ValidationException("slug", "must be lowercase letters and digits in hyphen-separated words, at most " + Slugs.MAX_LENGTH + " characters");
        }
        Text.requireLine("guid", e.guid(), 255);
        Text.requireLine("title", e.title(), MAX_TITLE);
        Text.optionalBlock("summary", e.summary(), MAX_SUMMARY_BYTES);
        Text.requireUtf8BytesAtMost("summary", e.summary(), MAX_SUMMARY_BYTES);
        Text.optionalBlock("showNotes", e.showNotesMarkdown(), MAX_SHOW_NOTES);
        chapters(e.chapters());
        guests(e.guests());
        tags(e.tags());
        links(e.links());
        Podcasting20Rules.soundbites("soundbites", e.soundbites());
        Podcasting20Rules.socialInteracts("socialInteracts", e.socialInteracts());
        Podcasting20Rules.license("license", e.license());
        positive("season", e.season());
        positive("episode", e.episodeNumber());
        if (e.episodeType() == null) {
            throw new ValidationException("episodeType", "is required");
        }
        if (e.audio() != null) {
            audio(e.audio());
        }
        if (e.status() == null) {
            throw new ValidationException("status", "is required");
        }
        if (e.status().isReleased() && e.publishAt() == null) {
            throw new ValidationException("publishAt", "is required for a scheduled or published episode");
        }
        if (e.publishAt() != null && !isPublishTime(e.publishAt())) {
            throw new ValidationException("publishAt", publishTimeRule());
        }
        if (e.publishAt() != null && e.publishAt().getNano() != 0) {
            // Listings order and bound by the second: a finer time would make an episode public
            // in one view a moment before another.
            throw new ValidationException("publishAt", "must be a whole second");
        }
        if (e.version() < 1) {
            throw new ValidationException("version", "must be 1 or more");
        }
        if (e.formerSlugs().size() > MAX_FORMER_SLUGS) {
            throw new ValidationException("slug", "has been changed too many times (at most " + MAX_FORMER_SLUGS + ")");
        }
        if (storedBytes(e) > MAX_STORED_BYTES) {
            throw new ValidationException("showNotes", "make the episode smaller: its show notes, chapters and links come to more than "
                    + MAX_STORED_BYTES + " bytes in all");
        }
        return e;
    }

    /** Whether a time can be a publish time: from 1970 to the end of 9999. */
    public static boolean isPublishTime(Instant t) {
        return !t.isBefore(EARLIEST_PUBLISH) && !t.isAfter(LATEST_PUBLISH);
    }

    public static String publishTimeRule() {
        return "must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z";
    }

    /** An upper estimate of the stored item's size: every text in UTF-8, plus room for names and numbers. */
    static long storedBytes(Episode e) {
        long total = 4_096 + utf8(e.title()) + utf8(e.summary()) + utf8(e.showNotesMarkdown()) + utf8(e.showNotesHtml());
        for (Chapter c : e.chapters()) {
            total += 48 + utf8(c.title()) + utf8(c.url());
        }
        for (Guest g : e.guests()) {
            total += 96 + utf8(g.name()) + utf8(g.role()) + utf8(g.website()) + utf8(g.avatarUrl()) + utf8(g.socialHandle());
        }
        for (Link l : e.links()) {
            total += 48 + utf8(l.url()) + utf8(l.title());
        }
        for (String t : e.tags()) {
            total += 8 + utf8(t);
        }
        for (Soundbite b : e.soundbites()) {
            total += 48 + utf8(b.title());
        }
        for (SocialInteract s : e.socialInteracts()) {
            total += 96 + utf8(s.uri()) + utf8(s.accountId()) + utf8(s.accountUrl());
        }
        if (e.license() != null) {
            total += 48 + utf8(e.license().identifier()) + utf8(e.license().url());
        }
        // Summary fields are copied to each tag entry, but those are items of their own.
        return total;
    }

    private static long utf8(String s) {
        if (s == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static void chapters(List<Chapter> chapters) {
        if (chapters.size() > MAX_CHAPTERS) {
            throw new ValidationException("chapters", "must hold at most " + MAX_CHAPTERS + " chapters");
        }
        long previous = -1;
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            String at = "chapters[" + i + "]";
            if (c.startMillis() < 0) {
                throw new ValidationException(at + ".startTime", "must not be negative");
            }
            if (c.startMillis() <= previous) {
                throw new ValidationException(at + ".startTime", "must be later than the chapter before it");
            }
            previous = c.startMillis();
            Text.requireLine(at + ".title", c.title(), MAX_TITLE);
            Text.optionalHttpUrl(at + ".url", c.url());
        }
    }

    private static void guests(List<Guest> guests) {
        if (guests.size() > MAX_GUESTS) {
            throw new ValidationException("guests", "must hold at most " + MAX_GUESTS + " guests");
        }
        for (int i = 0; i < guests.size(); i++) {
            Guest g = guests.get(i);
            String at = "guests[" + i + "]";
            Text.requireLine(at + ".name", g.name(), 200);
            Text.requireLine(at + ".role", g.role(), 50);
            Text.optionalHttpUrl(at + ".website", g.website());
            Text.optionalHttpUrl(at + ".avatarUrl", g.avatarUrl());
            Text.optionalLine(at + ".socialHandle", g.socialHandle(), 100);
        }
    }

    private static void tags(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new ValidationException("tags", "must hold at most " + MAX_TAGS + " tags");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (!Tags.isValid(tag)) {
                throw new ValidationException("tags[" + i + "]", Tags.describeRule());
            }
            if (!seen.add(tag)) {
                throw new ValidationException("tags[" + i + "]", "is listed twice");
            }
        }
    }

    private static void links(List<Link> links) {
        if (links.size() > MAX_LINKS) {
            throw new ValidationException("links", "must hold at most " + MAX_LINKS + " links");
        }
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            String at = "links[" + i + "]";
            if (l.kind() == null) {
                throw new ValidationException(at + ".kind", "is required");
            }
            Text.requireHttpUrl(at + ".url", l.url());
            Text.optionalLine(at + ".title", l.title(), MAX_TITLE);
        }
    }

    /** What an enclosure type of another host's audio may be: audio or video, as feeds write them. */
    private static final java.util.regex.Pattern EXTERNAL_TYPE = java.util.regex.Pattern.compile("(audio|video)/[a-z0-9][a-z0-9.+-]{0,62}");

    private static void audio(Audio a) {
        if (a.isExternal()) {
            // Another host's enclosure, kept as that host wrote it (apps already hold it): a URL,
            // an audio or video type, a length that may be 0 (many hosts write that).
            Text.requireHttpUrl("audio.url", a.externalUrl());
            if (a.contentType() == null || !EXTERNAL_TYPE.matcher(a.contentType()).matches()) {
                throw new ValidationException("audio.type", "must be an audio or video type, e.g. audio/mpeg");
            }
            if (a.bytes() < 0 || a.bytes() > MAX_AUDIO_BYTES) {
                throw new ValidationException("audio.bytes", "must be from 0 to " + MAX_AUDIO_BYTES);
            }
            if (a.durationMillis() < 0) {
                throw new ValidationException("audio.durationSeconds", "must not be negative");
            }
            return;
        }
        if (MediaKey.parse(a.key()).filter(k -> k.kind() == MediaKey.Kind.AUDIO).isEmpty()) {
            throw new ValidationException("audio.key", "must look like audio/{episodeId}/{uploadId}.mp3 or .m4a");
        }
        if (AudioFormat.ofContentType(a.contentType()).filter(f -> f.contentType().equals(a.contentType())).isEmpty()) {
            throw new ValidationException("audio.contentType", "must be " + AudioFormat.contentTypeList());
        }
        if (a.bytes() <= 0 || a.bytes() > MAX_AUDIO_BYTES) {
            throw new ValidationException("audio.bytes", "must be from 1 to " + MAX_AUDIO_BYTES);
        }
        if (a.durationMillis() < 0) {
            throw new ValidationException("audio.durationSeconds", "must not be negative");
        }
    }

    private static void positive(String field, Integer value) {
        if (value != null && (value < 1 || value > 1_000_000)) {
            throw new ValidationException(field, "must be a whole number from 1 to 1000000");
        }
    }
}
