package dev.castline.functions.upload;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.config.MediaConfig;
import dev.castline.config.S3Clients;
import dev.castline.host.Uploads;
import dev.castline.lambda.Log;
import dev.castline.lambda.S3Events;
import dev.castline.media.AudioInfo;
import dev.castline.media.AudioProbe;
import dev.castline.media.S3MediaObjects;
import dev.castline.media.UnsupportedAudioException;
import dev.castline.store.EpisodeStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * S3 ObjectCreated on the audio bucket: for each new object, reads its duration and type from a
 * few ranged reads and lets {@link Uploads} decide whether it becomes the episode's audio.
 *
 * <ul>
 *   <li>Idempotent: an object that is not an episode's pending upload changes nothing.</li>
 *   <li>A file that is not usable audio is refused with the reason, and deleted.</li>
 *   <li>Transient faults (throttling, timeouts, S3 errors) are thrown, so Lambda retries the event
 *       and, after its retries, sends it to the dead-letter queue: no upload is lost silently.</li>
 * </ul>
 */
public final class ProcessUploadHandler implements RequestStreamHandler {
    private final Uploads uploads;
    private final S3Client s3;
    private final String bucket;

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public ProcessUploadHandler() {
        this(Config.fromEnvironment(System.getenv()), MediaConfig.fromEnvironment(System.getenv()));
    }

    public ProcessUploadHandler(Config config, MediaConfig media) {
        this(config, media, Clients.dynamoDb(config), S3Clients.s3(config, media), Clock.systemUTC());
    }

    public ProcessUploadHandler(Config config, MediaConfig media, DynamoDbClient dynamo, S3Client s3, Clock clock) {
        EpisodeStore store = new EpisodeStore(dynamo, config.tableName(), config.layout(), clock);
        this.uploads = new Uploads(store, new S3MediaObjects(s3, media.audioBucket()), clock);
        this.s3 = s3;
        this.bucket = media.audioBucket();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        for (String key : S3Events.objectKeys(input)) {
            Uploads.Outcome outcome = uploads.process(key, this::probe);
            if (outcome == Uploads.Outcome.REJECTED) {
                Log.warn(context, requestId, "refused upload " + key, null);
            }
        }
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    /** Empty if the object no longer exists. */
    private Optional<AudioInfo> probe(String key) throws UnsupportedAudioException, IOException {
        HeadObjectResponse head;
        try {
            head = s3.headObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(AudioProbe.probe(new S3RangeSource(s3, bucket, key, head.contentLength(), head.eTag())));
    }
}
