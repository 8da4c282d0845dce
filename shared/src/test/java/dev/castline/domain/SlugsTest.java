package dev.castline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {
    @Test
    void makesAReadableSlugFromATitle() {
        assertThat(Slugs.fromTitle("Podia Has Everything You Need to Sell Online Courses"))
                .isEqualTo("podia-has-everything-you-need-to-sell-online-courses");
        assertThat(Slugs.fromTitle("Café & Crème: 1/2 — Ünïcode!")).isEqualTo("cafe-creme-1-2-unicode");
        assertThat(Slugs.fromTitle("🎙️🎧")).isEqualTo("episode");
    }

    @Test
    void cutsLongTitlesAtAWordBoundary() {
        String slug = Slugs.fromTitle("word ".repeat(100));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(Slugs.isValid(slug)).isTrue();
        assertThat(slug).endsWith("word");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a--b", "A", "a b", "a_b", "é", "a/b", "' OR 1=1 --", "<x>"})
    void rejectsWhatIsNotASlug(String candidate) {
        assertThat(Slugs.isValid(candidate)).isFalse();
    }

    @Test
    void rejectsOverlongSlugs() {
        assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH))).isTrue();
        assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH + 1))).isFalse();
    }
}
