package dev.castline.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes to one table as transactions: the parts each write is made of, and running them with
 * each failed condition turned into the domain's {@link ConflictException}.
 */
final class Transactions {
    private static final int ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;

    Transactions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    String table() {
        return table;
    }

    TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .build()).build();
    }

    /** A put that succeeds only while the stored item's {@code version} is {@code expected}. */
    TransactWriteItem putIfVersion(Map<String, AttributeValue> item, String versionAttribute, long expected) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("#v = :v")
                .expressionAttributeNames(Map.of("#v", versionAttribute))
                .expressionAttributeValues(Map.of(":v", TableLayout.n(expected)))
                .build()).build();
    }

    /** A delete that succeeds only while the stored item's {@code version} is {@code expected}. */
    TransactWriteItem deleteIfVersion(Map<String, AttributeValue> key, String versionAttribute, long expected) {
        return TransactWriteItem.builder().delete(Delete.builder()
                .tableName(table)
                .key(key)
                .conditionExpression("#v = :v")
                .expressionAttributeNames(Map.of("#v", versionAttribute))
                .expressionAttributeValues(Map.of(":v", TableLayout.n(expected)))
                .build()).build();
    }

    TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(new HashMap<>(key)).build()).build();
    }

    /**
     * Runs a transaction. A failed condition on write {@code i} becomes {@code conflicts.get(i)};
     * a clash with a concurrent transaction is retried, because its outcome is not yet known.
     */
    void run(List<TransactWriteItem> writes, List<ConflictException> conflicts) {
        for (int attempt = 1; ; attempt++) {
            try {
                DynamoCalls.call(() -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                for (int i = 0; i < reasons.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        if (i < conflicts.size()) {
                            throw conflicts.get(i);
                        }
                        throw new IllegalStateException("unexpected condition failure on write " + i, e);
                    }
                }
                boolean clash = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!clash || attempt == ATTEMPTS) {
                    throw new StoreUnavailableException("transaction cancelled: " + reasons, e);
                }
            }
        }
    }
}
