package dev.castline.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes an episode as the Markdown file {@link EpisodeParser} reads: reading what this writes
 * gives the same episode, so {@code pull} then {@code push} changes nothing.
 */
public final class EpisodeWriter {
    private EpisodeWriter() {
    }

    public static String write(EpisodeDoc e) {
        StringBuilder out = new StringBuilder("---\n");
        if (e.mp3Bytes() != null) {
            field(out, "mp3_bytes", Long.toString(e.mp3Bytes()));
        }
        if (e.mp3Millis() != null) {
            field(out, "mp3_duration", time(e.mp3Millis() / 1000 * 1000, true));
        }
        if (e.mp3Bytes() != null || e.mp3Millis() != null) {
            out.append('\n');
        }
        if (e.guests().size() == 1 && e.guests().getFirst().role().equals("guest")) {
            EpisodeDoc.Guest g = e.guests().getFirst();
            field(out, "guest", g.name());
            optional(out, "guest_avatar", g.avatarUrl());
            optional(out, "guest_website", g.website());
            optional(out, "guest_twitter", g.socialHandle() == null ? null : g.socialHandle().replaceFirst("^@", ""));
            out.append('\n');
        } else if (!e.guests().isEmpty()) {
            out.append("guests:\n");
            for (EpisodeDoc.Guest g : e.guests()) {
                out.append("  - name: ").append(quote(g.name())).append('\n');
                if (!g.role().equals("guest")) {
                    out.append("    role: ").append(quote(g.role())).append('\n');
                }
                if (g.website() != null) {
                    out.append("    website: ").append(quote(g.website())).append('\n');
                }
                if (g.socialHandle() != null) {
                    out.append("    twitter: ").append(quote(g.socialHandle().replaceFirst("^@", ""))).append('\n');
                }
                if (g.avatarUrl() != null) {
                    out.append("    avatar: ").append(quote(g.avatarUrl())).append('\n');
                }
            }
            out.append('\n');
        }
        if (!e.tags().isEmpty()) {
            out.append("tags:\n");
            for (String tag : e.tags()) {
                out.append("  - ").append(quote(tag)).append('\n');
            }
            out.append('\n');
        }
        field(out, "slug", e.slug());
        field(out, "title", e.title());
        optional(out, "description", e.summary());
        if (e.season() != null) {
            out.append("season: ").append(e.season()).append('\n');
        }
        if (e.episode() != null) {
            out.append("episode: ").append(e.episode()).append('\n');
        }
        if (e.episodeType() != null && !e.episodeType().equals("full")) {
            field(out, "episode_type", e.episodeType());
        }
        if (Boolean.TRUE.equals(e.explicit())) {
            out.append("explicit: true\n");
        }
        if (e.publishAt() != null) {
            field(out, "publish_at", e.publishAt().toString());
        }
        out.append("---\n");
        if (e.showNotes() != null) {
            out.append('\n').append(e.showNotes()).append('\n');
        }
        if (!e.chapters().isEmpty()) {
            out.append("\n## Topics Include\n\n");
            boolean hours = e.chapters().getLast().startMillis() >= 3_600_000;
            for (EpisodeDoc.Chapter c : e.chapters()) {
                out.append("- ").append(time(c.startMillis(), hours && c.startMillis() >= 3_600_000)).append(" -- ");
                out.append(c.url() == null ? c.title() : "[" + c.title() + "](" + c.url() + ")").append('\n');
            }
        }
        List<EpisodeDoc.Link> references = ofKind(e.links(), "reference");
        List<EpisodeDoc.Link> libraries = ofKind(e.links(), "library");
        if (!references.isEmpty() || !libraries.isEmpty()) {
            out.append("\n## Links\n");
            links(out, "📄 References", references);
            links(out, "🛠 Libraries Used", libraries);
        }
        return out.toString();
    }

    private static void links(StringBuilder out, String heading, List<EpisodeDoc.Link> links) {
        if (links.isEmpty()) {
            return;
        }
        out.append("\n###### ").append(heading).append("\n\n");
        for (EpisodeDoc.Link l : links) {
            out.append("- <").append(l.url()).append('>');
            if (l.title() != null) {
                out.append(" (").append(l.title()).append(')');
            }
            out.append('\n');
        }
    }

    private static List<EpisodeDoc.Link> ofKind(List<EpisodeDoc.Link> links, String kind) {
        List<EpisodeDoc.Link> matching = new ArrayList<>();
        for (EpisodeDoc.Link l : links) {
            if (l.kind().equals(kind)) {
                matching.add(l);
            }
        }
        return matching;
    }

    /** {@code M:SS}, or {@code H:MM:SS}; milliseconds only when there are some. */
    static String time(long millis, boolean hours) {
        long seconds = millis / 1000;
        String text = hours || seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
        long fraction = millis % 1000;
        return fraction == 0 ? text : text + String.format(".%03d", fraction);
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(quote(value)).append('\n');
    }

    private static void optional(StringBuilder out, String name, String value) {
        if (value != null) {
            field(out, name, value);
        }
    }

    /** A YAML double-quoted scalar: any text reads back exactly. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
