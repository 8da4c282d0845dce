package dev.castline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that talks to the API takes, and what they share. */
final class Common {
    @Option(names = "--profile", paramLabel = "NAME", description = "The saved connection to use (default: CASTLINE_PROFILE, else the default profile).")
    String profile;

    @Option(names = "--json", description = "Print JSON for scripts instead of text for people.")
    boolean json;

    Api api(Castline root) {
        return new Api(new Profiles(root.env.configDir()).resolve(root.env, profile), root.env);
    }

    static void printJson(Env env, JsonNode node) {
        try {
            env.out().println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An instant for --at: ISO-8601 ({@code 2026-12-01T09:00:00Z}, an offset allowed) or {@code 2026-12-01 09:00:00 +0000}. */
    static Instant time(String text, String option) {
        Instant at = EpisodeParser.parseTime(text);
        if (at == null) {
            throw Exit.usage(option + " '" + text + "' is not a time: write e.g. 2026-12-01T09:00:00Z");
        }
        if (at.getNano() != 0) {
            throw Exit.usage(option + " must be a whole second");
        }
        return at;
    }

    /** Prints rows as columns, the header first. */
    static void table(Env env, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            env.out().println(line.toString().stripTrailing());
        }
    }

    /** A size as 64MiB, 5M, 100k or plain bytes. */
    static long bytes(String text, String option) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT).replace("ib", "").replace("b", "");
        long unit = 1;
        if (t.endsWith("k")) {
            unit = 1024;
        } else if (t.endsWith("m")) {
            unit = 1024 * 1024;
        } else if (t.endsWith("g")) {
            unit = 1024L * 1024 * 1024;
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value * unit;
        } catch (NumberFormatException e) {
            throw Exit.usage(option + " '" + text + "' is not a size: write e.g. 64MiB, 512k or 1000000");
        }
    }
}
