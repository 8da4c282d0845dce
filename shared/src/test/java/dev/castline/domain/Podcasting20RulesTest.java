package dev.castline.domain;

import static dev.castline.domain.TextTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.testing.Episodes;
import dev.castline.testing.Shows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Podcasting 2.0 and Apple settings of shows and episodes: each rule refused naming the field. */
class Podcasting20RulesTest {

    @Test
    void aShowWithEverySettingIsValid() {
        Show show = Shows.withEverything();
        assertThat(ShowRules.validate(show)).isSameAs(show);
        assertThat(show.txt()).hasSize(2);
        assertThat(show.podroll()).hasSize(2);
        assertThat(show.block()).isTrue();
        assertThat(show.complete()).isTrue();
    }

    @Test
    void txtRecordsNeedAValueAndAShortPurpose() {
        accepts(with(ShowField.TXT, List.of(new TxtRecord("applepodcastsverify", "05124"))));
        accepts(with(ShowField.TXT, List.of(new TxtRecord(null, "x".repeat(4000)))));
        refusesWith(with(ShowField.TXT, List.of(new TxtRecord("verify", "a"), new TxtRecord("verify", null))), "txt[1].value", "is required");
        refusesWith(with(ShowField.TXT, List.of(new TxtRecord("verify", "x".repeat(4001)))), "txt[0].value", "at most 4000 characters");
        refusesWith(with(ShowField.TXT, List.of(new TxtRecord("p".repeat(129), "a"))), "txt[0].purpose", "at most 128 characters");
        refusesWith(with(ShowField.TXT, List.of(new TxtRecord(" ", "a"))), "txt[0].purpose", "must not be blank");
        refusesWith(with(ShowField.TXT, List.of(new TxtRecord(null, "two\nlines"))), "txt[0].value", "one line");
        refusesWith(with(ShowField.TXT, Collections.nCopies(21, new TxtRecord(null, "a"))), "txt", "at most 20");
    }

    @Test
    void aLicenseIsAnSpdxIdentifierOrACustomOneWithItsHttpsUrl() {
        accepts(with(ShowField.LICENSE, new License("cc-by-4.0", null)));
        accepts(with(ShowField.LICENSE, new License("CC-BY-NC-ND-4.0", null)));
        accepts(with(ShowField.LICENSE, new License("my podcast license", "https://example.org/license.pdf")));
        refusesWith(with(ShowField.LICENSE, new License("my podcast license", null)), "license.url", "required for a custom license");
        refusesWith(with(ShowField.LICENSE, new License("custom", "http://example.org/license")), "license.url", "https");
        refusesWith(with(ShowField.LICENSE, new License("custom", "javascript:alert(1)")), "license.url", "absolute http(s) URL");
        refusesWith(with(ShowField.LICENSE, new License(null, "https://example.org/l")), "license.identifier", "is required");
        refusesWith(with(ShowField.LICENSE, new License("x".repeat(129), "https://example.org/l")), "license.identifier", "at most 128");
    }

    @Test
    void aLocationHasANameAndOptionallyAGeoUriAndAnOsmId() {
        accepts(with(ShowField.LOCATION, new Location("Hogwarts", null, null)));
        accepts(with(ShowField.LOCATION, new Location("Gitmo Nation", "geo:39.7837304,-100.445882;u=3900000", "R148838")));
        accepts(with(ShowField.LOCATION, new Location("Roof", "geo:37.786971,-122.399677,250", "W5013364")));
        refusesWith(with(ShowField.LOCATION, new Location(" ", null, null)), "location.name", "is required");
        refusesWith(with(ShowField.LOCATION, new Location("x".repeat(129), null, null)), "location.name", "at most 128");
        for (String geo : List.of("30.2672,97.7431", "geo:91,0", "geo:0,181", "geo:a,b", "geo:1,2;u", "geo:1,2 ")) {
            refusesWith(with(ShowField.LOCATION, new Location("Austin", geo, null)), "location.geo", "RFC 5870");
        }
        for (String osm : List.of("113314", "X113314", "r113314", "R", "R0")) {
            refusesWith(with(ShowField.LOCATION, new Location("Austin", null, osm)), "location.osm", "OpenStreetMap");
        }
    }

    @Test
    void aPodrollNamesOtherShowsByGuidOnceEach() {
        accepts(with(ShowField.PODROLL, List.of(new RemoteItem("917393E3-1B1E-5CEF-ACE4-EDAA54E1F810", null, null))));
        refusesWith(with(ShowField.PODROLL, List.of(new RemoteItem("917393e3-1b1e-5cef-ace4-edaa54e1f810", null, null),
                new RemoteItem("not-a-guid", null, null))), "podroll[1].feedGuid", "must be a UUID");
        refusesWith(with(ShowField.PODROLL, List.of(new RemoteItem(null, "https://example.org/feed.xml", null))), "podroll[0].feedGuid", "must be a UUID");
        refusesWith(with(ShowField.PODROLL, List.of(new RemoteItem("917393e3-1b1e-5cef-ace4-edaa54e1f810", null, null),
                new RemoteItem("917393E3-1B1E-5CEF-ACE4-EDAA54E1F810", null, null))), "podroll[1].feedGuid", "listed twice");
        refusesWith(with(ShowField.PODROLL, List.of(new RemoteItem(Shows.sample().podcastGuid(), null, null))), "podroll[0].feedGuid", "own podcast:guid");
        refusesWith(with(ShowField.PODROLL, List.of(new RemoteItem("917393e3-1b1e-5cef-ace4-edaa54e1f810", "feed.xml", null))), "podroll[0].feedUrl", "absolute");
        refusesWith(with(ShowField.PODROLL, List.of(new RemoteItem("917393e3-1b1e-5cef-ace4-edaa54e1f810", null, "t".repeat(129)))), "podroll[0].title", "at most 128");
        List<RemoteItem> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(new RemoteItem(String.format("917393e3-1b1e-5cef-ace4-%012d", i), null, null));
        }
        refusesWith(with(ShowField.PODROLL, many), "podroll", "at most 100");
    }

    @Test
    void anUpdateFrequencyHasTextAndAnRfc5545Rule() {
        accepts(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("That's all folks!", null, null, true)));
        accepts(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Every weekday", "FREQ=DAILY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR", null, false)));
        accepts(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Thanksgiving", "FREQ=YEARLY;BYDAY=+4TH;BYMONTH=11", null, false)));
        accepts(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Ten episodes", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=10",
                "2023-08-28T00:00:00.000Z", false)));
        accepts(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Until 2023", "FREQ=WEEKLY;UNTIL=2023-12-31T00:00:00.000Z;BYDAY=MO", null, false)));
        accepts(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("From 2025", "FREQ=WEEKLY", "2025-01-01", false)));
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency(null, "FREQ=WEEKLY", null, false)), "updateFrequency.text", "is required");
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Weekly", "WEEKLY", null, false)), "updateFrequency.rrule", "RFC 5545");
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Weekly", "BYDAY=MO", null, false)), "updateFrequency.rrule", "must name FREQ");
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Weekly", "FREQ=FORTNIGHTLY", null, false)), "updateFrequency.rrule", "FREQ must be one of");
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Weekly", "FREQ=WEEKLY;FREQ=DAILY", null, false)), "updateFrequency.rrule", "twice");
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Weekly", "FREQ=WEEKLY;<script>=1", null, false)), "updateFrequency.rrule", "not a rule part");
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Ten", "FREQ=WEEKLY;COUNT=10", null, false)), "updateFrequency.dtstart", "required by a rule with COUNT");
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Ten", "FREQ=WEEKLY;COUNT=0", "2025-01-01", false)), "updateFrequency.rrule", "COUNT must be");
        refusesWith(with(ShowField.UPDATE_FREQUENCY, new UpdateFrequency("Weekly", "FREQ=WEEKLY", "next monday", false)), "updateFrequency.dtstart", "ISO 8601");
    }

    @Test
    void aNewFeedUrlIsAnotherAbsoluteUrl() {
        accepts(with(ShowField.NEW_FEED_URL, "https://new.castline.test/feed.xml"));
        refusesWith(with(ShowField.NEW_FEED_URL, "new.castline.test/feed.xml"), "newFeedUrl", "absolute http(s) URL");
        refusesWith(with(ShowField.NEW_FEED_URL, Shows.FEED_URL), "newFeedUrl", "not feedUrl itself");
    }

    @Test
    void episodesTakeSoundbitesCommentThreadsAndALicense() {
        Episode e = Episodes.published("one", Instant.parse("2020-06-29T00:00:00Z")).withPodcasting20().build();
        assertThat(EpisodeRules.validate(e)).isSameAs(e);
        refusesEpisode(e.toBuilder().soundbites(List.of(new Soundbite(0, 30_000, null), new Soundbite(-1, 30_000, null))).build(),
                "soundbites[1].startTime", "from 0 to 360000");
        refusesEpisode(e.toBuilder().soundbites(List.of(new Soundbite(0, 0, null))).build(), "soundbites[0].duration", "more than 0");
        refusesEpisode(e.toBuilder().soundbites(List.of(new Soundbite(0, 300_001, null))).build(), "soundbites[0].duration", "at most 300");
        refusesEpisode(e.toBuilder().soundbites(List.of(new Soundbite(0, 1_000, "t".repeat(129)))).build(), "soundbites[0].title", "at most 128");
        refusesEpisode(e.toBuilder().soundbites(Collections.nCopies(21, new Soundbite(0, 1_000, null))).build(), "soundbites", "at most 20");
        refusesEpisode(e.toBuilder().license(new License("my own license", null)).build(), "license.url", "custom license");
    }

    @Test
    void commentThreadsNameAKnownProtocolAndTheirRootPost() {
        Episode e = Episodes.published("one", Instant.parse("2020-06-29T00:00:00Z")).build();
        accepts(e.toBuilder().socialInteracts(List.of(new SocialInteract("disabled", null, null, null, null))).build());
        accepts(e.toBuilder().socialInteracts(List.of(new SocialInteract("nostr", "nostr:note1abc", null, null, null))).build());
        refusesEpisode(social(e, new SocialInteract("myspace", "https://myspace.test/1", null, null, null)), "socialInteracts[0].protocol", "must be one of disabled, activitypub");
        refusesEpisode(social(e, new SocialInteract(null, "https://x.test/1", null, null, null)), "socialInteracts[0].protocol", "must be one of");
        refusesEpisode(social(e, new SocialInteract("activitypub", null, null, null, null)), "socialInteracts[0].uri", "is required");
        refusesEpisode(social(e, new SocialInteract("activitypub", "javascript:alert(1)", null, null, null)), "socialInteracts[0].uri", "https, at, nostr or matrix");
        refusesEpisode(social(e, new SocialInteract("activitypub", "https://x.test/1", "@dave", "http://x.test/@dave", null)), "socialInteracts[0].accountUrl", "https");
        refusesEpisode(social(e, new SocialInteract("activitypub", "https://x.test/1", "@dave", null, -1)), "socialInteracts[0].priority", "from 0 to 1000");
        refusesEpisode(social(e, new SocialInteract("disabled", "https://x.test/1", null, null, null)), "socialInteracts[0]", "takes no uri");
        refusesEpisode(e.toBuilder().socialInteracts(List.of(new SocialInteract("activitypub", "https://x.test/1", null, null, 1),
                new SocialInteract("disabled", null, null, null, null))).build(), "socialInteracts[1].protocol", "only entry");
    }

    private static Episode social(Episode e, SocialInteract s) {
        return e.toBuilder().socialInteracts(List.of(s)).build();
    }

    private static void accepts(Episode e) {
        assertThat(EpisodeRules.validate(e)).isSameAs(e);
    }

    private static void refusesEpisode(Episode e, String field, String message) {
        refuses(() -> EpisodeRules.validate(e), field, message);
    }

    /** The show with every setting, one field changed. */
    private static Show with(ShowField field, Object value) {
        Show everything = Shows.withEverything();
        Map<ShowField, Object> values = new EnumMap<>(ShowField.class);
        for (ShowField f : ShowField.values()) {
            if (f.of(everything) != null) {
                values.put(f, f.of(everything));
            }
        }
        values.put(field, value);
        Show show = ShowField.toShow(values);
        assertThat(field.of(show)).isEqualTo(value);
        return show;
    }

    private static void accepts(Show show) {
        assertThat(ShowRules.validate(show)).isSameAs(show);
    }

    private static void refusesWith(Show show, String field, String message) {
        refuses(() -> ShowRules.validate(show), field, message);
    }
}
