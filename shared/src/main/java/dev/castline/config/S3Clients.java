package dev.castline.config;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 clients for the host's functions, built like {@link Clients}: explicit region, credentials
 * and HTTP client. Kept apart from {@link Clients} because the S3 SDK is not on the read
 * functions' classpath. With an endpoint override (the local stack) requests use path-style URLs.
 */
public final class S3Clients {
    private S3Clients() {
    }

    /** With interceptors, if any: the local stack counts what its functions send. */
    public static S3Client s3(Config config, MediaConfig media, ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        for (ExecutionInterceptor interceptor : interceptors) {
            override.addExecutionInterceptor(interceptor);
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(config.credentials())
                .httpClient(AwsTrust.applyTo(UrlConnectionHttpClient.builder()).build())
                .overrideConfiguration(override.build());
        media.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    public static S3Presigner presigner(Config config, MediaConfig media) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(config.credentials());
        media.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }
}
