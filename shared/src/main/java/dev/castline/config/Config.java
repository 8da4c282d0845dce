package dev.castline.config;

import dev.castline.store.TableLayout;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/**
 * Everything a function reads from its environment, read in one place and checked at start-up:
 * a missing or malformed variable fails the container's init with the variable's name, instead of
 * failing some request later. Values are never logged (some are secrets).
 *
 * <p>Only the functions that hand out or read pagination cursors (list-episodes and admin) are
 * given the cursor signing key; the others never hold it. So it is optional here, and
 * {@link #cursorSigningKey()} is where a function that pages insists on it: called from its
 * constructor, it fails the function's init with the variable's name when the key is missing.
 *
 * @param showId      which show's items the function reads and writes (see TableLayout)
 * @param cursorKey   the key that signs pagination cursors, at least {@value #MIN_SIGNING_KEY_BYTES}
 *                    bytes, where this function is given one
 * @param credentials how clients sign requests: the environment's on Lambda, fixed ones on the
 *                    local stack
 */
public record Config(
        String region,
        String tableName,
        String showId,
        String mediaBaseUrl,
        Optional<byte[]> cursorKey,
        Optional<URI> dynamoDbEndpoint,
        Duration cacheMaxAge,
        Duration feedCacheMaxAge,
        Duration feedSettle,
        AwsCredentialsProvider credentials) {

    public static final String AWS_REGION = "AWS_REGION";
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String SHOW_ID = "SHOW_ID";
    public static final String MEDIA_BASE_URL = "MEDIA_BASE_URL";
    public static final String CURSOR_SIGNING_KEY = "CURSOR_SIGNING_KEY";
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String CACHE_MAX_AGE_SECONDS = "CACHE_MAX_AGE_SECONDS";
    public static final String FEED_CACHE_MAX_AGE_SECONDS = "FEED_CACHE_MAX_AGE_SECONDS";
    public static final String FEED_SETTLE_SECONDS = "FEED_SETTLE_SECONDS";
    /** Set by Lambda where it serves credentials from an endpoint instead of the environment (SnapStart). */
    static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    /** Variables every function needs; the template must set them (checked by a test). */
    public static final List<String> REQUIRED = List.of(TABLE_NAME, MEDIA_BASE_URL);
    /**
     * Variables only the functions that page need (those that call {@link #cursorSigningKey()}):
     * the template gives them to those functions and to no other (checked by a test).
     */
    public static final List<String> PAGING = List.of(CURSOR_SIGNING_KEY);
    /** Variables with a sensible default or that only local runs set. AWS_REGION is set by Lambda itself. */
    public static final List<String> OPTIONAL = List.of(SHOW_ID, DYNAMODB_ENDPOINT, CACHE_MAX_AGE_SECONDS, FEED_CACHE_MAX_AGE_SECONDS,
            FEED_SETTLE_SECONDS);

    public static final int MIN_SIGNING_KEY_BYTES = 32;
    private static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofSeconds(60);
    /** Podcast apps poll for ever; five minutes of caching costs a listener little and saves a lot. */
    private static final Duration DEFAULT_FEED_CACHE_MAX_AGE = Duration.ofSeconds(300);
    /**
     * How long after a change the feed is sent without validators: DynamoDB's indexes are updated a
     * moment after the write, so a feed read right away may lack the change and must not be cached
     * under the new ETag.
     */
    private static final Duration DEFAULT_FEED_SETTLE = Duration.ofSeconds(10);

    public Config {
        cursorKey = cursorKey.map(key -> {
            if (key.length < MIN_SIGNING_KEY_BYTES) {
                throw new ConfigException(CURSOR_SIGNING_KEY + " must be at least " + MIN_SIGNING_KEY_BYTES + " bytes");
            }
            return key.clone();
        });
        if (showId == null || !TableLayout.SHOW_ID.matcher(showId).matches()) {
            throw new ConfigException(SHOW_ID + " must be 1 to 40 lowercase letters, digits or hyphens");
        }
        mediaBaseUrl = stripTrailingSlash(mediaBaseUrl);
    }

    /** A configuration with a cursor signing key: the local stack, which runs every function, and tests. */
    public Config(String region, String tableName, String showId, String mediaBaseUrl, byte[] cursorSigningKey,
                  Optional<URI> dynamoDbEndpoint, Duration cacheMaxAge, Duration feedCacheMaxAge, Duration feedSettle,
                  AwsCredentialsProvider credentials) {
        this(region, tableName, showId, mediaBaseUrl, Optional.of(cursorSigningKey), dynamoDbEndpoint, cacheMaxAge, feedCacheMaxAge,
                feedSettle, credentials);
    }

    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                required(env, AWS_REGION),
                required(env, TABLE_NAME),
                optional(env, SHOW_ID).orElse(TableLayout.DEFAULT_SHOW),
                httpUrl(MEDIA_BASE_URL, required(env, MEDIA_BASE_URL)),
                optional(env, CURSOR_SIGNING_KEY).map(v -> v.getBytes(StandardCharsets.UTF_8)),
                optional(env, DYNAMODB_ENDPOINT).map(v -> URI.create(httpUrl(DYNAMODB_ENDPOINT, v))),
                optional(env, CACHE_MAX_AGE_SECONDS).map(v -> seconds(CACHE_MAX_AGE_SECONDS, v)).orElse(DEFAULT_CACHE_MAX_AGE),
                optional(env, FEED_CACHE_MAX_AGE_SECONDS).map(v -> seconds(FEED_CACHE_MAX_AGE_SECONDS, v)).orElse(DEFAULT_FEED_CACHE_MAX_AGE),
                optional(env, FEED_SETTLE_SECONDS).map(v -> seconds(FEED_SETTLE_SECONDS, v)).orElse(DEFAULT_FEED_SETTLE),
                credentials(env));
    }

    /** The cursor signing key where this function is given one (a copy). */
    @Override
    public Optional<byte[]> cursorKey() {
        return cursorKey.map(byte[]::clone);
    }

    /**
     * The cursor signing key (a copy), for a function that pages: it calls this while it is built,
     * so a deployment that did not give it the key fails at init, naming the variable.
     *
     * @throws ConfigException if this function was given no key
     */
    public byte[] cursorSigningKey() {
        return cursorKey().orElseThrow(() -> new ConfigException("environment variable " + CURSOR_SIGNING_KEY
                + " is not set, and this function pages: give it the cursor signing key"));
    }

    /** Keeps the signing key out of logs and error messages. */
    @Override
    public String toString() {
        return "Config[region=" + region + ", tableName=" + tableName + ", showId=" + showId + ", mediaBaseUrl=" + mediaBaseUrl
                + ", dynamoDbEndpoint=" + dynamoDbEndpoint + ", cacheMaxAge=" + cacheMaxAge + ", feedCacheMaxAge=" + feedCacheMaxAge
                + ", feedSettle=" + feedSettle + "]";
    }

    /**
     * The execution role's credentials where Lambda puts them: in the environment, or, for
     * functions restored from a SnapStart snapshot, behind the container credentials endpoint.
     * Naming the one source skips the default chain's probing of files and metadata endpoints.
     */
    public static AwsCredentialsProvider credentials(Map<String, String> env) {
        if (optional(env, CONTAINER_CREDENTIALS_URI).isPresent()) {
            return ContainerCredentialsProvider.create();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    /** The key layout of the show this function serves. */
    public TableLayout layout() {
        return new TableLayout(showId);
    }

    private static String required(Map<String, String> env, String name) {
        return optional(env, name).orElseThrow(() -> new ConfigException("environment variable " + name + " is not set"));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String httpUrl(String name, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
                throw new ConfigException("environment variable " + name + " must be an absolute http(s) URL");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("environment variable " + name + " must be an absolute http(s) URL");
        }
    }

    private static Duration seconds(String name, String value) {
        try {
            long s = Long.parseLong(value);
            if (s < 0 || s > 31_536_000) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("environment variable " + name + " must be a whole number of seconds (0 to 31536000)");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
