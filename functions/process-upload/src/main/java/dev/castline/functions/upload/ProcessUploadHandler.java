package dev.castline.functions.upload;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.config.MediaConfig;
import dev.castline.config.S3Clients;
import dev.castline.domain.MediaKey;
import dev.castline.host.ShowArtwork;
import dev.castline.host.Uploads;
import dev.castline.media.ImageInfo;
import dev.castline.media.ImageProbe;
import dev.castline.media.UnsupportedImageException;
import dev.castline.store.ShowStore;
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
 * S3 ObjectCreated on the media bucket's {@code audio/} and {@code artwork/}: for each new object,
 * reads what it is from a few ranged reads (an audio file's duration and type, an image's format,
 * size and colour space) and lets {@link Uploads} decide whether it becomes an episode's audio, or
 * {@link ShowArtwork} whether it becomes the show's artwork (after writing its smaller renditions
 * beside it, whose own events it then ignores).
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
    private final ShowArtwork artwork;
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
        S3MediaObjects objects = new S3MediaObjects(s3, media.audioBucket());
        this.uploads = new Uploads(store, objects, clock);
        this.artwork = new ShowArtwork(new ShowStore(dynamo, config.tableName(), config.layout(), clock), objects, config.mediaBaseUrl(), clock);
        this.s3 = s3;
        this.bucket = media.audioBucket();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        for (String key : S3Events.objectKeys(input)) {
            // Everything under artwork/ is ShowArtwork's to decide: uploads, and the renditions it writes.
            boolean isArtwork = key.startsWith(MediaKey.Kind.ARTWORK.prefix());
            Uploads.Outcome outcome = isArtwork ? artwork.process(key, this::probeImage) : uploads.process(key, this::probe);
            if (outcome == Uploads.Outcome.REJECTED) {
                Log.warn(context, requestId, "refused upload " + key, null);
            }
        }
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    /** Empty if the object no longer exists. */
    private Optional<AudioInfo> probe(String key) throws UnsupportedAudioException, IOException {
        Optional<S3RangeSource> source = source(key);
        return source.isEmpty() ? Optional.empty() : Optional.of(AudioProbe.probe(source.get()));
    }

    /** Empty if the object no longer exists. */
    private Optional<ImageInfo> probeImage(String key) throws UnsupportedImageException, IOException {
        Optional<S3RangeSource> source = source(key);
        return source.isEmpty() ? Optional.empty() : Optional.of(ImageProbe.probe(source.get()));
    }

    /** The object's bytes by ranged reads, pinned to the version HEAD saw; empty if it no longer exists. */
    private Optional<S3RangeSource> source(String key) {
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
        return Optional.of(new S3RangeSource(s3, bucket, key, head.contentLength(), head.eTag()));
    }
}
