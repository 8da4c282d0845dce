package dev.castline.functions.downloads;

import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.emulation.EmulatorClients;
import dev.castline.store.DownloadStats;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Episodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A table with the fixture's episodes plus a 30-second one, the handler on it (no S3: logs are
 * handed over as bytes, ID3 tags are given), and the daily counts read back as the stats route
 * reads them.
 */
final class CountingHarness {
    static final String SHORT = "a-thirty-second-trailer";
    /** PODIA's file: 68,807,424 bytes over 4,300 s; a minute is 960,103 bytes. */
    static final long PODIA_MINUTE = 960_103;

    final ApiFixture fixture = new ApiFixture();
    final Episode podia = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
    final Episode trailer;
    final CountDownloadsHandler handler;
    final DownloadStats stats;

    CountingHarness() {
        String id = UUID.randomUUID().toString();
        trailer = fixture.store.create(Episodes.published(SHORT, Instant.parse("2025-12-01T00:00:00Z")).id(id)
                .audio(new Audio("audio/" + id + "/" + UUID.randomUUID() + ".mp3", "audio/mpeg", 480_000, 30_000)).build());
        S3Client noS3 = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(EmulatorClients.CREDENTIALS)
                .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
        handler = new CountDownloadsHandler(fixture.config, fixture.dynamo, noS3, key -> 0, fixture.clock);
        stats = new DownloadStats(fixture.dynamo, fixture.table, fixture.config.layout());
    }

    /** A log of src/test/resources/logs with its episode placeholders filled in. */
    String log(String name) {
        try (InputStream in = CountingHarness.class.getResourceAsStream("/logs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{PODIA}", podia.audio().key()).replace("{SHORT}", trailer.audio().key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers a fixture log, gzipped as CloudFront writes them, as the file of that name. */
    CountDownloadsHandler.Report deliver(String name) {
        return deliver(name, log(name));
    }

    CountDownloadsHandler.Report deliver(String fileId, String text) {
        try {
            return handler.process(fileId, ApiFixture.NOW, new ByteArrayInputStream(gzip(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DownloadStats.Report report(String day) {
        return stats.read(LocalDate.parse(day), LocalDate.parse(day), Optional.empty());
    }

    long downloads(String day) {
        return report(day).total();
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
