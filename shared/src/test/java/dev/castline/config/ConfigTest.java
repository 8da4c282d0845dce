package dev.castline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("TABLE_NAME", "castline");
        env.put("MEDIA_BASE_URL", "https://media.example.com/");
        env.put("CURSOR_SIGNING_KEY", "k".repeat(32));
        return env;
    }

    @Test
    void readsTheEnvironmentWithDefaults() {
        Config config = Config.fromEnvironment(complete());
        assertThat(config.tableName()).isEqualTo("castline");
        assertThat(config.mediaBaseUrl()).isEqualTo("https://media.example.com");
        assertThat(config.cacheMaxAge()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.dynamoDbEndpoint()).isEmpty();
        assertThat(config.feedSettle()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void failsFastNamingTheMissingVariable() {
        for (String name : new String[] {"AWS_REGION", "TABLE_NAME", "MEDIA_BASE_URL"}) {
            Map<String, String> env = complete();
            env.remove(name);
            assertThatThrownBy(() -> Config.fromEnvironment(env)).isInstanceOf(ConfigException.class).hasMessageContaining(name);
        }
    }

    /** Only the functions that page are given the key: the others start without it and never hold one. */
    @Test
    void theCursorSigningKeyIsOptionalUntilAFunctionThatPagesAsksForIt() {
        Map<String, String> env = complete();
        env.remove("CURSOR_SIGNING_KEY");
        Config config = Config.fromEnvironment(env);
        assertThat(config.cursorKey()).isEmpty();
        assertThatThrownBy(config::cursorSigningKey).isInstanceOf(ConfigException.class).hasMessageContaining("CURSOR_SIGNING_KEY");

        env.put("CURSOR_SIGNING_KEY", "  ");
        assertThat(Config.fromEnvironment(env).cursorKey()).as("blank is not set").isEmpty();

        env.put("CURSOR_SIGNING_KEY", "k".repeat(32));
        assertThat(Config.fromEnvironment(env).cursorSigningKey()).isEqualTo("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        assertThat(Config.fromEnvironment(env).cursorKey()).hasValueSatisfying(key -> assertThat(key).hasSize(32));
    }

    @Test
    void aKeyGivenIsAtLeast32BytesWhicheverWayConfigIsBuilt() {
        Config base = Config.fromEnvironment(complete());
        byte[] shortKey = "k".repeat(31).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new Config(base.region(), base.tableName(), base.showId(), base.mediaBaseUrl(), shortKey,
                base.dynamoDbEndpoint(), base.cacheMaxAge(), base.feedCacheMaxAge(), base.feedSettle(), base.credentials()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CURSOR_SIGNING_KEY");
        assertThatThrownBy(() -> new Config(base.region(), base.tableName(), base.showId(), base.mediaBaseUrl(), Optional.of(shortKey),
                base.dynamoDbEndpoint(), base.cacheMaxAge(), base.feedCacheMaxAge(), base.feedSettle(), base.credentials()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CURSOR_SIGNING_KEY");
        Config without = new Config(base.region(), base.tableName(), base.showId(), base.mediaBaseUrl(), Optional.empty(),
                base.dynamoDbEndpoint(), base.cacheMaxAge(), base.feedCacheMaxAge(), base.feedSettle(), base.credentials());
        assertThat(without.cursorKey()).isEmpty();
    }

    @Test
    void theKeyCannotBeChangedFromOutside() {
        byte[] key = "k".repeat(32).getBytes(StandardCharsets.UTF_8);
        Config base = Config.fromEnvironment(complete());
        Config config = new Config(base.region(), base.tableName(), base.showId(), base.mediaBaseUrl(), key,
                base.dynamoDbEndpoint(), base.cacheMaxAge(), base.feedCacheMaxAge(), base.feedSettle(), base.credentials());
        key[0] = 'x';
        config.cursorSigningKey()[1] = 'x';
        config.cursorKey().orElseThrow()[2] = 'x';
        assertThat(config.cursorSigningKey()).isEqualTo("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesMalformedValuesNamingThem() {
        Map<String, String> env = complete();
        env.put("CACHE_MAX_AGE_SECONDS", "soon");
        assertThatThrownBy(() -> Config.fromEnvironment(env)).hasMessageContaining("CACHE_MAX_AGE_SECONDS");
        env.remove("CACHE_MAX_AGE_SECONDS");
        env.put("CURSOR_SIGNING_KEY", "short");
        assertThatThrownBy(() -> Config.fromEnvironment(env)).hasMessageContaining("CURSOR_SIGNING_KEY");
        env.put("CURSOR_SIGNING_KEY", "k".repeat(32));
        env.put("MEDIA_BASE_URL", "media.example.com");
        assertThatThrownBy(() -> Config.fromEnvironment(env)).hasMessageContaining("MEDIA_BASE_URL");
    }

    @Test
    void takesCredentialsFromWhereLambdaPutsThem() {
        assertThat(Config.fromEnvironment(complete()).credentials())
                .isInstanceOf(software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider.class);
        Map<String, String> snapStart = complete();
        snapStart.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials");
        assertThat(Config.fromEnvironment(snapStart).credentials())
                .isInstanceOf(software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider.class);
    }

    @Test
    void neverPrintsTheSigningKey() {
        Map<String, String> env = complete();
        env.put("CURSOR_SIGNING_KEY", "super-secret-signing-key-0123456789");
        assertThat(Config.fromEnvironment(env).toString()).doesNotContain("super-secret");
    }
}
