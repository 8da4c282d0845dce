package dev.castline.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** GET /api/v1/episodes/{slug} with SDK defaults: the slug item, then the episode, as beans. */
public class BaselineGetEpisode implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DynamoDbTable<EpisodeItem> table = DynamoDbEnhancedClient.create()
            .table(System.getenv("TABLE_NAME"), TableSchema.fromBean(EpisodeItem.class));

    @Override
    @SuppressWarnings("unchecked")
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = MAPPER.readValue(input, Map.class);
        String slug = ((Map<String, String>) event.get("pathParameters")).get("slug");
        EpisodeItem slugItem = table.getItem(Key.builder().partitionValue("SHOW#default#SLUG#" + slug).sortValue("SLUG").build());
        if (slugItem == null) {
            MAPPER.writeValue(output, Map.of("statusCode", 404, "body", "{\"error\":{\"code\":\"not_found\"}}"));
            return;
        }
        EpisodeItem e = table.getItem(Key.builder().partitionValue("SHOW#default#EPISODE#" + slugItem.getEpisodeId()).sortValue("EPISODE").build());
        MAPPER.writeValue(output, Map.of("statusCode", 200, "headers", Map.of("content-type", "application/json"),
                "body", MAPPER.writeValueAsString(e)));
    }
}
