package dev.castline.local;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.OperationCounts;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.config.AdminConfig;
import dev.castline.config.Config;
import dev.castline.config.MediaConfig;
import dev.castline.config.S3Clients;
import dev.castline.host.EpisodeService;
import dev.castline.host.ShowSettings;
import dev.castline.media.S3MediaObjects;
import dev.castline.store.CastlineTable;
import dev.castline.store.EpisodeStore;
import dev.castline.store.ShowStore;
import dev.castline.store.TableLayout;
import dev.castline.template.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The whole system on one machine, in this JVM: DynamoDB Local, S3Proxy (with SigV4 checks, so
 * presigned URLs are verified as S3 would), and the API Gateway stand-in running the functions'
 * real handlers, configured exactly as on Lambda but for the endpoints and credentials.
 */
public final class CastlineLocal implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String TABLE = "castline";
    public static final String AUDIO_BUCKET = "castline-audio";
    /** Where the media distribution's access logs are delivered, as the logs bucket on AWS. */
    public static final String LOGS_BUCKET = "castline-logs";
    private final MediaAccessLog mediaLog = new MediaAccessLog();
    /** What the functions send to DynamoDB and S3 (the stack's own set-up calls are not theirs). */
    private final OperationCounts dynamoOperations = new OperationCounts();
    private final OperationCounts s3Operations = new OperationCounts();
    private dev.castline.functions.downloads.CountDownloadsHandler downloads;
    public static final String ACCESS_KEY = "castlinelocal";  // DynamoDB Local accepts only letters and digits here
    public static final String SECRET_KEY = "castlinelocalsecret";
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    /** Where every listener of the stack binds unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * @param apiPort    the gateway's port; 0 picks free ports for all three servers
     * @param dataDir    where DynamoDB Local, S3Proxy and the secrets keep their data; null: in memory
     * @param adminToken the admin API's bearer token, or null to use the stored (or a new) one
     * @param bind       the address the gateway, DynamoDB Local and S3Proxy listen on; loopback by
     *                   default, since the emulators accept any credentials
     */
    public record Settings(int apiPort, int dynamoPort, int s3Port, Path dataDir, boolean sampleData, String adminToken,
                           External external, String bind) {
        public Settings(int apiPort, int dynamoPort, int s3Port, Path dataDir, boolean sampleData, String adminToken,
                        External external) {
            this(apiPort, dynamoPort, s3Port, dataDir, sampleData, adminToken, external, LOOPBACK);
        }

        public Settings(int apiPort, int dynamoPort, int s3Port, Path dataDir, boolean sampleData, String adminToken) {
            this(apiPort, dynamoPort, s3Port, dataDir, sampleData, adminToken, null);
        }

        public static Settings inMemoryOnFreePorts() {
            return new Settings(0, 0, 0, null, true, null);
        }
    }

    /**
     * DynamoDB and S3 served by something else (LocalStack, say) instead of the embedded
     * emulators. S3 ObjectCreated events are then that service's business, not the stack's.
     */
    public record External(URI dynamoEndpoint, URI s3Endpoint, String accessKey, String secretKey) {
    }

    /** A port the stack needs is taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        private final int port;

        PortInUseException(int port, String what) {
            super("port " + port + " (" + what + ") is already in use");
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private String bindHost = LOOPBACK;
    private String connectHost = LOOPBACK;
    private URI s3BindEndpoint;
    private URI baseUrl;
    private URI dynamoEndpoint;
    private URI s3Endpoint;
    private String adminToken;
    private List<String> sampleSlugs = List.of();
    private ObjectCreatedNotifier notifier;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private Path dataDir;
    private StaticCredentialsProvider credentials;
    private Config config;
    private AdminConfig adminConfig;
    private Clock clock;

    private CastlineLocal() {
    }

    public static CastlineLocal start(Settings settings) {
        return start(settings, null);
    }

    /**
     * With the functions' clock given (tests move it to see a scheduled episode appear); null
     * for the system's. Functions with a constructor that takes a clock get it.
     */
    public static CastlineLocal start(Settings settings, Clock clock) {
        CastlineLocal stack = new CastlineLocal();
        stack.clock = clock;
        try {
            stack.startAll(settings);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Settings settings) {
        External external = settings.external();
        bindHost = settings.bind() == null ? LOOPBACK : settings.bind();
        // A wildcard address listens on loopback too; clients of the stack connect there.
        connectHost = bindHost.equals("0.0.0.0") || bindHost.equals("::") ? LOOPBACK : bindHost;
        int apiPort = settings.apiPort() == 0 ? DynamoDbLocal.freePort() : settings.apiPort();
        requireFree(apiPort, "API");
        dataDir = settings.dataDir();
        credentials = external == null ? CREDENTIALS
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(external.accessKey(), external.secretKey()));
        if (external == null) {
            int dynamoPort = settings.dynamoPort() == 0 ? DynamoDbLocal.freePort() : settings.dynamoPort();
            int s3Port = settings.s3Port() == 0 ? DynamoDbLocal.freePort() : settings.s3Port();
            requireFree(dynamoPort, "DynamoDB Local");
            requireFree(s3Port, "S3");
            if (dataDir != null) {
                ownerOnly(dataDir);
                ownerOnly(dataDir.resolve("dynamodb"));
                ownerOnly(dataDir.resolve("s3"));
            }
            quietly(() -> resources.add(DynamoDbLocal.start(dataDir == null ? null : dataDir.resolve("dynamodb"), dynamoPort, bindHost)));
            dynamoEndpoint = URI.create("http://" + connectHost + ":" + dynamoPort);
            s3Endpoint = URI.create("http://" + connectHost + ":" + s3Port);
            s3BindEndpoint = URI.create("http://" + bindHost + ":" + s3Port);
            startS3Proxy(s3BindEndpoint, dataDir == null ? null : dataDir.resolve("s3"));
        } else {
            dynamoEndpoint = external.dynamoEndpoint();
            s3Endpoint = external.s3Endpoint();
        }
        dynamo = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        resources.add(dynamo);
        boolean firstStart = CastlineTable.createIfMissing(dynamo, TABLE);
        s3 = S3Client.builder().endpointOverride(s3Endpoint).region(Region.of(REGION)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        resources.add(s3);
        createBucketIfMissing(AUDIO_BUCKET);
        createBucketIfMissing(LOGS_BUCKET);

        adminToken = settings.adminToken() != null ? settings.adminToken() : LocalSecrets.getOrCreate(dataDir, "admin-token");
        String cursorKey = LocalSecrets.getOrCreate(dataDir, "cursor-signing-key");
        baseUrl = URI.create("http://" + connectHost + ":" + apiPort);
        config = new Config(REGION, TABLE, TableLayout.DEFAULT_SHOW, baseUrl + "/media", cursorKey.getBytes(StandardCharsets.UTF_8),
                Optional.of(dynamoEndpoint), Duration.ofSeconds(60), Duration.ofSeconds(300),
                // DynamoDB Local updates its indexes with the write: the feed has nothing to wait for.
                Duration.ZERO, credentials);

        AdminConfig admin = new AdminConfig(AdminConfig.digestOf(adminToken), new MediaConfig(AUDIO_BUCKET, Optional.of(s3Endpoint)),
                AdminConfig.DEFAULT_MAX_UPLOAD_BYTES, AdminConfig.MAX_UPLOAD_URL_TTL);
        adminConfig = admin;

        // One handler per function, as Lambda keeps one instance per container.
        TemplateRoutes template = TemplateRoutes.from(loadTemplate());
        Map<String, RequestStreamHandler> handlers = new HashMap<>();
        Router<RequestStreamHandler> router = new Router<>();
        for (TemplateRoutes.Route route : template.routes()) {
            router.add(route, handlers.computeIfAbsent(route.handlerClass(), c -> handler(c, config, admin, clock)));
        }
        for (TemplateRoutes.ObjectCreatedSubscription s : template.subscriptions()) {
            requireEmbeddedS3().subscribe(new ObjectCreatedNotifier.Subscriber(s.functionId(), s.keyPrefix(),
                    handlers.computeIfAbsent(s.handlerClass(), c -> handler(c, config, admin, clock))));
        }

        downloads = new dev.castline.functions.downloads.CountDownloadsHandler(config, admin.media(),
                closedWithStack(dev.castline.config.Clients.dynamoDb(config, config.credentials(), dynamoOperations)),
                closedWithStack(S3Clients.s3(config, admin.media(), s3Operations)), clock == null ? Clock.systemUTC() : clock);
        java.util.concurrent.ScheduledExecutorService logDelivery = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "castline-log-delivery");
            t.setDaemon(true);
            return t;
        });
        logDelivery.scheduleWithFixedDelay(() -> {
            try {
                deliverMediaLogs();
            } catch (RuntimeException e) {
                System.err.println("[castline] counting downloads: " + e);
            }
        }, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        resources.add(logDelivery::shutdownNow);

        if (firstStart && settings.sampleData()) {
            Clock clock = Clock.systemUTC();
            TableLayout layout = config.layout();
            sampleSlugs = SampleData.load(
                    new EpisodeService(new EpisodeStore(dynamo, TABLE, layout, clock), new S3MediaObjects(s3, AUDIO_BUCKET), clock),
                    new ShowSettings(new ShowStore(dynamo, TABLE, layout, clock)), sampleAudioBucket(), baseUrl.toString(),
                    config.mediaBaseUrl());
        } else if (settings.sampleData()) {
            SampleArtwork.putMissingRenditions(new S3MediaObjects(s3, AUDIO_BUCKET));
        }

        try {
            Gateway gateway = new Gateway(new InetSocketAddress(InetAddress.getByName(bindHost), apiPort), router,
                    new MediaServer(s3, AUDIO_BUCKET, mediaLog));
            gateway.start();
            resources.add(gateway);
            if (dataDir != null) {
                // Where the running stack answers, for tools on this machine (castline login --local).
                Files.writeString(dataDir.resolve("api-url"), baseUrl + "\n", StandardCharsets.UTF_8);
                resources.add(() -> Files.deleteIfExists(dataDir.resolve("api-url")));
            }
        } catch (BindException e) {
            throw new PortInUseException(apiPort, "API");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startS3Proxy(URI endpoint, Path directory) {
        Properties properties = new Properties();
        BlobStore base;
        if (directory == null) {
            base = BlobStores.create("transient", properties);
        } else {
            properties.setProperty("jclouds.filesystem.basedir", directory.toString());
            base = BlobStores.create("filesystem", properties);
        }
        notifier = new ObjectCreatedNotifier(base, REGION);
        resources.add(notifier);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(notifier)
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        quietly(() -> {
            try {
                proxy.start();
                for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
                    Thread.sleep(25);
                }
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not start on " + endpoint, e);
            }
        });
        resources.add(proxy::stop);
    }

    private void createBucketIfMissing(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (S3Exception e) {
            // HEAD has no body, so a missing bucket is a bare 404 rather than NoSuchBucket.
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(r -> r.bucket(bucket));
        }
    }

    /**
     * Delivers the {@code /media} requests logged since the last delivery as one log file in the
     * logs bucket, and counts its downloads, as CloudFront's log delivery and the count-downloads
     * function do on AWS. The running stack does it every minute; tests call it when they need it.
     * One delivery at a time: when a call returns, what was logged before it is counted (a test
     * then knows no delivery is writing beside what it measures).
     *
     * @return what counting the file did; empty when no request was logged
     */
    public synchronized Optional<dev.castline.functions.downloads.CountDownloadsHandler.Report> deliverMediaLogs() {
        Optional<byte[]> file = mediaLog.drain();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String key = "media/" + java.time.Instant.now().toString().replace(":", "") + "-" + UUID.randomUUID() + ".gz";
        s3.putObject(r -> r.bucket(LOGS_BUCKET).key(key).contentType("application/gzip"), RequestBody.fromBytes(file.get()));
        try {
            return Optional.ofNullable(downloads.process(LOGS_BUCKET, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the sample show's audio goes. The embedded S3 gets it straight in the store S3Proxy
     * serves from, as S3Proxy stores a PUT (ObjectCreated events included): the same objects,
     * without the 1–2 s of CPU that signing, hashing and sending the sample's ~45 MB through the
     * S3 API add to a first start (measured on 2 cores). Another S3 gets ordinary PUTs.
     */
    private SampleData.AudioBucket sampleAudioBucket() {
        if (notifier == null) {
            return (key, contentType, content) -> s3.putObject(r -> r.bucket(AUDIO_BUCKET).key(key).contentType(contentType),
                    RequestBody.fromBytes(content));
        }
        return (key, contentType, content) -> notifier.putBlob(PutObjectRequest.builder().bucket(AUDIO_BUCKET).key(key)
                .contentType(contentType).contentLength((long) content.length).build(), new ByteArrayInputStream(content));
    }

    private ObjectCreatedNotifier requireEmbeddedS3() {
        if (notifier == null) {
            throw new UnsupportedOperationException("S3 ObjectCreated events come from the embedded S3 only");
        }
        return notifier;
    }

    /**
     * Builds a function's handler through the constructor Lambda's no-arg one delegates to, with
     * clients of its own (as each function has on Lambda) that count what they send, and the
     * stack's clock (the system's unless one was given). A handler without such a constructor is
     * built from configuration.
     */
    private RequestStreamHandler handler(String className, Config config, AdminConfig admin, Clock clock) {
        try {
            Class<?> type = Class.forName(className);
            Map<Class<?>, Supplier<Object>> available = Map.of(Config.class, () -> config, AdminConfig.class, () -> admin,
                    MediaConfig.class, admin::media,
                    DynamoDbClient.class, () -> closedWithStack(dev.castline.config.Clients.dynamoDb(config, config.credentials(), dynamoOperations)),
                    S3Client.class, () -> closedWithStack(S3Clients.s3(config, admin.media(), s3Operations)),
                    S3Presigner.class, () -> closedWithStack(S3Clients.presigner(config, admin.media())),
                    Clock.class, () -> clock == null ? Clock.systemUTC() : clock);
            for (var constructor : type.getConstructors()) {
                List<Class<?>> p = List.of(constructor.getParameterTypes());
                if (p.contains(Clock.class) && available.keySet().containsAll(p)) {
                    return (RequestStreamHandler) constructor.newInstance(p.stream().map(c -> available.get(c).get()).toArray());
                }
            }
            for (var constructor : type.getConstructors()) {
                Class<?>[] p = constructor.getParameterTypes();
                if (p.length == 2 && p[0] == Config.class && p[1] == AdminConfig.class) {
                    return (RequestStreamHandler) constructor.newInstance(config, admin);
                }
                if (p.length == 2 && p[0] == Config.class && p[1] == MediaConfig.class) {
                    return (RequestStreamHandler) constructor.newInstance(config, admin.media());
                }
            }
            return (RequestStreamHandler) type.getConstructor(Config.class).newInstance(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("template.yaml names handler " + className + ", which cannot be built from configuration", e);
        }
    }

    private <T extends AutoCloseable> T closedWithStack(T client) {
        resources.add(client);
        return client;
    }

    private static SamTemplate loadTemplate() {
        try (InputStream in = CastlineLocal.class.getResourceAsStream("/template.yaml")) {
            if (in == null) {
                throw new IllegalStateException("template.yaml is not on the classpath (build the local module with Maven)");
            }
            return SamTemplate.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireFree(int port, String what) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(bindHost), port));
        } catch (IOException e) {
            throw new PortInUseException(port, what);
        }
    }

    /**
     * Creates the folder if needed and makes it readable by its owner only (rwx------): the data
     * holds drafts and the admin token, and the emulators' files inherit nothing wider.
     */
    private static void ownerOnly(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder keeps the permissions of where it was made.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The emulators print banners to stdout; the stack's own output is the ready line. */
    private static void quietly(Runnable start) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(PrintStream.nullOutputStream()));
        try {
            start.run();
        } finally {
            System.setOut(original);
        }
    }

    /** The configuration the stack's functions run with. */
    public Config config() {
        return config;
    }

    public AdminConfig adminConfig() {
        return adminConfig;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public String adminToken() {
        return adminToken;
    }

    /** Slugs of the sample episodes loaded by this start (empty when the data was already there). */
    public List<String> sampleSlugs() {
        return sampleSlugs;
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /**
     * The DynamoDB operations the stack's functions have sent since it started, per operation
     * name (calls, and the items they named): a copy, to compare with a later one. Calls made
     * through {@link #dynamo()} are not counted.
     */
    public OperationCounts.Snapshot dynamoDbOperations() {
        return dynamoOperations.snapshot();
    }

    /**
     * The S3 operations the stack's functions have sent through their S3 clients since it
     * started (not the uploads host clients make to signed URLs, nor calls through {@link #s3()}).
     */
    public OperationCounts.Snapshot s3Operations() {
        return s3Operations.snapshot();
    }

    public S3Client s3() {
        return s3;
    }

    /** Signs as the admin function does, against this stack's S3. */
    public S3Presigner presigner() {
        return S3Clients.presigner(config, adminConfig.media());
    }

    /** Whether this stack emits S3 ObjectCreated events itself (it does unless S3 is external). */
    public boolean emitsObjectCreatedEvents() {
        return notifier != null;
    }

    /** Invokes {@code handler} as S3 would invoke a subscribed function, for objects created under {@code keyPrefix}. */
    public void subscribe(String name, String keyPrefix, RequestStreamHandler handler) {
        requireEmbeddedS3().subscribe(new ObjectCreatedNotifier.Subscriber(name, keyPrefix, handler));
    }

    /** Stops the gateway first (no new requests), then S3Proxy and DynamoDB Local, flushing their data. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("[castline] while stopping: " + e);
            }
        }
        resources.clear();
    }
}
