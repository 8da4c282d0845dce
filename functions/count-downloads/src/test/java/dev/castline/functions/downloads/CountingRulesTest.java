package dev.castline.functions.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each counting rule, over a hand-written log in src/test/resources/logs (one table per test). */
class CountingRulesTest {
    private static final String DAY = "2026-01-14";
    private final CountingHarness h = new CountingHarness();

    @Test
    void probesNeverCountNorDoTheyPlaceTheListener() {
        CountDownloadsHandler.Report report = h.deliver("probes.log");
        assertThat(report.skipped()).containsEntry(DownloadRules.Skip.PROBE, 3L);
        assertThat(h.downloads(DAY)).as("only the listener who went on to take a minute").isEqualTo(1);
    }

    @Test
    void headErrorsAndArtworkNeverCount() {
        CountDownloadsHandler.Report report = h.deliver("head.log");
        assertThat(report.skipped()).containsEntry(DownloadRules.Skip.NOT_GET, 1L).containsEntry(DownloadRules.Skip.STATUS, 2L)
                .containsEntry(DownloadRules.Skip.NOT_AUDIO, 1L);
        assertThat(report.listenerFiles()).isZero();
        assertThat(h.downloads(DAY)).isZero();
    }

    @Test
    void botsAndAgentlessRequestsNeverCountAndAnUnknownAgentCountsAsOther() {
        CountDownloadsHandler.Report report = h.deliver("bots.log");
        assertThat(report.skipped()).containsEntry(DownloadRules.Skip.BOT, 3L);
        assertThat(h.report(DAY).byApp()).isEqualTo(Map.of(UserAgents.OTHER, 1L));
    }

    @Test
    void partialRangesSumPastTheMinuteAcrossTwoFiles() {
        h.deliver("partial-1.log");
        assertThat(h.downloads(DAY)).as("500,000 bytes: not yet a minute").isZero();
        h.deliver("partial-2.log");
        assertThat(h.downloads(DAY)).isEqualTo(1);
        assertThat(h.report(DAY).byApp()).isEqualTo(Map.of("Overcast", 1L));
    }

    @Test
    void theSameRangeTwiceAddsNothingAndAFileDeliveredTwiceChangesNothing() {
        h.deliver("same-range-1.log");
        CountDownloadsHandler.Report again = h.deliver("same-range-1.log");
        h.deliver("same-range-2.log");
        assertThat(again.stateWrites()).as("a file delivered again writes nothing").isZero();
        assertThat(h.downloads(DAY)).as("600,000 distinct bytes, fetched three times").isZero();

        h.deliver("partial-1.log");
        h.deliver("partial-2.log");
        CountDownloadsHandler.Report redelivered = h.deliver("partial-2.log");
        assertThat(redelivered.stateWrites()).isZero();
        assertThat(redelivered.countPartsAlreadyApplied()).as("its counts were added once, by the first delivery").isEqualTo(1);
        assertThat(h.downloads(DAY)).isEqualTo(1);
    }

    @Test
    void aFileShorterThanAMinuteCountsWhenWhole() {
        assertThat(DownloadRules.minuteBytes(480_000, 30_000, 0)).isEqualTo(480_000);
        h.deliver("short.log");
        assertThat(h.downloads(DAY)).as("the whole file, not 400,001 bytes of it").isEqualTo(1);
        assertThat(h.report(DAY).episodes()).isEqualTo(Map.of(h.trailer.id(), 1L));
    }

    @Test
    void theWindowIsTheUtcDayOfTheRequests() {
        h.deliver("window.log");
        assertThat(h.downloads("2026-01-13")).as("a minute before midnight; the split listener has half each side").isEqualTo(1);
        assertThat(h.downloads("2026-01-14")).isEqualTo(1);
    }

    @Test
    void urlEncodedAgentsAreDecodedBeforeTheyAreRecognised() {
        CountDownloadsHandler.Report report = h.deliver("encoded-agent.log");
        assertThat(report.skipped()).containsEntry(DownloadRules.Skip.BOT, 1L);
        assertThat(h.report(DAY).byApp()).isEqualTo(Map.of("Pocket Casts", 1L, "AntennaPod", 1L));
    }

    @Test
    void fieldsAreReadByTheFieldsLineSoExtraAndReorderedFieldsAndCountriesWork() {
        CountDownloadsHandler.Report report = h.deliver("reordered-fields.log");
        assertThat(report.lines()).isEqualTo(3);
        assertThat(report.malformed()).isZero();
        assertThat(h.downloads(DAY)).isEqualTo(3);
        assertThat(h.report(DAY).byCountry()).as("a '-' country is no country").isEqualTo(Map.of("DE", 1L, "FR", 1L));
        assertThat(h.report(DAY).byApp()).isEqualTo(Map.of("Apple Podcasts", 1L, "Spotify", 1L, "Overcast", 1L));
    }

    @Test
    void requestsOfAnOldKeyOfTheEpisodeDoNotCount() {
        String replaced = h.log("partial-1.log").replace(h.podia.audio().key(), "audio/" + h.podia.id() + "/0b6d7a3e-6c3f-4c43-9d61-1d1b2f1b2c3d.mp3")
                .replace("499999", "999999");
        CountDownloadsHandler.Report report = h.deliver("old-key", replaced);
        assertThat(report.listenerFiles()).isZero();
        assertThat(h.downloads(DAY)).isZero();
    }
}
