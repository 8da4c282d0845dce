package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.feedimport.ImportedChapter;
import dev.castline.feedimport.ImportedItem;
import dev.castline.feedimport.ImportedPerson;
import dev.castline.feedimport.ImportedShow;
import dev.castline.feedimport.ImportedTranscript;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * From what another host's feed says to what the admin API accepts: the channel to the show's
 * settings (a value the feed lacks keeps the show's), an item to the body of
 * {@code POST /api/v1/admin/imports}, its transcript links to those Castline can take (best
 * first). Values over the API's limits are cut and said so; an item
 * that cannot become an episode without inventing something (no date, no title, no audio type) is
 * skipped with the reason, never guessed.
 */
final class FeedMapping {
    static final int MAX_TITLE = 255;
    static final int MAX_SHOW_NOTES = 100_000;
    static final int MAX_CHAPTERS = 500;
    static final int MAX_GUESTS = 20;
    static final int MAX_URL = 2048;
    static final long MAX_MILLIS = 100L * 3600 * 1000;
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[a-zA-Z]{2,8})*$");
    private static final Pattern MEDIA_TYPE = Pattern.compile("^(audio|video)/[a-z0-9][a-z0-9.+-]{0,62}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Apple's categories before its 2019 taxonomy, still in many feeds, as Apple itself moved them. */
    static final Map<String, String> LEGACY_CATEGORIES = Map.of(
            "News & Politics", "News",
            "Games & Hobbies", "Leisure",
            "Science & Medicine", "Science",
            "Sports & Recreation", "Sports",
            "Health", "Health & Fitness",
            "Government & Organizations", "Government");

    private FeedMapping() {
    }

    /** An item as the API's import body, or why it cannot be one; notes say what was cut or left out. */
    record Mapped(ObjectNode body, String skipped, List<String> notes) {
    }

    /** The show's settings with the feed's channel over them; fields the feed lacks keep their value. */
    static ObjectNode settings(JsonNode current, ImportedShow show) {
        ObjectNode next = current == null ? Api.JSON.createObjectNode() : current.deepCopy();
        put(next, "title", cut(show.title(), 255));
        put(next, "author", cut(show.author(), 255));
        put(next, "description", cutBytes(show.description(), 4000));
        if (show.language() != null) {
            String language = show.language().strip();
            int dash = language.indexOf('-');
            language = dash < 0 ? language.toLowerCase(Locale.ROOT)
                    : language.substring(0, dash).toLowerCase(Locale.ROOT) + language.substring(dash);
            if (LANGUAGE.matcher(language).matches()) {
                next.put("language", language);
            }
        }
        put(next, "artworkUrl", show.artworkUrl());
        if (!show.categories().isEmpty()) {
            ImportedShow.Category first = show.categories().get(0);
            String name = LEGACY_CATEGORIES.getOrDefault(first.name(), first.name());
            next.put("appleCategory", name);
            if (first.subcategory() == null || !name.equals(first.name())) {
                next.putNull("appleSubcategory");
            } else {
                next.put("appleSubcategory", first.subcategory());
            }
        }
        if (show.explicit() != null) {
            next.put("explicit", show.explicit());
        }
        if (show.owner() != null) {
            put(next, "ownerName", cut(show.owner().name(), 255));
            if (show.owner().email() != null && EMAIL.matcher(show.owner().email().strip()).matches()) {
                next.put("ownerEmail", show.owner().email().strip());
            }
        }
        put(next, "copyright", cut(show.copyright(), 255));
        if (!show.funding().isEmpty()) {
            ImportedShow.Funding funding = show.funding().get(0);
            next.put("fundingUrl", funding.url());
            if (funding.text() == null || funding.text().isBlank()) {
                next.putNull("fundingText");
            } else {
                next.put("fundingText", cut(funding.text().strip(), 128));
            }
        }
        if (show.serial() != null) {
            next.put("serial", show.serial());
        }
        if (show.locked() != null) {
            next.put("locked", show.locked().locked());
        }
        return next;
    }

    /** The settings' fields whose value {@code next} changes. */
    static List<String> changed(JsonNode current, JsonNode next) {
        List<String> changed = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = next.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode before = current == null ? null : current.get(f.getKey());
            boolean wasEmpty = before == null || before.isNull();
            boolean isEmpty = f.getValue() == null || f.getValue().isNull();
            if (wasEmpty ? !isEmpty : !before.equals(f.getValue())) {
                changed.add(f.getKey());
            }
        }
        return changed;
    }

    /**
     * The import body of an item. {@code chapters} are the item's (inline, or from its chapters
     * file); the rest comes from the item.
     */
    static Mapped item(ImportedItem item, List<ImportedChapter> chapters) {
        List<String> notes = new ArrayList<>();
        if (item.publishedAt() == null) {
            return new Mapped(null, "no readable pubDate: its publish date would be invented", notes);
        }
        if (item.title() == null || item.title().isBlank()) {
            return new Mapped(null, "no title", notes);
        }
        if (item.enclosure().url().length() > MAX_URL) {
            return new Mapped(null, "its enclosure URL is longer than " + MAX_URL + " characters", notes);
        }
        if (item.guid().length() > 255) {
            return new Mapped(null, "its guid is longer than 255 characters (Castline keeps guids exactly, so it cannot be cut)", notes);
        }
        String type = mediaType(item.enclosure().type(), item.enclosure().url());
        if (type == null) {
            return new Mapped(null, "its enclosure type " + (item.enclosure().type() == null ? "is missing" : "'" + item.enclosure().type() + "' is not audio or video")
                    + " and its URL's extension says nothing", notes);
        }
        if (item.enclosure().type() == null || !item.enclosure().type().equals(type)) {
            notes.add("enclosure type " + (item.enclosure().type() == null ? "missing" : "'" + item.enclosure().type() + "'") + ": " + type
                    + " from the URL's extension");
        }
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("guid", item.guid());
        String title = item.title().strip();
        if (title.length() > MAX_TITLE) {
            notes.add("title cut to " + MAX_TITLE + " characters");
            title = cut(title, MAX_TITLE);
        }
        body.put("title", title);
        body.put("publishAt", item.publishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        if (item.summary() != null && !item.summary().isBlank()) {
            body.put("summary", item.summary());
        }
        if (item.descriptionMarkdown() != null && !item.descriptionMarkdown().isBlank()) {
            String notesText = item.descriptionMarkdown();
            if (notesText.length() > MAX_SHOW_NOTES) {
                notes.add("show notes cut to " + MAX_SHOW_NOTES + " characters");
                notesText = cut(notesText, MAX_SHOW_NOTES);
            }
            body.put("showNotes", notesText);
        }
        if (item.season() != null && item.season() <= 1_000_000) {
            body.put("season", item.season());
        }
        if (item.episode() != null && item.episode() <= 1_000_000) {
            body.put("episode", item.episode());
        }
        if (item.episodeType() != null) {
            body.put("episodeType", item.episodeType());
        }
        if (item.explicit() != null) {
            body.put("explicit", item.explicit());
        }
        ObjectNode audio = body.putObject("audio");
        audio.put("url", item.enclosure().url());
        audio.put("type", type);
        audio.put("bytes", item.enclosure().length() == null || item.enclosure().length() < 0 ? 0 : item.enclosure().length());
        long millis = item.durationMillis() == null ? 0 : item.durationMillis();
        if (item.durationMillis() == null) {
            notes.add("no readable itunes:duration: 0 s");
        } else if (millis > MAX_MILLIS || millis < 0) {
            notes.add("itunes:duration over 100 hours: 0 s");
            millis = 0;
        }
        audio.put("durationSeconds", BigDecimal.valueOf(millis, 3));
        ArrayNode chapterList = chapters(chapters, notes);
        if (chapterList != null) {
            body.set("chapters", chapterList);
        }
        ArrayNode guests = guests(item.persons(), notes);
        if (guests != null) {
            body.set("guests", guests);
        }
        return new Mapped(body, null, notes);
    }

    /** A transcript link Castline can take: its URL, the content type the admin API takes it as, its language when usable. */
    record TranscriptLink(String url, String contentType, String language) {
    }

    /**
     * The item's transcript links Castline can take, best first (WebVTT, then SRT, then the
     * Podcasting 2.0 JSON), and why each other one cannot be taken (HTML and plain text have no
     * times to make cues of).
     */
    record TranscriptLinks(List<TranscriptLink> usable, List<String> unusable) {
    }

    static TranscriptLinks transcripts(ImportedItem item) {
        List<TranscriptLink> usable = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (ImportedTranscript t : item.transcripts()) {
            String type = t.type() == null ? "" : t.type().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            String path = t.url().toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
            String contentType = switch (type) {
                case "text/vtt" -> "text/vtt";
                case "application/x-subrip", "application/srt", "text/srt", "text/x-srt", "application/x-srt" -> "application/x-subrip";
                case "application/json" -> "application/json";
                case "" -> Transcripts.contentTypeOfName(path);
                default -> null;
            };
            if (contentType == null) {
                unusable.add(t.url() + " is " + (type.isEmpty() ? "of no stated type" : type) + ": Castline takes timed transcripts"
                        + " (WebVTT, SRT or Podcasting 2.0 JSON), and " + (type.startsWith("text/html") || type.equals("text/plain")
                        ? "this has no times to make cues of" : "this is none of them"));
                continue;
            }
            String language = t.language() == null ? null : t.language().strip().toLowerCase(Locale.ROOT);
            usable.add(new TranscriptLink(t.url(), contentType, language != null && language.length() <= 35
                    && LANGUAGE.matcher(language).matches() ? language : null));
        }
        List<String> order = List.of("text/vtt", "application/x-subrip", "application/json");
        usable.sort(java.util.Comparator.comparingInt(l -> order.indexOf(l.contentType())));
        return new TranscriptLinks(List.copyOf(usable), List.copyOf(unusable));
    }

    private static ArrayNode chapters(List<ImportedChapter> chapters, List<String> notes) {
        ArrayNode list = Api.JSON.createArrayNode();
        long last = -1;
        int left = 0;
        for (ImportedChapter c : chapters) {
            if (!c.toc() || c.title() == null || c.title().isBlank() || c.startMillis() <= last || c.startMillis() > MAX_MILLIS
                    || list.size() >= MAX_CHAPTERS) {
                left++;
                continue;
            }
            ObjectNode chapter = list.addObject();
            chapter.put("startTime", BigDecimal.valueOf(c.startMillis(), 3));
            chapter.put("title", cut(c.title().strip(), 255));
            if (c.url() != null && c.url().length() <= MAX_URL) {
                chapter.put("url", c.url());
            }
            last = c.startMillis();
        }
        if (left > 0) {
            notes.add(left + " chapter(s) left out (untitled, not for the table of contents, at the same time as the one before, or over "
                    + MAX_CHAPTERS + ")");
        }
        return list.isEmpty() ? null : list;
    }

    private static ArrayNode guests(List<ImportedPerson> persons, List<String> notes) {
        ArrayNode list = Api.JSON.createArrayNode();
        for (ImportedPerson p : persons) {
            if (p.name() == null || p.name().isBlank()) {
                continue;
            }
            if (list.size() >= MAX_GUESTS) {
                notes.add("persons after the first " + MAX_GUESTS + " left out");
                break;
            }
            ObjectNode guest = list.addObject();
            guest.put("name", cut(p.name().strip(), 200));
            guest.put("role", cut(p.role() == null ? "guest" : p.role(), 50));
            if (p.href() != null && p.href().length() <= MAX_URL) {
                guest.put("website", p.href());
            }
            if (p.img() != null && p.img().length() <= MAX_URL) {
                guest.put("avatarUrl", p.img());
            }
        }
        return list.isEmpty() ? null : list;
    }

    /** The enclosure's type when it is audio or video, else one from the URL's extension, else null. */
    static String mediaType(String declared, String url) {
        if (declared != null) {
            String t = declared.strip().toLowerCase(Locale.ROOT);
            int semicolon = t.indexOf(';');
            if (semicolon >= 0) {
                t = t.substring(0, semicolon).strip();
            }
            if (MEDIA_TYPE.matcher(t).matches()) {
                return t;
            }
        }
        String path = url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
        if (path.endsWith(".mp3")) {
            return "audio/mpeg";
        } else if (path.endsWith(".m4a")) {
            return "audio/x-m4a";
        } else if (path.endsWith(".mp4") || path.endsWith(".m4v")) {
            return "video/mp4";
        } else if (path.endsWith(".ogg") || path.endsWith(".oga")) {
            return "audio/ogg";
        } else if (path.endsWith(".opus")) {
            return "audio/opus";
        } else if (path.endsWith(".aac")) {
            return "audio/aac";
        } else if (path.endsWith(".wav")) {
            return "audio/wav";
        } else if (path.endsWith(".flac")) {
            return "audio/flac";
        }
        return null;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    static String cut(String text, int chars) {
        if (text == null || text.length() <= chars) {
            return text;
        }
        int end = chars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String cutBytes(String text, int bytes) {
        if (text == null || text.getBytes(StandardCharsets.UTF_8).length <= bytes) {
            return text;
        }
        int end = text.length();
        while (text.substring(0, end).getBytes(StandardCharsets.UTF_8).length > bytes - 3) {
            end = Math.max(0, end - Math.max(1, (text.substring(0, end).getBytes(StandardCharsets.UTF_8).length - bytes) / 3 + 1));
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
