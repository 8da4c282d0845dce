package dev.castline.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns an item's description, as feeds write it, into the Markdown Castline keeps as show notes,
 * and into plain text.
 *
 * <p>Decision: Markdown, not sanitised HTML. Castline stores show notes as Markdown the host edits
 * and renders them once, when an episode is written ({@code dev.castline.host.ShowNotes}: commonmark,
 * raw HTML shown as text, only {@code p ol ul li a} kept, links only http(s) and mailto). Converting
 * here gives the host editable notes and sends every imported description through that same
 * renderer; nothing from the old feed reaches a page or the feed as HTML.
 *
 * <p>What survives: paragraphs ({@code p}, {@code div}, {@code <br><br>}), line breaks, links
 * (resolved against the feed; only http, https and mailto; others keep their text), lists (nested
 * too), emphasis and strong, headings, block quotes, code. What goes: {@code script}, {@code style},
 * {@code iframe}, {@code object}, forms, media and images (tracking pixels) with their content;
 * every attribute (so every event handler); every other tag (its text stays). All text is escaped
 * for Markdown, {@code <} included, so the Markdown holds no raw HTML even for a renderer that
 * would pass it through. Bare http(s) URLs in text become autolinks. Text without any tag or
 * entity is read as plain text: blank lines separate paragraphs, single newlines are line breaks.
 */
final class HtmlToMarkdown {
    private static final Set<String> DROP = Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed",
            "applet", "noscript", "template", "svg", "math", "form", "input", "button", "select", "textarea", "head",
            "title", "meta", "link", "base", "audio", "video", "source", "track", "canvas", "img", "picture", "map", "area");
    private static final Set<String> BLOCK = Set.of("p", "div", "section", "article", "header", "footer", "main", "aside",
            "nav", "figure", "figcaption", "address", "center", "details", "summary", "table", "thead", "tbody", "tfoot",
            "tr", "td", "th", "caption", "dl", "dt", "dd", "ul", "ol", "li", "blockquote", "pre", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6", "body", "html", "fieldset");
    private static final Pattern HTML_HINT = Pattern.compile(
            "</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>|<!--|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY_LIKE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");
    private static final Pattern LIST_NUMBER = Pattern.compile("^(\\d{1,9})([.)])(\\s|$)");

    private final boolean plain;
    private final URI base;

    private HtmlToMarkdown(boolean plain, URI base) {
        this.plain = plain;
        this.base = base;
    }

    /** Show notes Markdown for a description (HTML or plain text); "" for null or blank. */
    static String markdown(String description, URI base) {
        return new HtmlToMarkdown(false, base).convert(description);
    }

    /**
     * The description as plain text, paragraphs separated by blank lines; "" for null or blank.
     * Text that is still HTML after one reading (escaped twice, as some feeds do) is read again, so
     * no markup, {@code <script>} included, survives into plain text.
     */
    static String plainText(String description) {
        HtmlToMarkdown reader = new HtmlToMarkdown(true, null);
        String text = reader.convert(description);
        for (int round = 0; round < 8 && looksLikeHtml(text); round++) {
            String again = reader.convert(text);
            if (again.equals(text)) {
                break;
            }
            text = again;
        }
        return text;
    }

    /** One line of plain text for a title, a name, an author: markup removed, whitespace collapsed. */
    static String line(String text) {
        if (text == null) {
            return null;
        }
        String s = plainText(text).replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    /** Cuts plain text to at most {@code maxBytes} UTF-8 bytes, at a word boundary, ending with an ellipsis. */
    static String truncateUtf8(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - 3;
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        int space = text.lastIndexOf(' ', end);
        if (space > end / 2) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + "\u2026";
    }

    static boolean looksLikeHtml(String s) {
        return HTML_HINT.matcher(s).find();
    }

    private String convert(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        if (!looksLikeHtml(description)) {
            return fromPlainText(description);
        }
        Element body = Jsoup.parseBodyFragment(description).body();
        return blocks(body).strip();
    }

    private String fromPlainText(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String para : text.strip().split("\\n\\s*\\n")) {
            List<String> lines = new ArrayList<>();
            for (String raw : para.split("\\n")) {
                String l = raw.strip();
                if (!l.isEmpty()) {
                    lines.add(plain ? l : lineStart(escape(l, false)));
                }
            }
            if (!lines.isEmpty()) {
                paragraphs.add(String.join(plain ? "\n" : "\\\n", lines));
            }
        }
        return String.join("\n\n", paragraphs);
    }

    // ---- blocks

    private String blocks(Element parent) {
        List<String> out = new ArrayList<>();
        StringBuilder inline = new StringBuilder();
        for (Node child : parent.childNodes()) {
            if (child instanceof Element e && BLOCK.contains(e.normalName())) {
                flush(inline, out);
                String b = block(e);
                if (!b.isBlank()) {
                    out.add(b);
                }
            } else {
                inline(child, inline, false);
            }
        }
        flush(inline, out);
        return String.join("\n\n", out);
    }

    private void flush(StringBuilder inline, List<String> out) {
        String text = inline.toString();
        inline.setLength(0);
        for (String para : text.split("\\n[ \\t]*(\\n[ \\t]*)+")) {
            List<String> lines = new ArrayList<>();
            for (String raw : para.split("\\n")) {
                String l = raw.strip();
                if (!l.isEmpty()) {
                    lines.add(plain ? l : lineStart(l));
                }
            }
            if (!lines.isEmpty()) {
                out.add(String.join(plain ? "\n" : "\\\n", lines));
            }
        }
    }

    private String block(Element e) {
        String name = e.normalName();
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = inlineOf(e).replaceAll("\\s*\\n\\s*", " ").strip();
                if (text.isEmpty()) {
                    return "";
                }
                return plain ? text : "#".repeat(name.charAt(1) - '0') + " " + text;
            }
            case "ul", "ol" -> {
                return list(e, name.equals("ol"));
            }
            case "blockquote" -> {
                String inner = blocks(e);
                return plain || inner.isEmpty() ? inner : prefixLines(inner, "> ", "> ");
            }
            case "pre" -> {
                String code = e.wholeText().replaceAll("^\\n+|\\s+$", "");
                if (code.isEmpty() || plain) {
                    return code;
                }
                String fence = "```";
                while (code.contains(fence)) {
                    fence += "`";
                }
                return fence + "\n" + code + "\n" + fence;
            }
            case "hr" -> {
                return plain ? "" : "***";
            }
            default -> {
                return blocks(e);
            }
        }
    }

    private String list(Element e, boolean ordered) {
        List<String> items = new ArrayList<>();
        int number = 1;
        if (ordered && e.hasAttr("start") && e.attr("start").strip().matches("\\d{1,6}")) {
            number = Integer.parseInt(e.attr("start").strip());
        }
        for (Element child : e.children()) {
            String content = child.normalName().equals("li") ? blocks(child) : block(child);
            if (content.isBlank()) {
                continue;
            }
            String marker = ordered ? (number++) + ". " : "- ";
            items.add(prefixLines(content, marker, " ".repeat(marker.length())));
        }
        return String.join("\n", items);
    }

    private static String prefixLines(String text, String first, String rest) {
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            if (!lines[i].isEmpty() || i == 0) {
                sb.append(i == 0 ? first : rest).append(lines[i]);
            } else if (rest.startsWith(">")) {
                sb.append(">");
            }
        }
        return sb.toString();
    }

    // ---- inline

    private String inlineOf(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, sb, false);
        }
        return sb.toString();
    }

    private void inline(Node node, StringBuilder sb, boolean inLink) {
        if (node instanceof TextNode t) {
            String text = t.getWholeText().replaceAll("[ \\t\\n\\r\\f]+", " ");
            sb.append(plain ? text : escape(text, inLink));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String name = e.normalName();
        if (DROP.contains(name)) {
            return;
        }
        switch (name) {
            case "br" -> sb.append('\n');
            case "a" -> link(e, sb, inLink);
            case "strong", "b" -> wrap(e, sb, "**", inLink);
            case "em", "i", "cite" -> wrap(e, sb, "*", inLink);
            case "code", "kbd", "samp", "tt" -> {
                String code = e.text();
                if (plain || code.isBlank()) {
                    sb.append(code);
                } else {
                    String tick = "`";
                    while (code.contains(tick)) {
                        tick += "`";
                    }
                    String pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
                    sb.append(tick).append(pad).append(code.replace('\n', ' ')).append(pad).append(tick);
                }
            }
            default -> {
                boolean block = BLOCK.contains(name);
                if (block) {
                    sb.append("\n\n");
                }
                for (Node child : e.childNodes()) {
                    inline(child, sb, inLink);
                }
                if (block) {
                    sb.append("\n\n");
                }
            }
        }
    }

    private void wrap(Element e, StringBuilder sb, String marker, boolean inLink) {
        StringBuilder inner = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, inner, inLink);
        }
        String s = inner.toString();
        if (plain || s.isBlank() || s.contains("\n")) {
            sb.append(s);
            return;
        }
        String lead = s.substring(0, s.length() - s.stripLeading().length());
        String trail = s.substring(s.stripTrailing().length());
        sb.append(lead).append(marker).append(s.strip()).append(marker).append(trail);
    }

    private void link(Element e, StringBuilder sb, boolean inLink) {
        StringBuilder inner = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, inner, true);
        }
        String text = inner.toString().replace('\n', ' ');
        String target = plain || inLink ? null : target(e.attr("href"));
        if (target == null) {
            sb.append(text);
            return;
        }
        if (text.isBlank()) {
            return;
        }
        String lead = text.substring(0, text.length() - text.stripLeading().length());
        String trail = text.substring(text.stripTrailing().length());
        String dest = target.matches("[^()\\s<>]+") ? target : "<" + target + ">";
        sb.append(lead).append('[').append(text.strip()).append("](").append(dest).append(')').append(trail);
    }

    private String target(String href) {
        String h = href == null ? "" : href.strip();
        if (h.regionMatches(true, 0, "mailto:", 0, 7)) {
            return h.matches("(?i)mailto:[^\\s<>()\\\\]+") ? h : null;
        }
        return Urls.resolve(h, base);
    }

    // ---- escaping

    /** Escapes Markdown's inline syntax, turning bare http(s) URLs into autolinks (not inside a link). */
    private static String escape(String text, boolean inLink) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        Matcher m = BARE_URL.matcher(text);
        int at = 0;
        while (!inLink && m.find()) {
            String url = m.group().replaceAll("[.,;:!?)\\]*_]+$", "");
            sb.append(escapeChars(text.substring(at, m.start())));
            String safe = Urls.resolve(url, null);
            if (safe != null && safe.equals(url)) {
                sb.append('<').append(url).append('>');
            } else {
                sb.append(escapeChars(url));
            }
            at = m.start() + url.length();
        }
        sb.append(escapeChars(text.substring(at)));
        return sb.toString();
    }

    private static String escapeChars(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>".indexOf(c) >= 0) {
                sb.append('\\');
            } else if (c == '&' && ENTITY_LIKE.matcher(s).region(i, s.length()).lookingAt()) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Escapes what would start a block at the beginning of a line: a heading, a list, a setext underline. */
    private static String lineStart(String line) {
        if (line.isEmpty()) {
            return line;
        }
        char c = line.charAt(0);
        if (c == '#' || c == '-' || c == '+' || c == '=' || c == '|' || c == '~') {
            return "\\" + line;
        }
        Matcher m = LIST_NUMBER.matcher(line);
        if (m.find()) {
            return m.group(1) + "\\" + line.substring(m.group(1).length());
        }
        return line;
    }

    static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
