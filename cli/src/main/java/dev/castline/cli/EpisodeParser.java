package dev.castline.cli;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an episode file: YAML front matter between {@code ---} lines, then a Markdown body.
 *
 * <ul>
 *   <li>Liquid placeholders {@code {{ page.x }}} take the front matter's {@code x};
 *       {@code {% include … %}} tags are dropped.</li>
 *   <li>The "Topics Include" list ({@code - 2:39 -- text}, with {@code --}, {@code –} or
 *       {@code —}, times as {@code M:SS} or {@code H:MM:SS}) becomes the chapters.</li>
 *   <li>The "References" and "Libraries Used" lists (usually under "Links", their headings often
 *       led by an emoji, or by the emoji mis-encoded) become links of those kinds.</li>
 *   <li>Everything else is the show notes, in Markdown.</li>
 * </ul>
 *
 * Anything that cannot be read is an {@link Exit.Failure} naming the file, the line and the field.
 * A UTF-8 byte-order mark and CRLF line ends are accepted.
 */
public final class EpisodeParser {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s{0,3}[-*+•]\\s+(.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^\\s{2,}\\S.*$");
    private static final Pattern TOPIC = Pattern.compile("^(\\S+)\\s*(?:--|–|—|-)\\s+(.*)$");
    private static final Pattern TIME = Pattern.compile("^(?:(\\d{1,3}):([0-5]\\d)|(\\d{1,2}):([0-5]\\d):([0-5]\\d))(?:\\.(\\d{1,3}))?$");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]+)>?\\s*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("^<(https?://[^>\\s]+)>\\s*(.*)$");
    private static final Pattern BARE_URL = Pattern.compile("^(https?://\\S+)\\s*(.*)$");
    private static final Pattern LIQUID_OUTPUT = Pattern.compile("\\{\\{\\s*page\\.([A-Za-z0-9_]+)\\s*\\}\\}");
    private static final Pattern LIQUID_ANY_OUTPUT = Pattern.compile("\\{\\{(.*?)\\}\\}");
    private static final Pattern LIQUID_TAG = Pattern.compile("\\{%-?\\s*(\\w+)(.*?)-?%\\}");
    private static final Pattern LEADING_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern TAG = Pattern.compile("^[a-z0-9][a-z0-9.+-]*$");

    private enum Section { TOPICS, REFERENCES, LIBRARIES, LINKS, OTHER }

    private final String file;

    private EpisodeParser(String file) {
        this.file = file;
    }

    public static EpisodeDoc read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw Exit.usage(path + ": no such file");
        } catch (IOException e) {
            throw Exit.usage(path + ": cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Exit.usage(path + ": not UTF-8 text");
        }
        Path folder = path.toAbsolutePath().getParent();
        return new EpisodeParser(path.toString()).parse(text, path.getFileName().toString(), folder);
    }

    /** Parses {@code text} as the file {@code displayName}; {@code audio} paths resolve against {@code folder}. */
    public static EpisodeDoc parseText(String displayName, String text, Path folder) {
        String name = Path.of(displayName).getFileName().toString();
        return new EpisodeParser(displayName).parse(text, name, folder);
    }

    private EpisodeDoc parse(String text, String fileName, Path folder) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw error(1, "front matter", "the file must start with a '---' line, then YAML front matter, then '---'");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw error(1, "front matter", "no closing '---' line after the front matter");
        }
        FrontMatter front = frontMatter(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end)), 2);
        List<String> warnings = new ArrayList<>();

        String title = front.requiredText("title");
        String summary = front.text("description");
        String slug = front.text("slug");
        if (slug == null) {
            slug = slugOfFileName(fileName);
            if (slug.isEmpty()) {
                throw error(1, "slug", "no slug in the front matter, and none can be made from the file name " + fileName);
            }
        } else if (!SLUG.matcher(slug).matches()) {
            throw error(front.line("slug"), "slug", "'" + slug + "' must be lowercase letters and digits in hyphen-separated words");
        }
        List<String> tags = new ArrayList<>();
        for (Map.Entry<Integer, String> tag : front.texts("tags").entrySet()) {
            if (!TAG.matcher(tag.getValue()).matches()) {
                throw error(tag.getKey(), "tags", "'" + tag.getValue() + "' is not a tag: lowercase letters, digits, '.', '+' or '-'");
            }
            tags.add(tag.getValue());
        }
        List<EpisodeDoc.Guest> guests = guests(front, warnings);
        Integer season = front.integer("season");
        Integer number = front.integer("episode");
        String episodeType = front.text("episode_type");
        if (episodeType != null && !List.of("full", "trailer", "bonus").contains(episodeType)) {
            throw error(front.line("episode_type"), "episode_type", "'" + episodeType + "' must be full, trailer or bonus");
        }
        Boolean explicit = front.bool("explicit");
        Instant publishAt = front.has("publish_at") ? time(front.text("publish_at"), front.line("publish_at"), "publish_at") : null;
        String audioText = front.text("audio");
        Path audio = audioText == null ? null : folder == null ? Path.of(audioText) : folder.resolve(audioText).normalize();
        String transcriptText = front.text("transcript");
        Path transcript = transcriptText == null ? null : folder == null ? Path.of(transcriptText) : folder.resolve(transcriptText).normalize();
        Long mp3Bytes = front.whole("mp3_bytes");
        Long mp3Millis = null;
        if (front.has("mp3_duration")) {
            mp3Millis = duration(front.text("mp3_duration"), front.line("mp3_duration"), "mp3_duration");
        }

        Body body = body(lines, end + 1, front);
        return new EpisodeDoc(slug, title, summary, body.notes, body.chapters, guests, tags, body.links, season, number,
                episodeType, explicit, publishAt, audio, mp3Bytes, mp3Millis, warnings, transcript);
    }

    private List<EpisodeDoc.Guest> guests(FrontMatter front, List<String> warnings) {
        List<EpisodeDoc.Guest> guests = new ArrayList<>();
        if (front.has("guest")) {
            guests.add(guest(front.requiredText("guest"), front.text("guest_role"), front.text("guest_website"), front.line("guest_website"),
                    front.text("guest_avatar"), front.line("guest_avatar"), front.text("guest_twitter"), "guest", warnings));
        } else {
            for (String orphan : List.of("guest_website", "guest_twitter", "guest_avatar")) {
                if (front.has(orphan)) {
                    throw error(front.line(orphan), orphan, "there is no 'guest' for it");
                }
            }
        }
        if (front.has("guests")) {
            Node node = front.node("guests");
            if (!(node instanceof SequenceNode list)) {
                throw error(line(node), "guests", "must be a list of guests, each with a name");
            }
            int i = 0;
            for (Node item : list.getValue()) {
                String field = "guests[" + i++ + "]";
                if (!(item instanceof MappingNode map)) {
                    throw error(line(item), field, "must be a mapping with name, and optionally website, twitter, avatar, role");
                }
                FrontMatter g = new FrontMatter(map, field + ".");
                for (String key : g.values.keySet()) {
                    if (!List.of("name", "website", "twitter", "avatar", "role").contains(key)) {
                        throw error(g.line(key), field + "." + key, "unknown guest field: name, website, twitter, avatar or role");
                    }
                }
                guests.add(guest(g.requiredText("name"), g.text("role"), g.text("website"), g.line("website"), g.text("avatar"),
                        g.line("avatar"), g.text("twitter"), field, warnings));
            }
        }
        return guests;
    }

    private EpisodeDoc.Guest guest(String name, String role, String website, int websiteLine, String avatar, int avatarLine, String twitter,
                                   String field, List<String> warnings) {
        if (website != null && !isHttpUrl(website)) {
            throw error(websiteLine, field.equals("guest") ? "guest_website" : field + ".website", "'" + website + "' is not an http(s) URL");
        }
        String avatarUrl = null;
        if (avatar != null) {
            if (isHttpUrl(avatar)) {
                avatarUrl = avatar;
            } else {
                warnings.add(file + ":" + avatarLine + ": " + (field.equals("guest") ? "guest_avatar" : field + ".avatar") + ": '" + avatar
                        + "' is not a URL, so it is not sent (give the image's full URL to show it)");
            }
        }
        String handle = twitter == null || twitter.isBlank() ? null : twitter.startsWith("@") ? twitter : "@" + twitter;
        return new EpisodeDoc.Guest(name, role == null ? "guest" : role, website, avatarUrl, handle);
    }

    // ---- the body ----

    private record Line(int number, String text) {
    }

    private static final class Body {
        String notes;
        final List<EpisodeDoc.Chapter> chapters = new ArrayList<>();
        final List<EpisodeDoc.Link> links = new ArrayList<>();
    }

    private Body body(String[] lines, int start, FrontMatter front) {
        List<Line> resolved = new ArrayList<>();
        for (int i = start; i < lines.length; i++) {
            int number = i + 1;
            String line = liquid(lines[i], number, front);
            if (line == null) {
                continue; // a line that only held an include
            }
            resolved.add(new Line(number, line));
        }
        Body body = new Body();
        List<String> notes = new ArrayList<>();
        boolean inCode = false;
        int linksLevel = 0;
        for (int i = 0; i < resolved.size(); ) {
            Line line = resolved.get(i);
            if (line.text().strip().startsWith("```") || line.text().strip().startsWith("~~~")) {
                inCode = !inCode;
            }
            Matcher heading = inCode ? null : HEADING.matcher(line.text());
            if (heading == null || !heading.matches()) {
                notes.add(line.text());
                i++;
                continue;
            }
            int level = heading.group(1).length();
            if (linksLevel > 0 && level <= linksLevel) {
                linksLevel = 0;
            }
            Section section = section(heading.group(2));
            int sectionEnd = i + 1;
            while (sectionEnd < resolved.size() && !isHeading(resolved.get(sectionEnd).text())) {
                sectionEnd++;
            }
            List<Line> content = resolved.subList(i + 1, sectionEnd);
            switch (section) {
                case TOPICS -> topics(content, body.chapters);
                case REFERENCES -> links(content, "reference", "References", body.links);
                case LIBRARIES -> links(content, "library", "Libraries Used", body.links);
                case LINKS, OTHER -> {
                    if (section == Section.LINKS) {
                        linksLevel = level;
                    }
                    boolean empty = content.stream().allMatch(l -> l.text().isBlank());
                    if (!empty || linksLevel == 0) {
                        notes.add(line.text());
                        content.forEach(l -> notes.add(l.text()));
                    }
                }
            }
            i = sectionEnd;
        }
        body.notes = tidy(notes);
        return body;
    }

    /** Every heading closes the section before it: lists and notes each run to the next heading. */
    private static boolean isHeading(String text) {
        return HEADING.matcher(text).matches();
    }

    private static Section section(String heading) {
        // Headings may start with an emoji, or with an emoji's UTF-8 read as another encoding
        // ("üìÑ References"): the name starts at the first ASCII letter.
        int from = 0;
        while (from < heading.length() && !isAsciiLetter(heading.charAt(from))) {
            from++;
        }
        String name = heading.substring(from).strip().toLowerCase(Locale.ROOT).replaceAll("[:\\s]+$", "").replaceAll("\\s+", " ");
        return switch (name) {
            case "topics include", "topics", "topics included" -> Section.TOPICS;
            case "references" -> Section.REFERENCES;
            case "libraries used", "libraries" -> Section.LIBRARIES;
            case "links" -> Section.LINKS;
            default -> Section.OTHER;
        };
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private void topics(List<Line> content, List<EpisodeDoc.Chapter> chapters) {
        List<Line> items = items(content, "topics");
        long previous = -1;
        for (Line item : items) {
            Matcher topic = TOPIC.matcher(item.text());
            if (!topic.matches()) {
                throw error(item.number(), "topics", "'" + item.text() + "' must read '- M:SS -- topic' (or H:MM:SS)");
            }
            String time = topic.group(1);
            long millis = timeOfTopic(time, item.number());
            if (millis <= previous) {
                throw error(item.number(), "topics", time + " is not after the topic before it");
            }
            previous = millis;
            String text = topic.group(2).strip();
            String url = null;
            Matcher link = MARKDOWN_LINK.matcher(text);
            if (link.find()) {
                url = link.group(2);
                text = MARKDOWN_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
            }
            if (text.isBlank()) {
                throw error(item.number(), "topics", "the topic at " + time + " has no text");
            }
            if (url != null && !isHttpUrl(url)) {
                throw error(item.number(), "topics", "'" + url + "' is not an http(s) URL");
            }
            chapters.add(new EpisodeDoc.Chapter(millis, text, url));
        }
    }

    private long timeOfTopic(String time, int line) {
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            throw error(line, "topics", "'" + time + "' is not a time: write M:SS or H:MM:SS, e.g. 2:39 or 1:04:25");
        }
        return millis(m);
    }

    private static long millis(Matcher m) {
        long seconds = m.group(1) != null
                ? Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))
                : Long.parseLong(m.group(3)) * 3600 + Long.parseLong(m.group(4)) * 60 + Long.parseLong(m.group(5));
        long fraction = 0;
        if (m.group(6) != null) {
            String f = (m.group(6) + "00").substring(0, 3);
            fraction = Long.parseLong(f);
        }
        return seconds * 1000 + fraction;
    }

    private void links(List<Line> content, String kind, String field, List<EpisodeDoc.Link> links) {
        for (Line item : items(content, field)) {
            String text = item.text().strip();
            String url;
            String title;
            Matcher auto = AUTOLINK.matcher(text);
            Matcher md = MARKDOWN_LINK.matcher(text);
            Matcher bare = BARE_URL.matcher(text);
            if (auto.matches()) {
                url = auto.group(1);
                title = auto.group(2);
            } else if (md.find() && md.start() == 0) {
                url = md.group(2);
                title = (md.group(1) + " " + text.substring(md.end())).strip();
                if (title.equals(url)) {
                    title = "";
                }
            } else if (bare.matches()) {
                url = bare.group(1);
                title = bare.group(2);
            } else {
                throw error(item.number(), field, "'" + text + "' must start with a link: <https://…>, [title](https://…) or https://…");
            }
            title = title.strip();
            if (title.startsWith("(") && title.endsWith(")")) {
                title = title.substring(1, title.length() - 1).strip();
            } else if (title.startsWith("-") || title.startsWith("–") || title.startsWith("—")) {
                title = title.replaceFirst("^[-–—]+\\s*", "");
            }
            if (!isHttpUrl(url)) {
                throw error(item.number(), field, "'" + url + "' is not an http(s) URL");
            }
            links.add(new EpisodeDoc.Link(kind, url, title.isEmpty() ? null : title));
        }
    }

    /** The list items of a section, each with its continuation lines joined; anything else is an error. */
    private List<Line> items(List<Line> content, String field) {
        List<Line> items = new ArrayList<>();
        for (Line line : content) {
            if (line.text().isBlank()) {
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line.text());
            if (item.matches()) {
                items.add(new Line(line.number(), item.group(1).strip()));
            } else if (!items.isEmpty() && CONTINUATION.matcher(line.text()).matches()) {
                Line last = items.removeLast();
                items.add(new Line(last.number(), last.text() + " " + line.text().strip()));
            } else {
                throw error(line.number(), field, "expected a list item ('- …'), found '" + line.text().strip() + "'");
            }
        }
        return items;
    }

    /** The line with Liquid resolved; null when it only held tags that are dropped. */
    private String liquid(String line, int number, FrontMatter front) {
        boolean hadTag = false;
        Matcher tag = LIQUID_TAG.matcher(line);
        StringBuilder out = new StringBuilder();
        while (tag.find()) {
            if (!tag.group(1).equals("include")) {
                throw error(number, "body", "the Liquid tag {% " + tag.group(1) + " %} is not supported (only {% include %}, which is dropped)");
            }
            hadTag = true;
            tag.appendReplacement(out, "");
        }
        tag.appendTail(out);
        String text = out.toString();
        if (hadTag && text.isBlank()) {
            return null;
        }
        Matcher output = LIQUID_ANY_OUTPUT.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (output.find()) {
            Matcher page = LIQUID_OUTPUT.matcher(output.group());
            if (!page.matches()) {
                throw error(number, "body", "'" + output.group() + "' is not a placeholder this tool fills: write {{ page.<front matter field> }}");
            }
            String name = page.group(1);
            if (!front.has(name)) {
                throw error(number, "page." + name, "the front matter has no '" + name + "' for " + output.group());
            }
            output.appendReplacement(resolved, Matcher.quoteReplacement(front.display(name)));
        }
        output.appendTail(resolved);
        return resolved.toString();
    }

    /** The kept lines as show notes: no leading or trailing blank lines, and at most one blank line in a row. */
    private static String tidy(List<String> lines) {
        StringBuilder notes = new StringBuilder();
        boolean blank = false;
        for (String line : lines) {
            String text = line.stripTrailing();
            if (text.isEmpty()) {
                blank = notes.length() > 0;
                continue;
            }
            if (blank) {
                notes.append('\n');
            }
            if (notes.length() > 0) {
                notes.append('\n');
            }
            notes.append(text);
            blank = false;
        }
        return notes.isEmpty() ? null : notes.toString();
    }

    // ---- values ----

    static String slugOfFileName(String fileName) {
        String base = fileName.replaceFirst("\\.[^.]*$", "");
        base = LEADING_DATE.matcher(base).replaceFirst("");
        return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private long duration(String text, int line, String field) {
        if (text == null) {
            throw error(line, field, "must be a duration, H:MM:SS or M:SS");
        }
        Matcher m = TIME.matcher(text.strip());
        if (m.matches()) {
            return millis(m);
        }
        if (text.strip().matches("\\d{1,6}")) {
            return Long.parseLong(text.strip()) * 1000;
        }
        throw error(line, field, "'" + text + "' is not a duration: write H:MM:SS or M:SS, e.g. 1:11:40");
    }

    private static final DateTimeFormatter JEKYLL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][ xx][ xxx]");

    /** An instant as ISO-8601 ({@code 2026-12-01T09:00:00Z}), Jekyll's {@code 2026-12-01 09:00:00 +0000}, or a UTC day. */
    static Instant parseTime(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notIso) {
            // next form
        }
        try {
            var parsed = JEKYLL_TIME.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notJekyll) {
            // next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Instant time(String text, int line, String field) {
        Instant at = text == null ? null : parseTime(text);
        if (at == null) {
            throw error(line, field, "'" + text + "' is not a time: write e.g. 2026-12-01T09:00:00Z or 2026-12-01 09:00:00 +0000");
        }
        if (at.getNano() != 0) {
            throw error(line, field, "must be a whole second");
        }
        return at;
    }

    private Exit.Failure error(int line, String field, String message) {
        return Exit.usage(file + ":" + line + ": " + field + ": " + message);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    // ---- the front matter ----

    private FrontMatter frontMatter(String yaml, int firstLine) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? firstLine : e.getProblemMark().getLine() + firstLine;
            throw error(line, "front matter", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw error(firstLine, "front matter", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw error(firstLine, "front matter", "is empty: it needs at least a title");
        }
        if (!(root instanceof MappingNode map)) {
            throw error(firstLine, "front matter", "must be a mapping of fields (title: …)");
        }
        return new FrontMatter(map, "", firstLine - 1);
    }

    /** The front matter's fields, each with the line it is on. */
    private final class FrontMatter {
        private final Map<String, Node> values = new LinkedHashMap<>();
        private final String prefix;
        private final int offset;

        FrontMatter(MappingNode map, String prefix) {
            this(map, prefix, EpisodeParser.this.frontOffset);
        }

        FrontMatter(MappingNode map, String prefix, int offset) {
            this.prefix = prefix;
            this.offset = offset;
            EpisodeParser.this.frontOffset = offset;
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    values.put(key.getValue(), tuple.getValueNode());
                }
            }
        }

        boolean has(String name) {
            Node node = values.get(name);
            return node != null && !(node instanceof ScalarNode s && isNull(s));
        }

        Node node(String name) {
            return values.get(name);
        }

        int line(String name) {
            Node node = values.get(name);
            return node == null ? offset + 1 : node.getStartMark().getLine() + 1 + offset;
        }

        String text(String name) {
            Node node = values.get(name);
            if (node == null || node instanceof ScalarNode s && isNull(s)) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar)) {
                throw error(line(name), prefix + name, "must be text, not a " + (node instanceof SequenceNode ? "list" : "mapping"));
            }
            String value = scalar.getValue().strip();
            return value.isEmpty() ? null : value;
        }

        String requiredText(String name) {
            String value = text(name);
            if (value == null) {
                throw error(line(name), prefix + name, values.containsKey(name) ? "is empty" : "is required");
            }
            return value;
        }

        /** A list of texts (or one text), by line. */
        Map<Integer, String> texts(String name) {
            Map<Integer, String> texts = new LinkedHashMap<>();
            Node node = values.get(name);
            if (node == null || node instanceof ScalarNode s && isNull(s)) {
                return texts;
            }
            if (node instanceof ScalarNode scalar) {
                texts.put(line(name), scalar.getValue().strip());
                return texts;
            }
            if (!(node instanceof SequenceNode list)) {
                throw error(line(name), prefix + name, "must be a list");
            }
            int i = 0;
            for (Node item : list.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    throw error(item.getStartMark().getLine() + 1 + offset, prefix + name + "[" + i + "]", "must be text");
                }
                texts.put(item.getStartMark().getLine() + 1 + offset, scalar.getValue().strip());
                i++;
            }
            return texts;
        }

        /** The value as Liquid prints it: text as is, a list joined by ", ". */
        String display(String name) {
            Node node = values.get(name);
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            return String.join(", ", texts(name).values());
        }

        Integer integer(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            if (!value.matches("\\d{1,7}") || Integer.parseInt(value) < 1) {
                throw error(line(name), prefix + name, "'" + value + "' must be a whole number from 1");
            }
            return Integer.parseInt(value);
        }

        Long whole(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            if (!value.matches("\\d{1,15}")) {
                throw error(line(name), prefix + name, "'" + value + "' must be a whole number");
            }
            return Long.parseLong(value);
        }

        Boolean bool(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw error(line(name), prefix + name, "'" + value + "' must be true or false");
            };
        }

        private static boolean isNull(ScalarNode s) {
            return s.getTag().getValue().endsWith(":null") || s.getValue().isEmpty() && s.getScalarStyle().getChar() == null;
        }
    }

    private int frontOffset;
}
