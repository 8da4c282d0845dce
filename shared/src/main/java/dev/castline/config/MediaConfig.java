package dev.castline.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where audio lives: the bucket, and an S3 endpoint override for the local stack only. */
public record MediaConfig(String audioBucket, Optional<URI> s3Endpoint) {
    public static final String AUDIO_BUCKET = "AUDIO_BUCKET";
    public static final String S3_ENDPOINT = "S3_ENDPOINT";
    public static final List<String> REQUIRED = List.of(AUDIO_BUCKET);
    public static final List<String> OPTIONAL = List.of(S3_ENDPOINT);

    public static MediaConfig fromEnvironment(Map<String, String> env) {
        String bucket = env.get(AUDIO_BUCKET);
        if (bucket == null || bucket.isBlank()) {
            throw new ConfigException("environment variable " + AUDIO_BUCKET + " is not set");
        }
        String endpoint = env.get(S3_ENDPOINT);
        return new MediaConfig(bucket.strip(), endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.strip())));
    }
}
