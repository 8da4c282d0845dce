package dev.castline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionalTest {
    private final String etag = Conditional.etagOf("{\"items\":[]}".getBytes(StandardCharsets.UTF_8));

    @Test
    void theEtagFollowsTheBody() {
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(Conditional.etagOf("{\"items\":[1]}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(etag);
        assertThat(Conditional.etagOf("{\"items\":[]}".getBytes(StandardCharsets.UTF_8))).isEqualTo(etag);
    }

    @Test
    void matchesIfNoneMatchWeaklyAndInLists() {
        assertThat(Conditional.notModified(Optional.of(etag), etag)).isTrue();
        assertThat(Conditional.notModified(Optional.of("W/" + etag), etag)).isTrue();
        assertThat(Conditional.notModified(Optional.of("\"other\", " + etag), etag)).isTrue();
        assertThat(Conditional.notModified(Optional.of("*"), etag)).isTrue();
        assertThat(Conditional.notModified(Optional.of("\"other\""), etag)).isFalse();
        assertThat(Conditional.notModified(Optional.empty(), etag)).isFalse();
    }
}
