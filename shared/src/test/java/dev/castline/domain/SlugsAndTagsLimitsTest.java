package dev.castline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The length limits of slugs made from titles, and of tags. */
class SlugsAndTagsLimitsTest {

    @Test
    void aSlugOfExactlyTheMaximumLengthIsKeptWhole() {
        String title = "a".repeat(95) + " bcde"; // slug: 95 + 1 + 4 = 100
        assertThat(Slugs.fromTitle(title)).isEqualTo("a".repeat(95) + "-bcde");
    }

    @Test
    void aSlugOneCharacterTooLongIsCutAtTheLastWordBoundary() {
        String title = "a".repeat(95) + " bcdef"; // slug: 101
        assertThat(Slugs.fromTitle(title)).isEqualTo("a".repeat(95));
    }

    @Test
    void aHyphenRightAtTheLimitIsAWordBoundaryToo() {
        assertThat(Slugs.fromTitle("a".repeat(100) + " b")).isEqualTo("a".repeat(100));
        assertThat(Slugs.fromTitle("a".repeat(99) + " bc")).isEqualTo("a".repeat(99));
    }

    @Test
    void aSlugWithNoWordBoundaryIsCutAtTheLimit() {
        assertThat(Slugs.fromTitle("a".repeat(101))).isEqualTo("a".repeat(100));
        assertThat(Slugs.fromTitle("a".repeat(250))).isEqualTo("a".repeat(100));
    }

    @Test
    void hyphensAreTrimmedFromBothEnds() {
        assertThat(Slugs.fromTitle("  -- Hello, World! --  ")).isEqualTo("hello-world");
        assertThat(Slugs.fromTitle("!x")).isEqualTo("x");
        assertThat(Slugs.fromTitle("x!")).isEqualTo("x");
        assertThat(Slugs.fromTitle("x")).isEqualTo("x");
        assertThat(Slugs.fromTitle("---")).isEqualTo("episode");
        assertThat(Slugs.fromTitle("")).isEqualTo("episode");
        assertThat(Slugs.fromTitle("!")).isEqualTo("episode");
    }

    @Test
    void everySlugMadeFromATitleIsValid() {
        for (String title : new String[] {"a".repeat(95) + " bcdef", "x ".repeat(80), "Ünïcode " .repeat(30), "a".repeat(300)}) {
            String slug = Slugs.fromTitle(title);
            assertThat(Slugs.isValid(slug)).as(title).isTrue();
            assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        }
    }

    @Test
    void nullIsNoSlugAndNoTag() {
        assertThat(Slugs.isValid(null)).isFalse();
        assertThat(Tags.isValid(null)).isFalse();
    }

    @Test
    void aTagIsOneToFortyCharacters() {
        assertThat(Tags.isValid("a")).isTrue();
        assertThat(Tags.isValid("a".repeat(Tags.MAX_LENGTH))).isTrue();
        assertThat(Tags.isValid("a".repeat(Tags.MAX_LENGTH + 1))).isFalse();
        assertThat(Tags.isValid("")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"node.js", "c++", "lets-encrypt", "9", "0x", "a.b+c-d"})
    void tagsOfLowercaseLettersDigitsAndPunctuation(String tag) {
        assertThat(Tags.isValid(tag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {".net", "+x", "-x", "Rails", "a b", "a_b", "é", "a/b"})
    void anythingElseIsNoTag(String tag) {
        assertThat(Tags.isValid(tag)).isFalse();
    }

    @Test
    void theTagRuleSaysWhatATagIs() {
        assertThat(Tags.describeRule())
                .isEqualTo("must be 1 to 40 lowercase letters, digits, '.', '+' or '-', starting with a letter or digit");
    }
}
