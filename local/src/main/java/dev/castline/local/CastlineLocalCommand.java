package dev.castline.local;

import dev.castline.api.Paths;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar local/target/castline-local.jar}: runs the whole stack until Ctrl-C. */
@Command(name = "castline-local", mixinStandardHelpOptions = true, version = "Castline local stack 0.1.0",
        description = {
            "Runs Castline on this machine: the API functions behind an API Gateway stand-in, DynamoDB Local and",
            "S3Proxy, all in this JVM. The first start loads a sample show; data is kept in the data directory."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "1:failed to start", "2:a port is already in use, or bad options"})
public final class CastlineLocalCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "3000", description = "API port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--dynamodb-port", description = "DynamoDB Local port (default: API port + 1).")
    Integer dynamoPort;

    @Option(names = "--s3-port", description = "S3 (S3Proxy) port (default: API port + 2).")
    Integer s3Port;

    @Option(names = "--data-dir", defaultValue = ".castline", description = "Where data is kept (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--in-memory", description = "Keep nothing: all data is gone when the stack stops.")
    boolean inMemory;

    @Option(names = "--no-sample-data", negatable = false, description = "Do not load the sample show on first start.")
    boolean noSampleData;

    @Option(names = "--bind", defaultValue = CastlineLocal.LOOPBACK,
            description = "Address every server listens on (default: ${DEFAULT-VALUE}, this machine only; the emulators accept any credentials, so 0.0.0.0 opens the data to the network).")
    String bind;

    @Option(names = "--admin-token", description = "Bearer token of the admin API (default: generated once, kept in the data directory).")
    String adminToken;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 1 || port > 65533) {
            System.err.println("castline-local: --port must be from 1 to 65533");
            return 2;
        }
        CastlineLocal.Settings settings = new CastlineLocal.Settings(port,
                dynamoPort != null ? dynamoPort : port + 1,
                s3Port != null ? s3Port : port + 2,
                inMemory ? null : dataDir.toAbsolutePath().normalize(),
                !noSampleData, adminToken, null, bind);
        CastlineLocal stack;
        try {
            stack = CastlineLocal.start(settings);
        } catch (CastlineLocal.PortInUseException e) {
            System.err.println("castline-local: " + e.getMessage() + "; choose another with --port");
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            System.out.println("Castline local stack stopped.");
            stopped.countDown();
        }, "castline-stop"));
        printReady(stack);
        stopped.await();
        return 0;
    }

    private static void printReady(CastlineLocal stack) {
        String base = stack.baseUrl().toString();
        System.out.println("Castline local stack ready at " + base);
        System.out.println("  site         " + base + "/");
        if (!stack.sampleSlugs().isEmpty()) {
            System.out.println("  episode page " + base + Paths.episodePage(stack.sampleSlugs().getFirst()));
        }
        System.out.println("  episodes     " + base + Paths.API + "/episodes");
        if (!stack.sampleSlugs().isEmpty()) {
            System.out.println("  one episode  " + base + Paths.apiEpisode(stack.sampleSlugs().getFirst()));
            System.out.println("  sample data  " + stack.sampleSlugs().size() + " episodes loaded");
        }
        System.out.println("  show         " + base + Paths.API + "/show");
        System.out.println("  feed         " + base + Paths.FEED);
        System.out.println("  OpenAPI      " + base + Paths.API + "/openapi.json");
        System.out.println("  admin API    " + base + Paths.ADMIN + "/...  (Authorization: Bearer <admin token>)");
        System.out.println("  media        " + base + "/media/{key}");
        System.out.println("  DynamoDB     " + stack.dynamoEndpoint() + "  (table " + CastlineLocal.TABLE + ")");
        System.out.println("  S3           " + stack.s3Endpoint() + "  (bucket " + CastlineLocal.AUDIO_BUCKET
                + ", access key " + CastlineLocal.ACCESS_KEY + ", secret " + CastlineLocal.SECRET_KEY + ")");
        System.out.println("  admin token  " + stack.adminToken());
        System.out.println("  data         " + stack.dataDir().map(Path::toString).orElse("in memory: gone when stopped"));
        System.out.println("Press Ctrl-C to stop.");
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CastlineLocalCommand());
        // Bad options are a usage error (2), like a busy port: never a stack trace.
        cli.setParameterExceptionHandler((ex, a) -> {
            System.err.println("castline-local: " + ex.getMessage());
            System.err.println("Try --help.");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            System.err.println("castline-local: failed to start: " + ex);
            ex.printStackTrace();
            return 1;
        });
        int code = cli.execute(args);
        System.exit(code);
    }
}
