package dev.castline.emulation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * AWS's DynamoDB emulator, in this JVM, over real HTTP on loopback: the code under test talks to
 * it through the same SDK client and HTTP stack it uses on Lambda.
 */
public final class DynamoDbLocal implements AutoCloseable {
    private static DynamoDbLocal shared;

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** One in-memory emulator for the whole test JVM, started on first use; tests isolate by table. */
    public static synchronized DynamoDbLocal shared() {
        if (shared == null) {
            shared = start(null, freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dynamodb-local-stop"));
        }
        return shared;
    }

    /**
     * One database for every client ({@code -sharedDb}): otherwise DynamoDB Local keeps a separate
     * database per access key and region, and the AWS CLI would not see the stack's tables.
     *
     * @param dataDirectory where tables persist, or null to keep everything in memory
     */
    public static DynamoDbLocal start(Path dataDirectory, int port) {
        String[] args = dataDirectory == null
                ? new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"}
                : new String[] {"-dbPath", dataDirectory.toString(), "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"};
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
            server.start();
            return new DynamoDbLocal(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        }
    }
}
