package dev.castline.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table's definition, for the local stack and tests. template.yaml declares the same table
 * for AWS; a test holds the two together.
 */
public final class CastlineTable {
    private CastlineTable() {
    }

    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        string(TableLayout.PK), string(TableLayout.SK),
                        string(TableLayout.LIST_PK), string(TableLayout.LIST_SK),
                        string(TableLayout.DRAFT_PK), string(TableLayout.DRAFT_SK))
                .keySchema(hash(TableLayout.PK), range(TableLayout.SK))
                .globalSecondaryIndexes(
                        summaryIndex(TableLayout.LIST_INDEX, TableLayout.LIST_PK, TableLayout.LIST_SK),
                        summaryIndex(TableLayout.DRAFT_INDEX, TableLayout.DRAFT_PK, TableLayout.DRAFT_SK))
                .build();
    }

    private static GlobalSecondaryIndex summaryIndex(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(hash(partitionKey), range(sortKey))
                .projection(Projection.builder()
                        .projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes(EpisodeMapper.SUMMARY_ATTRIBUTES)
                        .build())
                .build();
    }

    /**
     * Creates the table unless it exists, and waits until it can be used. Whether it exists is
     * asked with ListTables, which never fails: DynamoDB Local logs a refused CreateTable (a
     * restart) and a DescribeTable of a missing table (a first start) with a stack trace each.
     *
     * @return true if this call created it
     */
    public static boolean createIfMissing(DynamoDbClient dynamo, String tableName) {
        boolean created = false;
        boolean exists = dynamo.listTablesPaginator().tableNames().stream().anyMatch(tableName::equals);
        if (!exists) {
            try {
                dynamo.createTable(definition(tableName));
                created = true;
            } catch (ResourceInUseException createdMeanwhile) {
                created = false;
            }
        }
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(tableName));
        return created;
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
