package dev.castline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("a-secret-key-of-thirty-two-bytes-at-least".getBytes(StandardCharsets.UTF_8));
    private static final String SORT_KEY = "2020-06-29T00:00:00Z#0b6d7a3e-6c3f-4c43-9d61-1d1b2f1b2c3d";

    @Test
    void opensWhatItSealed() {
        String cursor = codec.seal("tag:rails", SORT_KEY);
        assertThat(codec.open("tag:rails", cursor)).isEqualTo(SORT_KEY);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesACursorWithOneBitChanged() {
        byte[] raw = Base64.getUrlDecoder().decode(codec.seal("all", SORT_KEY));
        for (int i = 0; i < raw.length; i++) {
            byte[] flipped = raw.clone();
            flipped[i] ^= 1;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
            assertThatThrownBy(() -> codec.open("all", forged)).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void refusesACursorSignedWithAnotherKey() {
        CursorCodec other = new CursorCodec("another-secret-key-of-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));
        assertBadCursor(other.seal("all", SORT_KEY), "all");
    }

    @Test
    void refusesACursorFromAnotherListing() {
        assertThatThrownBy(() -> codec.open("tag:ruby", codec.seal("tag:rails", SORT_KEY)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("another listing"));
    }

    @Test
    void refusesGarbage() {
        for (String garbage : new String[] {"", "!!!", "abc", "x".repeat(5000), "%00", "' OR 1=1 --", "ζζζ", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            assertBadCursor(garbage, "all");
        }
    }

    private void assertBadCursor(String cursor, String listing) {
        assertThatThrownBy(() -> codec.open(listing, cursor))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("cursor");
                });
    }
}
