package dev.castline.testing;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.config.Config;
import dev.castline.store.CastlineTable;
import dev.castline.store.TableLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh table per test class in the shared DynamoDB Local, so tests never see each other's
 * data, and a {@link Config} pointing at it.
 */
public final class TestTables {
    public static final String MEDIA_BASE_URL = "https://media.castline.test";
    public static final String SIGNING_KEY = "test-signing-key-of-at-least-32-bytes!!";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestTables() {
    }

    /** Creates a new empty table and returns its name. */
    public static String create(DynamoDbClient dynamo) {
        String name = "castline-test-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        CastlineTable.createIfMissing(dynamo, name);
        return name;
    }

    public static Config config(String tableName) {
        return new Config(EmulatorClients.REGION, tableName, TableLayout.DEFAULT_SHOW, MEDIA_BASE_URL, SIGNING_KEY.getBytes(StandardCharsets.UTF_8),
                Optional.of(DynamoDbLocal.shared().endpoint()), Duration.ofSeconds(60), Duration.ofSeconds(300), Duration.ZERO, EmulatorClients.CREDENTIALS);
    }
}
