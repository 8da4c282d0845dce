package dev.castline.functions.admin;

import dev.castline.emulation.EmulatorClients;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.config.AdminConfig;
import dev.castline.config.MediaConfig;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Events;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The admin function over an {@link ApiFixture}'s table, with a presigner aimed at a port nothing
 * listens on (signing works without S3) and the bucket's objects recorded rather than moved (the
 * full path with S3 runs in local/). Plus the event helpers the admin tests share.
 */
final class AdminHarness implements AutoCloseable {
    static final String TOKEN = "an-admin-token-for-tests_0123456789";
    private static final URI NO_S3 = URI.create("http://127.0.0.1:9");

    final AdminConfig config = new AdminConfig(AdminConfig.digestOf(TOKEN),
            new MediaConfig("castline-audio", Optional.of(NO_S3)), 100_000_000, Duration.ofMinutes(15));
    final S3Presigner presigner = S3Presigner.builder().region(Region.US_EAST_1).credentialsProvider(EmulatorClients.CREDENTIALS)
            .endpointOverride(NO_S3).build();
    final dev.castline.testing.RecordedMedia media = new dev.castline.testing.RecordedMedia();
    final AdminHandler handler;

    AdminHarness(ApiFixture fixture) {
        handler = new AdminHandler(fixture.config, config, fixture.dynamo, presigner, media, fixture.clock);
    }

    static String authorized(String event) {
        return Events.withHeader(event, "authorization", "Bearer " + TOKEN);
    }

    /** The sample event of an /api/v1/admin/episodes/{id}/... route, for another episode. */
    static String withId(String file, String id) {
        ObjectNode e = (ObjectNode) Events.json(ApiFixture.event(file));
        String oldId = e.get("pathParameters").get("id").asText();
        ((ObjectNode) e.get("pathParameters")).put("id", id);
        e.put("rawPath", e.get("rawPath").asText().replace(oldId, id));
        return e.toString();
    }

    /** The event with this JSON body instead of its own; null: no body. */
    static String withRawBody(String event, String body) {
        ObjectNode e = (ObjectNode) Events.json(event);
        if (body == null) {
            e.remove("body");
        } else {
            e.put("body", body);
        }
        return e.toString();
    }

    @Override
    public void close() {
        presigner.close();
    }
}
