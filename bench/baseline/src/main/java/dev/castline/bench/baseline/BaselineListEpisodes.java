package dev.castline.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** GET /api/v1/episodes with SDK defaults: one page of public episodes, newest first. */
public class BaselineListEpisodes implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DynamoDbTable<EpisodeItem> table = DynamoDbEnhancedClient.create()
            .table(System.getenv("TABLE_NAME"), TableSchema.fromBean(EpisodeItem.class));

    @Override
    @SuppressWarnings("unchecked")
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = MAPPER.readValue(input, Map.class);
        Map<String, String> query = (Map<String, String>) event.getOrDefault("queryStringParameters", Map.of());
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        String upper = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() + "$";
        Page<EpisodeItem> page = table.index("ByPublishDate").query(r -> r
                .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue("SHOW#default#RELEASED").sortValue(upper).build()))
                .scanIndexForward(false).limit(limit)).iterator().next();
        List<Map<String, Object>> items = new ArrayList<>();
        for (EpisodeItem e : page.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("slug", e.getSlug());
            item.put("title", e.getTitle());
            item.put("summary", e.getSummary());
            item.put("publishedAt", e.getPublishAt());
            item.put("tags", e.getTags());
            if (e.getAudio() != null) {
                item.put("durationSeconds", e.getAudio().getDurationMillis() / 1000);
                item.put("audio", Map.of("type", e.getAudio().getContentType(), "bytes", e.getAudio().getBytes()));
            }
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextCursor", null);
        MAPPER.writeValue(output, Map.of("statusCode", 200, "headers", Map.of("content-type", "application/json"),
                "body", MAPPER.writeValueAsString(body)));
    }
}
