package dev.castline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeedWriterTest {
    /** The reference the hand-written formatting must match. */
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Test
    void handFormattedDatesMatchTheFormatter() {
        Random random = new Random(5);
        Instant start = Instant.parse("1999-12-31T23:59:59Z");
        for (int i = 0; i < 5_000; i++) {
            Instant t = start.plus(Duration.ofSeconds(random.nextLong(0, 40L * 365 * 86_400)));
            assertThat(FeedWriter.rfc2822(t)).isEqualTo(RFC_2822.format(t));
        }
        assertThat(FeedWriter.rfc2822(Instant.parse("2019-06-15T19:00:00Z"))).isEqualTo("Sat, 15 Jun 2019 19:00:00 GMT");
    }

    @Test
    void normalPlayTimeAsPodloveWritesIt() {
        assertThat(FeedWriter.normalPlayTime(37_000)).isEqualTo("0:37");
        assertThat(FeedWriter.normalPlayTime(468_000)).isEqualTo("7:48");
        assertThat(FeedWriter.normalPlayTime(5_752_000)).isEqualTo("1:35:52");
        assertThat(FeedWriter.normalPlayTime(2_112_250)).isEqualTo("35:12.250");
        assertThat(FeedWriter.normalPlayTime(2_112_005)).isEqualTo("35:12.005");
    }
}
