package dev.castline.emulation;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SDK clients pointed at the emulators, with fixed dummy credentials the emulators accept. */
public final class EmulatorClients {
    public static final String REGION = "us-east-1";
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("castlinelocal", "castlinelocalsecret"));

    private EmulatorClients() {
    }

    public static DynamoDbClient dynamoDb(URI endpoint, ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        for (ExecutionInterceptor i : interceptors) {
            override.addExecutionInterceptor(i);
        }
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override.build())
                .build();
    }
}
