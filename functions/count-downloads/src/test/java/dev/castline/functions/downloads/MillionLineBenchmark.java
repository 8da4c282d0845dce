package dev.castline.functions.downloads;

import dev.castline.testing.ApiFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a measurement, run by a flag. One gzipped CloudFront log of 1,000,000 lines
 * (20,000 listeners over three episodes, ranged requests, retries, probes, HEADs and bots),
 * generated in memory, processed in one call against DynamoDB Local. Prints the time, the heap's
 * peak and the writes.
 *
 * <pre>mvn -B -o -pl functions/count-downloads -am verify -Dtest=MillionLineBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcastline.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "castline.bench", matches = "true")
class MillionLineBenchmark {
    private static final int LINES = 1_000_000;
    private static final int LISTENERS = 20_000;

    @Test
    void oneMillionLines() throws Exception {
        CountingHarness h = new CountingHarness();
        String[] keys = {h.podia.audio().key(), h.trailer.audio().key(),
                h.fixture.store.findBySlug(ApiFixture.PASSIV, true).orElseThrow().audio().key()};
        byte[] log = generate(keys);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        CountDownloadsHandler.Report report = h.handler.process("bench", ApiFixture.NOW, new java.io.ByteArrayInputStream(log));
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%n[bench] %d lines (%d KB gzipped) in %.1f s; heap peak %d MB (log bytes held by the test: %d MB);"
                        + " %d listener-files, %d state writes + %d count transactions, %d downloads; skipped %s%n",
                report.lines(), log.length / 1024, seconds, peak >> 20, log.length >> 20, report.listenerFiles(), report.stateWrites(),
                report.countPartsApplied(), report.downloads(), report.skipped());
        long again = System.nanoTime();
        CountDownloadsHandler.Report second = h.handler.process("bench", ApiFixture.NOW, new java.io.ByteArrayInputStream(log));
        System.out.printf("[bench] the same file again: %.1f s, %d state writes, %d count parts already applied%n",
                (System.nanoTime() - again) / 1e9, second.stateWrites(), second.countPartsAlreadyApplied());
    }

    private static byte[] generate(String[] keys) throws IOException {
        Random random = new Random(7);
        String[] agents = {"Overcast/3.0%20(+http://overcast.fm/;%20iOS%20podcast%20app)", "Podcasts/1650.20%20CFNetwork/1408.0.4%20Darwin/22.5.0",
                "Spotify/8.9.10%20iOS/17.2", "AntennaPod/3.2.0", "Mozilla/5.0%20(compatible;%20Googlebot/2.1;%20+http://www.google.com/bot.html)",
                "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/120.0.0.0%20Safari/537.36"};
        long[] sizes = {68_807_424, 480_000, 68_807_424};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(("#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) "
                    + "cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes "
                    + "time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status "
                    + "fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len "
                    + "sc-range-start sc-range-end\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder(512);
            for (int i = 0; i < LINES; i++) {
                int listener = random.nextInt(LISTENERS);
                int episode = Math.floorMod(listener * 31 + i % 2, keys.length);
                long size = sizes[episode];
                long start = random.nextInt(3) == 0 ? 0 : (long) (random.nextDouble() * (size - 1));
                long end = Math.min(size - 1, start + random.nextInt(400_000));
                boolean head = random.nextInt(50) == 0;
                line.setLength(0);
                line.append("2026-01-14\t").append(String.format("%02d:%02d:%02d", i / 41_667 % 24, i / 700 % 60, i % 60)).append("\tFRA56-P1\t")
                        .append(end - start + 301).append("\t10.").append(listener >> 16).append('.').append(listener >> 8 & 255).append('.')
                        .append(listener & 255).append(head ? "\tHEAD" : "\tGET").append("\td111111abcdef8.cloudfront.net\t/").append(keys[episode])
                        .append("\t206\t-\t").append(agents[listener % agents.length])
                        .append("\t-\t-\tHit\tXyZ123abc==\tmedia.example.com\thttps\t180\t0.010\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tHit\tHTTP/2.0\t-\t-\t50123\t0.004\tHit\taudio/mpeg\t")
                        .append(end - start + 1).append('\t').append(start).append('\t').append(end).append('\n');
                gz.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

}
