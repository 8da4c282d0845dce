package dev.castline.functions.downloads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.config.MediaConfig;
import dev.castline.config.S3Clients;
import dev.castline.lambda.Log;
import dev.castline.store.EpisodeStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A new CloudFront access log of the media distribution (S3 ObjectCreated, delivered by
 * EventBridge or a bucket notification): streams it (gzip or plain, never whole in memory),
 * keeps the requests {@link DownloadRules} lets through, folds them per listener
 * ({@link ListenerTally}) and hands the tally to {@link DownloadLedger}, which counts each
 * download exactly once however often the file is delivered.
 *
 * <p>Failures are thrown: Lambda retries the event twice, then sends it to the dead-letter queue.
 * A retry is harmless (the ledger's writes are idempotent). A log object gone before it is read
 * (a lifecycle rule) is logged and skipped.
 */
public final class CountDownloadsHandler implements RequestStreamHandler {
    /** Requests whose day is more than this many days before the log file was written are left out: their state may be gone. */
    static final int LATEST_DELAY_DAYS = DownloadLedger.KEEP_DAYS - 2;

    private final S3Client s3;
    private final EpisodeStore episodes;
    private final DownloadLedger ledger;
    private final DownloadRules rules;
    private final AudioFacts.TagSizes tags;

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public CountDownloadsHandler() {
        this(Config.fromEnvironment(System.getenv()), MediaConfig.fromEnvironment(System.getenv()));
    }

    public CountDownloadsHandler(Config config, MediaConfig media) {
        this(config, media, Clients.dynamoDb(config), S3Clients.s3(config, media), Clock.systemUTC());
    }

    public CountDownloadsHandler(Config config, MediaConfig media, DynamoDbClient dynamo, S3Client s3, Clock clock) {
        this(config, dynamo, s3, new S3TagSizes(s3, media.audioBucket()), clock);
    }

    /** With the audio files' tag sizes given (the tests have no audio bucket). */
    CountDownloadsHandler(Config config, DynamoDbClient dynamo, S3Client s3, AudioFacts.TagSizes tags, Clock clock) {
        this.s3 = s3;
        this.tags = tags;
        this.episodes = new EpisodeStore(dynamo, config.tableName(), config.layout(), clock);
        this.ledger = new DownloadLedger(dynamo, config.tableName(), config.layout(), clock, writers());
        this.rules = new DownloadRules(UserAgents.shipped());
    }

    /** The threads that write listener states: DynamoDB calls wait on the network, so more than the cores. */
    private static ExecutorService writers() {
        return Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "count-downloads-writer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        for (LogObjects.LogObject object : LogObjects.of(input)) {
            Report report = process(object.bucket(), object.key());
            if (report == null) {
                Log.warn(context, requestId, "log object gone before it was read: " + object.key(), null);
            } else {
                Log.info(context, requestId, "counted " + object.key() + ": " + report);
            }
        }
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    /** What processing one log file did, for the function's log and the benchmark. No addresses. */
    public record Report(long lines, long malformed, long tooLate, Map<DownloadRules.Skip, Long> skipped, int listenerFiles,
                         int stateWrites, int downloads, int countPartsApplied, int countPartsAlreadyApplied) {
    }

    /** Processes one log object; null if it no longer exists. */
    public Report process(String bucket, String key) throws IOException {
        ResponseInputStream<GetObjectResponse> object;
        try {
            object = s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return null;
        }
        try (InputStream in = object) {
            GetObjectResponse head = object.response();
            Instant written = head.lastModified() == null ? Instant.now() : head.lastModified();
            return process(fileId(bucket, key, head.eTag()), written, in);
        }
    }

    /**
     * Processes one log's bytes (gzip or plain).
     *
     * @param fileId  the same for every delivery of this object, different for any other
     * @param written when the log was written: requests of days long before it are left out
     */
    public Report process(String fileId, Instant written, InputStream raw) throws IOException {
        String oldestDay = LocalDate.ofInstant(written, ZoneOffset.UTC).minusDays(LATEST_DELAY_DAYS).toString();
        ListenerTally tally = new ListenerTally(new ListenerIds(ledger));
        Map<DownloadRules.Skip, Long> skipped = new EnumMap<>(DownloadRules.Skip.class);
        long[] counts = new long[2]; // lines, too late
        long malformed = CloudFrontLog.read(decompressed(raw), line -> {
            counts[0]++;
            DownloadRules.Decision d = rules.decide(line);
            if (d.skip() != null) {
                skipped.merge(d.skip(), 1L, Long::sum);
            } else if (d.request().day().compareTo(oldestDay) < 0) {
                counts[1]++;
            } else {
                tally.add(d.request());
            }
        });
        AudioFacts facts = new AudioFacts(episodes, tags);
        DownloadLedger.Outcome outcome = ledger.apply(fileId, tally.entries(), e -> facts.of(e.episodeId(), e.key()));
        return new Report(counts[0], malformed, counts[1], skipped, outcome.entries(), outcome.stateWrites(), outcome.downloads().size(),
                outcome.partsApplied(), outcome.partsAlreadyApplied());
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** A log object's identity: its bucket, key and ETag (a key written again with other bytes is another file). */
    static String fileId(String bucket, String key, String eTag) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + key + "#" + eTag).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
