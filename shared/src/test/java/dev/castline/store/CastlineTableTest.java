package dev.castline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.emulation.OperationCounter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Creating the table: once, and a restart that finds it asks, rather than failing a create. */
class CastlineTableTest {
    private final OperationCounter operations = new OperationCounter();
    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint(), operations);

    @Test
    void anExistingTableIsFoundWithoutATryToCreateItAgain() {
        String name = "castline-table-test-" + ProcessHandle.current().pid();

        assertThat(CastlineTable.createIfMissing(dynamo, name)).isTrue();
        operations.reset();
        assertThat(CastlineTable.createIfMissing(dynamo, name)).isFalse();

        // DynamoDB Local logs a refused CreateTable with a stack trace: a restart must not cause one.
        assertThat(operations.operations()).doesNotContain("CreateTable").contains("DescribeTable");
    }
}
