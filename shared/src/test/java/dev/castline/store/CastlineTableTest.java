package dev.castline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.emulation.OperationCounter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Creating the table: once, and neither a first start nor a restart makes DynamoDB Local log a failure. */
class CastlineTableTest {
    private final OperationCounter operations = new OperationCounter();
    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint(), operations);

    @Test
    void anExistingTableIsFoundWithoutATryToCreateItAgain() {
        String name = "castline-table-test-" + ProcessHandle.current().pid();

        assertThat(CastlineTable.createIfMissing(dynamo, name)).isTrue();
        // DynamoDB Local logs a DescribeTable of a missing table with a stack trace: a first start asks the list.
        assertThat(operations.operations()).startsWith("ListTables", "CreateTable");
        operations.reset();
        assertThat(CastlineTable.createIfMissing(dynamo, name)).isFalse();

        // It logs a refused CreateTable with a stack trace too: a restart must not cause one.
        assertThat(operations.operations()).doesNotContain("CreateTable").startsWith("ListTables");
    }
}
