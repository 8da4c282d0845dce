package dev.castline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
        for (String name : new String[] {"AWS_REGION", "TABLE_NAME", "MEDIA_BASE_URL", "CURSOR_SIGNING_KEY"}) {
            Map<String, String> env = complete();
            env.remove(name);
            assertThatThrownBy(() -> Config.fromEnvironment(env)).isInstanceOf(ConfigException.class).hasMessageContaining(name);
        }
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
