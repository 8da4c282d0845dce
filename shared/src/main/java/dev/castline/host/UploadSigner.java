package dev.castline.host;

import dev.castline.domain.MediaKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Makes the signed URL through which a host's client puts one file straight into the bucket. */
public interface UploadSigner {
    /**
     * A PUT URL for exactly this key, content type (an audio or image format's) and size, valid for
     * {@code ttl}, that writes its object once.
     *
     * @return the URL with the headers the client must send as signed (Host left out)
     */
    Signed sign(MediaKey key, String contentType, long bytes, Duration ttl);

    record Signed(URI url, Map<String, String> headers, Instant expiresAt) {
        public Signed {
            headers = Map.copyOf(headers);
        }
    }
}
