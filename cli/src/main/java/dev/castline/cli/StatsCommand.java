package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Prints the show's downloads: by day (a bar chart), by episode, by app and by country.",
            "Counted from the media CDN's logs by the IAB rules (README, \"Download analytics\"); days are UTC."})
final class StatsCommand implements Callable<Integer> {
    private static final Pattern SINCE = Pattern.compile("(\\d{1,3})([dw])");
    static final int BAR = 40;

    @ParentCommand
    Castline root;

    @Mixin
    Common common;

    @Option(names = "--episode", paramLabel = "SLUG", description = "One episode's downloads only.")
    String episode;

    @Option(names = "--since", paramLabel = "AGE", defaultValue = "30d",
            description = "How far back: days (30d) or weeks (12w), up to today (default: ${DEFAULT-VALUE}).")
    String since;

    @Override
    public Integer call() {
        Matcher m = SINCE.matcher(since);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw new Exit.Failure(Exit.USAGE, "--since must be a number of days or weeks, e.g. 30d or 12w");
        }
        int days = Integer.parseInt(m.group(1)) * (m.group(2).equals("w") ? 7 : 1);
        LocalDate to = LocalDate.now(root.env.clock().withZone(ZoneOffset.UTC));
        LocalDate from = to.minusDays(days - 1L);
        Api api = common.api(root);
        String path = Episodes.ADMIN + "/stats?from=" + from + "&to=" + to + (episode == null ? "" : "&episode=" + Api.encode(episode));
        JsonNode stats = api.get(path).body();
        if (common.json) {
            Common.printJson(root.env, stats);
            return Exit.OK;
        }
        var out = root.env.out();
        out.println("Downloads " + from + " to " + to + (episode == null ? "" : ", " + episode) + ": " + stats.path("total").asLong());
        long most = 1;
        for (JsonNode day : stats.path("days")) {
            most = Math.max(most, day.path("downloads").asLong());
        }
        out.println();
        for (JsonNode day : stats.path("days")) {
            long n = day.path("downloads").asLong();
            out.printf("%s  %6d  %s%n", day.path("date").asText(), n, "█".repeat((int) Math.round(BAR * (double) n / most)));
        }
        table(out, "Episode", stats.path("episodes"), "slug");
        table(out, "App", stats.path("byApp"), null);
        table(out, "Country", stats.path("byCountry"), null);
        return Exit.OK;
    }

    /** A list of {key, downloads} objects, or an object of name → downloads, as a two-column table. */
    private static void table(java.io.PrintStream out, String heading, JsonNode rows, String keyField) {
        if (rows == null || rows.isEmpty()) {
            return;
        }
        out.println();
        out.printf("%-48s %9s%n", heading, "downloads");
        if (rows.isArray()) {
            rows.forEach(r -> out.printf("%-48s %9d%n", r.path(keyField).asText(), r.path("downloads").asLong()));
        } else {
            for (Map.Entry<String, JsonNode> r : rows.properties()) {
                out.printf("%-48s %9d%n", r.getKey(), r.getValue().asLong());
            }
        }
    }
}
