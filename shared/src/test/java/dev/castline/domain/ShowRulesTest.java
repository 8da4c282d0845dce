package dev.castline.domain;

import static dev.castline.domain.TextTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.testing.Shows;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of {@link ShowRules}, at its boundary, naming the field. */
class ShowRulesTest {

    @Test
    void theSampleShowIsValid() {
        Show show = Shows.sample();
        assertThat(ShowRules.validate(show)).isSameAs(show);
    }

    @Test
    void titleAuthorAndOwnerNameAreRequiredLinesOfAtMost255Characters() {
        for (ShowField field : new ShowField[] {ShowField.TITLE, ShowField.AUTHOR, ShowField.OWNER_NAME}) {
            accepts(with(field, "x".repeat(255)));
            refusesWith(with(field, "x".repeat(256)), field.wireName(), "at most 255 characters");
            refusesWith(with(field, null), field.wireName(), "is required");
            refusesWith(with(field, "  "), field.wireName(), "is required");
            refusesWith(with(field, "a\u202Eb"), field.wireName(), "bidirectional");
        }
    }

    @Test
    void theDescriptionIsRequiredAndHoldsAtMost4000CharactersAndBytes() {
        accepts(with(ShowField.DESCRIPTION, "d".repeat(4000)));
        accepts(with(ShowField.DESCRIPTION, "é".repeat(2000)));
        accepts(with(ShowField.DESCRIPTION, "two\nlines"));
        refusesWith(with(ShowField.DESCRIPTION, "d".repeat(4001)), "description", "at most 4000 characters");
        refusesWith(with(ShowField.DESCRIPTION, "é".repeat(2000) + "d"), "description", "at most 4000 bytes");
        refusesWith(with(ShowField.DESCRIPTION, null), "description", "is required");
        refusesWith(with(ShowField.DESCRIPTION, ""), "description", "is required");
        refusesWith(with(ShowField.DESCRIPTION, " \n "), "description", "is required");
        refusesWith(with(ShowField.DESCRIPTION, "bell\u0007"), "description", "control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "eng", "en-us", "en-US", "zh-Hant-TW", "de-ch", "en-abcdefgh", "haw"})
    void languagesAreIso639CodesWithOptionalSubtags(String language) {
        accepts(with(ShowField.LANGUAGE, language));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "engl", "EN", "En", "en-", "en-u", "en-abcdefghi", "en_us", "en us", "1a"})
    void anythingElseIsNoLanguage(String language) {
        refusesWith(with(ShowField.LANGUAGE, language), "language", "ISO 639");
    }

    @Test
    void theLanguageIsRequired() {
        refusesWith(with(ShowField.LANGUAGE, null), "language", "ISO 639");
    }

    @Test
    void theRequiredUrlsMustBeAbsoluteHttpUrls() {
        for (ShowField field : new ShowField[] {ShowField.ARTWORK_URL, ShowField.SITE_BASE_URL, ShowField.FEED_URL}) {
            accepts(with(field, "http://x.test/" + "p".repeat(2048 - 14)));
            refusesWith(with(field, "http://x.test/" + "p".repeat(2048 - 13)), field.wireName(), "at most 2048");
            refusesWith(with(field, null), field.wireName(), "is required");
            refusesWith(with(field, "x.test"), field.wireName(), "absolute http(s) URL");
        }
    }

    @Test
    void theFundingUrlIsOptional() {
        accepts(with(ShowField.FUNDING_URL, null));
        refusesWith(with(ShowField.FUNDING_URL, "ftp://x.test"), "fundingUrl", "absolute http(s) URL");
    }

    @Test
    void theCategoryIsOneOfApplesAndTheSubcategoryOneOfItsOwn() {
        accepts(with(Map.of(ShowField.APPLE_CATEGORY, "Arts", ShowField.APPLE_SUBCATEGORY, "Books")));
        accepts(with(ShowField.APPLE_SUBCATEGORY, null));
        refusesWith(with(ShowField.APPLE_CATEGORY, "Cooking"), "appleCategory", "top-level categories");
        refusesWith(with(ShowField.APPLE_CATEGORY, null), "appleCategory", "top-level categories");
        refusesWith(with(ShowField.APPLE_CATEGORY, "Arts > Books"), "appleCategory", "top-level categories");
        refusesWith(with(ShowField.APPLE_SUBCATEGORY, "Books"), "appleSubcategory", "a subcategory of Technology");
    }

    @Test
    void theOwnerEmailIsAnAddressOfAtMost254Characters() {
        String domain = "@example.test"; // 13 characters
        String local64 = "l".repeat(64);
        accepts(with(ShowField.OWNER_EMAIL, local64 + domain));
        refusesWith(with(ShowField.OWNER_EMAIL, "l".repeat(65) + domain), "ownerEmail", "email address");
        String longDomain = "@" + "d".repeat(254 - 64 - 1 - 5) + ".test";
        assertThat((local64 + longDomain).length()).isEqualTo(254);
        accepts(with(ShowField.OWNER_EMAIL, local64 + longDomain));
        refusesWith(with(ShowField.OWNER_EMAIL, local64 + "d" + longDomain), "ownerEmail", "email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "host@", "@example.test", "host@example", "host@@example.test", "a b@example.test",
        "host@exa mple.test", "host@example.", "host@.test x"})
    void anythingElseIsNoEmailAddress(String email) {
        refusesWith(with(ShowField.OWNER_EMAIL, email), "ownerEmail", "email address");
    }

    @Test
    void theOwnerEmailIsRequired() {
        refusesWith(with(ShowField.OWNER_EMAIL, null), "ownerEmail", "email address");
    }

    @Test
    void copyrightAndFundingTextAreOptionalLinesWithTheirOwnLimits() {
        accepts(with(ShowField.COPYRIGHT, null));
        accepts(with(ShowField.COPYRIGHT, "c".repeat(255)));
        refusesWith(with(ShowField.COPYRIGHT, "c".repeat(256)), "copyright", "at most 255");
        accepts(with(ShowField.FUNDING_TEXT, null));
        accepts(with(ShowField.FUNDING_TEXT, "f".repeat(128)));
        refusesWith(with(ShowField.FUNDING_TEXT, "f".repeat(129)), "fundingText", "at most 128");
        refusesWith(with(ShowField.FUNDING_TEXT, "a\tb"), "fundingText", "one line");
    }

    @Test
    void thePodcastGuidIsALowercaseVersion5Uuid() {
        accepts(with(ShowField.PODCAST_GUID, PodcastGuid.forFeedUrl("https://other.test/feed").toString()));
        accepts(with(ShowField.PODCAST_GUID, "ead4c236-bf58-58c6-a2c6-a6b28d128cb6"));
        accepts(with(ShowField.PODCAST_GUID, "00000000-0000-5000-b000-000000000000"));
        for (String bad : new String[] {null, "", "EAD4C236-BF58-58C6-A2C6-A6B28D128CB6", "ead4c236-bf58-48c6-a2c6-a6b28d128cb6",
            "ead4c236-bf58-58c6-c2c6-a6b28d128cb6", "ead4c236-bf58-58c6-72c6-a6b28d128cb6", "ead4c236bf5858c6a2c6a6b28d128cb6",
            "ead4c236-bf58-58c6-a2c6-a6b28d128cb", "{ead4c236-bf58-58c6-a2c6-a6b28d128cb6}"}) {
            refusesWith(with(ShowField.PODCAST_GUID, bad), "podcastGuid", "version 5 UUID");
        }
    }

    @Test
    void theFeedItemLimitRunsFromOneToTenThousand() {
        accepts(Shows.withLimit(null));
        accepts(Shows.withLimit(1));
        accepts(Shows.withLimit(ShowRules.MAX_FEED_ITEM_LIMIT));
        assertThat(ShowRules.MAX_FEED_ITEM_LIMIT).isEqualTo(10_000);
        refusesWith(Shows.withLimit(0), "feedItemLimit", "from 1 to 10000");
        refusesWith(Shows.withLimit(-1), "feedItemLimit", "from 1 to 10000");
        refusesWith(Shows.withLimit(ShowRules.MAX_FEED_ITEM_LIMIT + 1), "feedItemLimit", "from 1 to 10000");
    }

    // ------------------------------------------------------------ helpers

    @Test
    void subscribeLinksNameKnownPodcastAppsWithHttpUrlsAndKeepTheAppsOrder() {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("overcast", "https://overcast.fm/itunes1234");
        links.put("apple", "https://podcasts.apple.com/podcast/id1234");
        Show show = with(ShowField.SUBSCRIBE_LINKS, links);
        accepts(show);
        assertThat(show.subscribeLinks().keySet()).as("in PodcastApp's order").containsExactly("apple", "overcast");
        refusesWith(with(ShowField.SUBSCRIBE_LINKS, Map.of("myspace", "https://myspace.test/")), "subscribeLinks.myspace", "known: apple, spotify");
        refusesWith(with(ShowField.SUBSCRIBE_LINKS, Map.of("spotify", "javascript:alert(1)")), "subscribeLinks.spotify", "absolute http(s) URL");
        accepts(with(ShowField.SUBSCRIBE_LINKS, null));
        assertThat(with(ShowField.SUBSCRIBE_LINKS, null).subscribeLinks()).isEmpty();
        assertThat(ShowField.SUBSCRIBE_LINKS.of(Shows.sample())).as("no links: the field is unset").isNull();
    }

    private static Show with(ShowField field, Object value) {
        Map<ShowField, Object> one = new EnumMap<>(ShowField.class);
        one.put(field, value);
        return with(one);
    }

    /** The sample show with some fields changed (a null value clears the field). */
    private static Show with(Map<ShowField, Object> changes) {
        Show sample = Shows.sample();
        Map<ShowField, Object> values = new EnumMap<>(ShowField.class);
        for (ShowField f : ShowField.values()) {
            values.put(f, f.of(sample));
        }
        values.putAll(changes);
        values.values().removeIf(java.util.Objects::isNull);
        Show show = ShowField.toShow(values);
        for (Map.Entry<ShowField, Object> change : changes.entrySet()) {
            assertThat(change.getKey().of(show)).isEqualTo(change.getValue());
        }
        return show;
    }

    private static void accepts(Show show) {
        assertThat(ShowRules.validate(show)).isSameAs(show);
    }

    private static void refusesWith(Show show, String field, String message) {
        refuses(() -> ShowRules.validate(show), field, message);
    }
}
