package dev.castline.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The daily download counts (written by count-downloads, read by the host's stats route), and
 * their keys, in one place. Every key starts with {@code SHOW#{show}}, as {@link TableLayout}'s do.
 *
 * <pre>
 * item              PK                                  SK                        attributes
 * day               SHOW#{show}#STATS                   DAY#{date}                downloads, app:{app}..., cc:{country}...
 * day x episode     SHOW#{show}#STATS                   DAY#{date}#EP#{id}        downloads
 * episode's day     SHOW#{show}#STATS#EP#{id}           DAY#{date}                downloads, app:{app}..., cc:{country}...
 * </pre>
 *
 * So any range of days is one Query (paged by DynamoDB past 1 MB): the show's partition between
 * {@code DAY#{from}} and {@code DAY#{to}~} holds each day's totals and each day's episodes; one
 * episode's partition holds its days with their apps and countries. Dates are UTC.
 */
public final class DownloadStats {
    public static final String DOWNLOADS = "downloads";
    public static final String APP_PREFIX = "app:";
    public static final String COUNTRY_PREFIX = "cc:";
    static final String ENTITY_VALUE = "stats";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableLayout layout;

    public DownloadStats(DynamoDbClient dynamo, String table, TableLayout layout) {
        this.dynamo = dynamo;
        this.table = table;
        this.layout = layout;
    }

    // ---- keys (the counting function writes the same items)

    public static String showPartition(TableLayout layout) {
        return "SHOW#" + layout.showId() + "#STATS";
    }

    public static String episodePartition(TableLayout layout, String episodeId) {
        return showPartition(layout) + "#EP#" + episodeId;
    }

    public static String daySortKey(String date) {
        return "DAY#" + date;
    }

    public static String dayEpisodeSortKey(String date, String episodeId) {
        return daySortKey(date) + "#EP#" + episodeId;
    }

    // ---- reading

    /**
     * Downloads over {@code [from, to]}, for the show or one episode.
     *
     * @param days      every date of the range in order, zero where nothing was counted
     * @param episodes  downloads by episode id
     * @param byApp     downloads by app group
     * @param byCountry downloads by country, where the logs said it
     */
    public record Report(long total, Map<LocalDate, Long> days, Map<String, Long> episodes, Map<String, Long> byApp,
                         Map<String, Long> byCountry) {
    }

    public Report read(LocalDate from, LocalDate to, Optional<String> episodeId) {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        Map<String, Long> episodes = new HashMap<>();
        Map<String, Long> byApp = new TreeMap<>();
        Map<String, Long> byCountry = new TreeMap<>();
        String partition = episodeId.map(id -> episodePartition(layout, id)).orElse(showPartition(layout));
        String upper = episodeId.isPresent() ? daySortKey(to.toString()) : daySortKey(to.toString()) + "~";
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> resume = start;
            QueryResponse page = DynamoCalls.call(() -> dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                    .expressionAttributeValues(Map.of(":pk", TableLayout.s(partition), ":from", TableLayout.s(daySortKey(from.toString())),
                            ":to", TableLayout.s(upper)))
                    .exclusiveStartKey(resume)
                    .build()));
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.get(TableLayout.SK).s();
                long downloads = count(item.get(DOWNLOADS));
                int episodeMark = sk.indexOf("#EP#");
                if (episodeMark >= 0) {
                    episodes.merge(sk.substring(episodeMark + 4), downloads, Long::sum);
                    continue;
                }
                days.merge(LocalDate.parse(sk.substring(4)), downloads, Long::sum);
                episodeId.ifPresent(id -> episodes.merge(id, downloads, Long::sum));
                item.forEach((name, value) -> {
                    if (name.startsWith(APP_PREFIX)) {
                        byApp.merge(name.substring(APP_PREFIX.length()), count(value), Long::sum);
                    } else if (name.startsWith(COUNTRY_PREFIX)) {
                        byCountry.merge(name.substring(COUNTRY_PREFIX.length()), count(value), Long::sum);
                    }
                });
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        long total = days.values().stream().mapToLong(Long::longValue).sum();
        return new Report(total, days, episodes, byApp, byCountry);
    }

    /** The slugs of these episode ids, by BatchGetItem of their items (100 a request); ids without an item are left out. */
    public Map<String, String> slugs(List<String> episodeIds) {
        Map<String, String> slugs = new HashMap<>();
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(episodeIds));
        for (int i = 0; i < ids.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(i, Math.min(ids.size(), i + 100))) {
                keys.add(layout.episodeKey(id));
            }
            Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> request = Map.of(table,
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(keys)
                            .projectionExpression("#id, #slug").expressionAttributeNames(Map.of("#id", EpisodeMapper.ID, "#slug", EpisodeMapper.SLUG)).build());
            while (request != null && !request.isEmpty()) {
                var pending = request;
                var response = DynamoCalls.call(() -> dynamo.batchGetItem(r -> r.requestItems(pending)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    if (item.containsKey(EpisodeMapper.ID) && item.containsKey(EpisodeMapper.SLUG)) {
                        slugs.put(item.get(EpisodeMapper.ID).s(), item.get(EpisodeMapper.SLUG).s());
                    }
                }
                request = response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty() ? response.unprocessedKeys() : null;
            }
        }
        return slugs;
    }

    private static long count(AttributeValue value) {
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
