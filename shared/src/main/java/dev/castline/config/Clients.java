package dev.castline.config;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the AWS clients a function uses, once per container. Everything the SDK would otherwise
 * discover at start-up is given explicitly: the region, the credentials provider (from
 * {@link Config}) and the HTTP client (url-connection: the lightest to
 * load, and a request path of one or two calls gains nothing from a pooled client; measured
 * against AWS CRT in the cold-start benchmark), trusting only AWS's roots ({@link AwsTrust}).
 */
public final class Clients {
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(12);

    private Clients() {
    }

    public static DynamoDbClient dynamoDb(Config config) {
        return dynamoDb(config, config.credentials());
    }

    /**
     * The same client with other credentials and, optionally, interceptors: tests count
     * operations on exactly the client Lambda would run.
     */
    public static DynamoDbClient dynamoDb(Config config, AwsCredentialsProvider credentials, ExecutionInterceptor... interceptors) {
        return dynamoDb(config, credentials, httpClient(), interceptors);
    }

    /**
     * The same client on another HTTP client: the cold-start benchmark measures url-connection
     * against AWS CRT this way, everything else equal.
     */
    public static DynamoDbClient dynamoDb(Config config, SdkHttpClient http) {
        return dynamoDb(config, config.credentials(), http);
    }

    private static DynamoDbClient dynamoDb(Config config, AwsCredentialsProvider credentials, SdkHttpClient http,
                                           ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                // DynamoDB's SDK default is up to 8 retries with long throttling back-off: longer
                // than a listener waits. Three attempts, then the handler answers 503 + Retry-After.
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT);
        for (ExecutionInterceptor interceptor : interceptors) {
            override.addExecutionInterceptor(interceptor);
        }
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(override.build());
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static SdkHttpClient httpClient() {
        return AwsTrust.applyTo(UrlConnectionHttpClient.builder())
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }
}
