package dev.castline.functions.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written formats say exactly what the JDK's formatters say. */
class TimesTest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Test
    void daysReadAsTheJdkWritesThem() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            // 1970 to 9999, the publish times the domain accepts
            Instant at = Instant.ofEpochSecond(Math.floorMod(random.nextLong(), 253_402_300_799L));
            assertThat(Times.day(at)).as(at.toString()).isEqualTo(DAY.format(at));
            assertThat(Times.isoDay(at)).as(at.toString()).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at));
        }
    }

    @Test
    void clockTimesAreMinutesAndSecondsUnderAnHourAndHoursFromOne() {
        for (long s = 0; s < 13 * 3600; s += 7) {
            long h = s / 3600;
            long m = s % 3600 / 60;
            String expected = h > 0 ? String.format("%d:%02d:%02d", h, m, s % 60) : String.format("%d:%02d", m, s % 60);
            assertThat(Times.clock(s)).isEqualTo(expected);
        }
    }
}
