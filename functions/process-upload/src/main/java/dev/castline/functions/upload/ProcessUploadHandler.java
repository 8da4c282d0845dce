package dev.castline.functions.upload;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.config.MediaConfig;
import dev.castline.config.S3Clients;
import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.http.Json;
import dev.castline.http.Log;
import dev.castline.media.AudioInfo;
import dev.castline.media.AudioProbe;
import dev.castline.media.UnsupportedAudioException;
import dev.castline.store.ConflictException;
import dev.castline.store.EpisodeStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * S3 ObjectCreated on the audio bucket: finds the new object's duration and type from a few
 * ranged reads, and makes it the episode's audio if it is the upload the episode is waiting for.
 *
 * <ul>
 *   <li>Idempotent: an object that is not the episode's pending upload (a duplicate or stale
 *       event, or one for audio already processed) changes nothing.</li>
 *   <li>A file that is not usable audio is refused: the upload is marked rejected with the reason,
 *       the object is deleted, and the episode's public state does not change.</li>
 *   <li>Transient faults (throttling, timeouts, S3 errors) are thrown, so Lambda retries the event
 *       and, after its retries, sends it to the dead-letter queue: no upload is lost silently.</li>
 * </ul>
 */
public final class ProcessUploadHandler implements RequestStreamHandler {
    private static final Pattern AUDIO_KEY = Pattern.compile("audio/([A-Za-z0-9-]{1,64})/[A-Za-z0-9-]{1,64}\\.(mp3|m4a)");
    private static final int CONFLICT_ATTEMPTS = 3;

    private final EpisodeStore episodes;
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
        this.episodes = new EpisodeStore(dynamo, config.tableName(), clock);
        this.s3 = s3;
        this.bucket = media.audioBucket();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        for (String key : objectKeys(input)) {
            process(key, context, requestId);
        }
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    private void process(String key, Context context, String requestId) throws IOException {
        Matcher m = AUDIO_KEY.matcher(key);
        if (!m.matches()) {
            Log.warn(context, requestId, "ignored an object outside audio/{episode}/{upload}.mp3|m4a: " + key, null);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            Optional<Episode> found = episodes.findById(m.group(1), true);
            if (found.isEmpty() || found.get().upload() == null || !found.get().upload().key().equals(key)
                    || !found.get().upload().isPending()) {
                return; // not the upload this episode waits for: a duplicate, stale or orphaned event
            }
            Episode episode = found.get();
            Optional<AudioInfo> info;
            String refusal = null;
            try {
                info = probe(key, episode.upload().contentType());
            } catch (UnsupportedAudioException e) {
                info = Optional.empty();
                refusal = e.reason();
            }
            if (info.isEmpty() && refusal == null) {
                return; // the object is gone: a later upload replaced it, or the episode was deleted
            }
            Episode.Builder next = info.isPresent()
                    ? episode.toBuilder().audio(new Audio(key, info.get().contentType(), info.get().bytes(), info.get().durationMillis()))
                            .upload(null)
                    : episode.toBuilder().upload(episode.upload().rejected(refusal));
            try {
                episodes.update(episode, next);
            } catch (ConflictException e) {
                if (attempt < CONFLICT_ATTEMPTS) {
                    continue; // the host edited the episode meanwhile: read it again
                }
                throw new IllegalStateException("episode " + episode.id() + " kept changing while its upload was processed", e);
            }
            if (info.isPresent()) {
                if (episode.audio() != null && !episode.audio().key().equals(key)) {
                    s3.deleteObject(r -> r.bucket(bucket).key(episode.audio().key()));
                }
            } else {
                s3.deleteObject(r -> r.bucket(bucket).key(key));
                Log.warn(context, requestId, "refused upload " + key + ": " + refusal, null);
            }
            return;
        }
    }

    /** Empty if the object no longer exists. */
    private Optional<AudioInfo> probe(String key, String announcedType) throws UnsupportedAudioException, IOException {
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
        AudioInfo info = AudioProbe.probe(new S3RangeSource(s3, bucket, key, head.contentLength(), head.eTag()));
        if (!info.contentType().equals(announcedType)) {
            // The key's extension came from the announced type; podcast apps trust it.
            throw new UnsupportedAudioException("the file is " + describe(info.contentType()) + ", but the upload announced "
                    + describe(announcedType));
        }
        return Optional.of(info);
    }

    private static String describe(String type) {
        return type.equals("audio/mpeg") ? "an MP3 (audio/mpeg)" : "an M4A (audio/x-m4a)";
    }

    /** The object keys of an S3 event's records, URL-decoded as S3 encodes them ('+' for a space). */
    static List<String> objectKeys(InputStream input) throws IOException {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = Json.FACTORY.createParser(input)) {
            collectKeys(p, keys);
        }
        return keys;
    }

    private static void collectKeys(JsonParser p, List<String> keys) throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) != null) {
            if (token == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("object") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("key")) {
                            keys.add(URLDecoder.decode(p.getValueAsString(), StandardCharsets.UTF_8));
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
        }
    }
}
