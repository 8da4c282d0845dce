package dev.castline.config;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the host-facing functions (admin, upload processing) read besides {@link Config}. Like it,
 * read once at start-up and failing fast with the variable's name; the admin token itself is
 * never configured, only its SHA-256, so no environment or log ever holds it.
 *
 * @param adminTokenSha256 SHA-256 of the admin bearer token
 * @param maxUploadBytes   the largest audio file a host may upload
 * @param uploadUrlTtl     how long a signed upload URL stays valid (at most 15 minutes)
 */
public record AdminConfig(byte[] adminTokenSha256, MediaConfig media, long maxUploadBytes, Duration uploadUrlTtl) {

    public static final String ADMIN_TOKEN_SHA256 = "ADMIN_TOKEN_SHA256";
    public static final String MAX_UPLOAD_BYTES = "MAX_UPLOAD_BYTES";
    public static final String UPLOAD_URL_TTL_SECONDS = "UPLOAD_URL_TTL_SECONDS";

    public static final List<String> REQUIRED = List.of(ADMIN_TOKEN_SHA256, MediaConfig.AUDIO_BUCKET);
    public static final List<String> OPTIONAL = List.of(MediaConfig.S3_ENDPOINT, MAX_UPLOAD_BYTES, UPLOAD_URL_TTL_SECONDS);

    public static final long DEFAULT_MAX_UPLOAD_BYTES = 512L * 1024 * 1024;
    public static final Duration MAX_UPLOAD_URL_TTL = Duration.ofMinutes(15);

    public AdminConfig {
        if (adminTokenSha256.length != 32) {
            throw new ConfigException(ADMIN_TOKEN_SHA256 + " must be a SHA-256 digest (64 hex digits)");
        }
        adminTokenSha256 = adminTokenSha256.clone();
        if (uploadUrlTtl.isNegative() || uploadUrlTtl.isZero() || uploadUrlTtl.compareTo(MAX_UPLOAD_URL_TTL) > 0) {
            throw new ConfigException(UPLOAD_URL_TTL_SECONDS + " must be from 1 to " + MAX_UPLOAD_URL_TTL.toSeconds());
        }
        if (maxUploadBytes < 1) {
            throw new ConfigException(MAX_UPLOAD_BYTES + " must be positive");
        }
    }

    public static AdminConfig fromEnvironment(Map<String, String> env) {
        String hash = value(env, ADMIN_TOKEN_SHA256).orElseThrow(() -> missing(ADMIN_TOKEN_SHA256));
        byte[] digest;
        try {
            digest = HexFormat.of().parseHex(hash);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ADMIN_TOKEN_SHA256 + " must be a SHA-256 digest (64 hex digits)");
        }
        return new AdminConfig(digest,
                MediaConfig.fromEnvironment(env),
                value(env, MAX_UPLOAD_BYTES).map(v -> number(MAX_UPLOAD_BYTES, v)).orElse(DEFAULT_MAX_UPLOAD_BYTES),
                value(env, UPLOAD_URL_TTL_SECONDS).map(v -> Duration.ofSeconds(number(UPLOAD_URL_TTL_SECONDS, v))).orElse(MAX_UPLOAD_URL_TTL));
    }

    /** What {@code ADMIN_TOKEN_SHA256} holds for a token: its SHA-256 over UTF-8. */
    public static byte[] digestOf(String token) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public byte[] adminTokenSha256() {
        return adminTokenSha256.clone();
    }

    @Override
    public String toString() {
        return "AdminConfig[media=" + media + ", maxUploadBytes=" + maxUploadBytes
                + ", uploadUrlTtl=" + uploadUrlTtl + "]";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static ConfigException missing(String name) {
        return new ConfigException("environment variable " + name + " is not set");
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("environment variable " + name + " must be a whole number");
        }
    }
}
