package dev.castline.functions.admin;

import dev.castline.domain.Slugs;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Json;
import dev.castline.store.DownloadStats;
import dev.castline.store.EpisodeStore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/admin/stats?from=&to=[&episode=]}: downloads counted from the media CDN's
 * logs (count-downloads), per day, per episode, per app and per country. One Query for the whole
 * range (DynamoDB pages it past 1 MB) and one BatchGetItem of the episodes' slugs; with
 * {@code episode}, one GetItem of its slug and one Query of its partition. Every day of the range
 * is listed, zero where nothing was counted, so the answer charts as it is.
 */
final class StatsRoutes {
    /** The longest range one request reads: two years of days. */
    static final int MAX_DAYS = 731;

    private final DownloadStats stats;
    private final EpisodeStore episodes;

    StatsRoutes(DownloadStats stats, EpisodeStore episodes) {
        this.stats = stats;
        this.episodes = episodes;
    }

    ApiResponse get(ApiRequest request) {
        LocalDate from = date(request, "from");
        LocalDate to = date(request, "to");
        if (to.isBefore(from)) {
            throw ApiException.badRequest("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.badRequest("to", "a range is at most " + MAX_DAYS + " days");
        }
        Optional<String> slug = request.query("episode");
        Optional<String> episodeId = Optional.empty();
        if (slug.isPresent()) {
            if (!Slugs.isValid(slug.get())) {
                throw ApiException.badRequest("episode", "episode must be an episode's slug");
            }
            episodeId = Optional.of(episodes.findBySlug(slug.get(), false)
                    .orElseThrow(() -> ApiException.notFound("No episode has this slug.")).id());
        }
        DownloadStats.Report report = stats.read(from, to, episodeId);
        Map<String, String> slugs = slug.isPresent() ? Map.of(episodeId.get(), slug.get())
                : stats.slugs(new ArrayList<>(report.episodes().keySet()));
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(report.episodes().entrySet());
        ranked.removeIf(e -> !slugs.containsKey(e.getKey())); // an episode deleted since: its downloads stay in the days' totals
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(e -> slugs.get(e.getKey())));
        String json = Json.write(out -> {
            out.writeStartObject();
            out.writeStringField("from", from.toString());
            out.writeStringField("to", to.toString());
            if (slug.isPresent()) {
                out.writeStringField("episode", slug.get());
            }
            out.writeNumberField("total", report.total());
            out.writeArrayFieldStart("days");
            for (var day : report.days().entrySet()) {
                out.writeStartObject();
                out.writeStringField("date", day.getKey().toString());
                out.writeNumberField("downloads", day.getValue());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("episodes");
            for (var e : ranked) {
                out.writeStartObject();
                out.writeStringField("slug", slugs.get(e.getKey()));
                out.writeNumberField("downloads", e.getValue());
                out.writeEndObject();
            }
            out.writeEndArray();
            counts(out, "byApp", report.byApp());
            counts(out, "byCountry", report.byCountry());
            out.writeEndObject();
        });
        return ApiResponse.json(200, json);
    }

    private static void counts(com.fasterxml.jackson.core.JsonGenerator out, String name, Map<String, Long> counts) throws java.io.IOException {
        out.writeObjectFieldStart(name);
        for (var c : counts.entrySet()) {
            out.writeNumberField(c.getKey(), c.getValue());
        }
        out.writeEndObject();
    }

    private static LocalDate date(ApiRequest request, String name) {
        String text = request.query(name).orElseThrow(() -> ApiException.badRequest(name, name + " is required: a date like 2026-01-15"));
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a date like 2026-01-15");
        }
    }
}
