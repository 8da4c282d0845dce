package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.emulation.OperationCounts;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stack counts the DynamoDB and S3 operations its functions send, per operation name, so a
 * test (or a benchmark) can say what a request cost in writes by comparing two snapshots.
 */
@ExtendWith(CastlineLocalExtension.class)
class OperationCountsEndToEndTest {
    private final CastlineLocal stack;
    private final AdminApi admin;

    OperationCountsEndToEndTest(CastlineLocal stack) {
        this.stack = stack;
        this.admin = new AdminApi(stack);
    }

    @Test
    void aDraftIsOneTransactionReadingWritesNothingAndDeletingItsUploadDeletesObjects() {
        stack.deliverMediaLogs(); // no download count of other tests' requests writes beside this one
        OperationCounts.Snapshot dynamo = stack.dynamoDbOperations();
        OperationCounts.Snapshot s3 = stack.s3Operations();

        JsonNode draft = admin.call("POST", "/api/v1/admin/episodes", "{\"title\":\"Counted\"}", 201);

        OperationCounts.Snapshot created = stack.dynamoDbOperations().since(dynamo);
        assertThat(created.only(OperationCounts.DYNAMODB_WRITES).calls()).as("writes of a new draft").containsExactly(
                Map.entry("TransactWriteItems", 1L));
        assertThat(created.items("TransactWriteItems")).as("the episode, its slug and its guid").isEqualTo(3);
        assertThat(stack.s3Operations().since(s3).calls()).isEmpty();

        OperationCounts.Snapshot beforeReads = stack.dynamoDbOperations();
        assertThat(Http.get(URI.create(stack.baseUrl() + "/feed.xml")).status()).isEqualTo(200);
        assertThat(Http.get(URI.create(stack.baseUrl() + "/api/v1/episodes")).status()).isEqualTo(200);
        admin.call("GET", "/api/v1/admin/episodes/" + draft.get("id").asText(), null, 200);
        OperationCounts.Snapshot reads = stack.dynamoDbOperations().since(beforeReads);
        assertThat(reads.total()).as("the reads are counted").isPositive();
        assertThat(reads.only(OperationCounts.DYNAMODB_WRITES).calls()).as("reading writes nothing").isEmpty();

        String id = draft.get("id").asText();
        admin.call("POST", "/api/v1/admin/episodes/" + id + "/audio", "{\"contentType\":\"audio/mpeg\",\"bytes\":1000}", 201);
        OperationCounts.Snapshot beforeDelete = stack.s3Operations();
        admin.call("DELETE", "/api/v1/admin/episodes/" + id, null, 204);
        assertThat(stack.s3Operations().since(beforeDelete).only(OperationCounts.S3_WRITES).calls())
                .as("the pending upload's object and its withheld copy").containsExactly(Map.entry("DeleteObject", 2L));
    }
}
