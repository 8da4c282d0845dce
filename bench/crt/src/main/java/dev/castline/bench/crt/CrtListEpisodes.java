package dev.castline.bench.crt;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.functions.list.ListEpisodesHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/** GET /api/v1/episodes exactly as the function serves it, with the DynamoDB client on AWS CRT. */
public class CrtListEpisodes implements RequestStreamHandler {
    private final ListEpisodesHandler handler;

    public CrtListEpisodes() {
        Config config = Config.fromEnvironment(System.getenv());
        AwsCrtHttpClient.Builder http = AwsCrtHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2));
        this.handler = new ListEpisodesHandler(config, Clients.dynamoDb(config, http.build()), Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handler.handleRequest(input, output, context);
    }
}
