package dev.castline.functions.withdraw;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.config.AwsTrust;
import dev.castline.config.Config;
import dev.castline.config.CdnConfig;
import dev.castline.domain.MediaKey;
import dev.castline.lambda.Log;
import dev.castline.lambda.S3Events;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * S3 ObjectRemoved under {@code audio/}: the media CDN forgets each removed key, so audio that was
 * deleted, or withheld when its episode was unpublished, stops playing from the CDN's caches too
 * (media URLs are otherwise cached as immutable). A failure is thrown, so Lambda retries the event
 * and then hands it to the dead-letter queue.
 */
public final class WithdrawMediaHandler implements RequestStreamHandler {
    private final CdnInvalidations cdn;
    private final String distributionId;

    /** Lambda's entry: configuration from the environment, the HTTP client built once per container. */
    public WithdrawMediaHandler() {
        this(System.getenv(), new CdnInvalidations(AwsTrust.applyTo(UrlConnectionHttpClient.builder()).build(),
                Config.credentials(System.getenv()), CdnInvalidations.ENDPOINT));
    }

    WithdrawMediaHandler(Map<String, String> env, CdnInvalidations cdn) {
        this.distributionId = CdnConfig.fromEnvironment(env).mediaDistributionId();
        this.cdn = cdn;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<String> paths = new ArrayList<>();
        StringBuilder reference = new StringBuilder();
        for (S3Events.ObjectEvent object : S3Events.objects(input)) {
            // Only what the media URL serves; anything else was never in the CDN.
            if (MediaKey.parse(object.key()).isPresent()) {
                paths.add(MediaKey.urlPath(object.key()));
                reference.append(object.key()).append('@').append(object.sequencer()).append(' ');
            }
        }
        if (!paths.isEmpty()) {
            cdn.invalidate(distributionId, paths, callerReference(reference.toString()));
            Log.info(context, context == null ? "local" : context.getAwsRequestId(), "invalidated " + String.join(" ", paths));
        }
        output.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    /** The same event (keys and S3's sequencers) always gives the same reference, so a retry is no second invalidation. */
    static String callerReference(String events) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(events.getBytes(StandardCharsets.UTF_8));
            return "castline-" + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
