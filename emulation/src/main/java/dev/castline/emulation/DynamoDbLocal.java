package dev.castline.emulation;

import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
    public static final String LOOPBACK = "127.0.0.1";

    private static DynamoDbLocal shared;

    private final DynamoDBProxyServer server;
    private final int port;
    private final String host;

    private DynamoDbLocal(DynamoDBProxyServer server, int port, String host) {
        this.server = server;
        this.port = port;
        this.host = host;
    }

    /** One in-memory emulator for the whole test JVM, started on first use; tests isolate by table. */
    public static synchronized DynamoDbLocal shared() {
        if (shared == null) {
            shared = start(null, freePort(), LOOPBACK);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dynamodb-local-stop"));
        }
        return shared;
    }

    /** {@link #start(Path, int, String)} on loopback. */
    public static DynamoDbLocal start(Path dataDirectory, int port) {
        return start(dataDirectory, port, LOOPBACK);
    }

    /**
     * One database for every client ({@code -sharedDb}): otherwise DynamoDB Local keeps a separate
     * database per access key and region, and the AWS CLI would not see the stack's tables.
     *
     * <p>DynamoDB Local accepts any credentials and has no option for the address it listens on:
     * it binds every interface. Here its connector is bound to {@code host} before it starts, so
     * by default nobody but this machine can read the data.
     *
     * @param dataDirectory where tables persist, or null to keep everything in memory
     * @param host          the address to listen on, {@value #LOOPBACK} unless asked otherwise
     */
    public static DynamoDbLocal start(Path dataDirectory, int port, String host) {
        String[] args = dataDirectory == null
                ? new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"}
                : new String[] {"-dbPath", dataDirectory.toString(), "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"};
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
            bind(server, host);
            server.start();
            return new DynamoDbLocal(server, port, host);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    /**
     * Sets the host of the emulator's Jetty connectors. The server is a private field of
     * DynamoDB Local's proxy (no API sets its address), read once here, at start-up, never on a
     * request path.
     */
    private static void bind(DynamoDBProxyServer proxy, String host) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        boolean bound = false;
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector network) {
                network.setHost(host);
                bound = true;
            }
        }
        if (!bound) {
            throw new IllegalStateException("DynamoDB Local has no network connector to bind to " + host);
        }
    }

    public URI endpoint() {
        // A wildcard address listens on loopback too; a specific one only on itself.
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::");
        return URI.create("http://" + (wildcard || host.contains(":") ? LOOPBACK : host) + ":" + port);
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
