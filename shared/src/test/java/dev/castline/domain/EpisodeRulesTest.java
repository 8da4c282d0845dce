package dev.castline.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.testing.Episodes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeRulesTest {
    private static final Instant AT = Instant.parse("2020-06-29T00:00:00Z");

    @Test
    void acceptsAWellFormedEpisode() {
        assertThatCode(() -> EpisodeRules.validate(Episodes.published("ok", AT).build())).doesNotThrowAnyException();
    }

    @Test
    void namesTheFieldOfEachViolation() {
        assertField(Episodes.published("ok", AT).title(" ").build(), "title");
        assertField(Episodes.published("ok", AT).title("t".repeat(256)).build(), "title");
        assertField(Episodes.published("ok", AT).title("tab\tin title").build(), "title");
        assertField(Episodes.published("Bad Slug", AT).build(), "slug");
        assertField(Episodes.published("ok", AT).summary("é".repeat(2001)).build(), "summary");
        assertField(Episodes.published("ok", AT).chapters(List.of(new Chapter(-1, "x", null))).build(), "chapters[0].startTime");
        assertField(Episodes.published("ok", AT).chapters(List.of(new Chapter(10, "a", null), new Chapter(10, "b", null))).build(), "chapters[1].startTime");
        assertField(Episodes.published("ok", AT).chapters(List.of(new Chapter(10, "a", "ftp://x"))).build(), "chapters[0].url");
        assertField(Episodes.published("ok", AT).guests(List.of(new Guest("G", "guest", "/relative", null, null))).build(), "guests[0].website");
        assertField(Episodes.published("ok", AT).links(List.of(new Link(LinkKind.LIBRARY, "javascript:alert(1)", null))).build(), "links[0].url");
        assertField(Episodes.published("ok", AT).tags("rails", "Rails").build(), "tags[1]");
        assertField(Episodes.published("ok", AT).tags("rails", "rails").build(), "tags[1]");
        assertField(Episodes.published("ok", AT).season(0).build(), "season");
        assertField(Episodes.published("ok", AT).audio(new Audio("audio/x/y.wav", "audio/wav", 1, 1)).build(), "audio.key");
        assertField(Episodes.published("ok", AT).publishAt(null).build(), "publishAt");
    }

    @Test
    void refusesAnEpisodeTooLargeToStoreEvenWhenEachFieldIsWithinItsLimit() {
        String notes = "<".repeat(EpisodeRules.MAX_SHOW_NOTES);
        Episode huge = Episodes.published("ok", AT).build().toBuilder().showNotes(notes, "&lt;".repeat(EpisodeRules.MAX_SHOW_NOTES)).build();
        assertField(huge, "showNotes");
        String fine = "x".repeat(60_000);
        assertThatCode(() -> EpisodeRules.validate(Episodes.published("ok", AT).build().toBuilder().showNotes(fine, "<p>" + fine + "</p>").build()))
                .doesNotThrowAnyException();
    }

    private static void assertField(Episode e, String field) {
        assertThatThrownBy(() -> EpisodeRules.validate(e))
                .isInstanceOfSatisfying(ValidationException.class, v -> org.assertj.core.api.Assertions.assertThat(v.field()).isEqualTo(field));
    }
}
