package dev.castline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.ApiFixture.LambdaResponse;

/** Assertions every API response must satisfy, whatever the route. */
public final class Responses {
    private Responses() {
    }

    /** A 4xx in the documented error shape, naming {@code field} (null: no field), with no internals leaked. */
    public static JsonNode assertClientError(LambdaResponse response, int status, String code, String field) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        JsonNode error = Events.json(response.body()).get("error");
        assertThat(error).as("error object in %s", response.body()).isNotNull();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        if (field == null) {
            assertThat(error.has("field")).isFalse();
        } else {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
        assertNoInternals(response);
        return error;
    }

    public static void assertNoInternals(LambdaResponse response) {
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("dev.castline")
                .doesNotContain("software.amazon");
    }
}
