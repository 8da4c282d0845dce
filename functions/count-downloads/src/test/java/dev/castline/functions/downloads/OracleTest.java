package dev.castline.functions.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.domain.Episode;
import dev.castline.store.DownloadStats;
import dev.castline.testing.ApiFixture;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The function against a plain reference: a generator makes a random log set (thousands of
 * listeners, random and repeated ranges, aborted downloads, probes, HEADs, errors, bots, requests
 * on both sides of midnight), writes it as CloudFront logs split across files, and delivers each
 * file once or twice, shuffled, to two containers at once. The counts the stats read back equal,
 * exactly, what a dozen lines of obvious code compute from the generator's own requests.
 */
class OracleTest {
    private static final long SEED = 20260115L;
    private static final int LISTENERS = 3000;
    private static final int FILES = 24;
    private static final List<String> DAYS = List.of("2026-01-13", "2026-01-14");
    private static final String FIELDS = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) "
            + "cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id sc-range-start sc-range-end c-country";

    /** Agents and what they are, the generator's ground truth (independent of the classifier). */
    private static final Map<String, String> AGENTS = new TreeMap<>(Map.ofEntries(
            Map.entry("Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "Overcast"),
            Map.entry("Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0", "Apple Podcasts"),
            Map.entry("Spotify/8.9.10 iOS/17.2 (iPhone15,2)", "Spotify"),
            Map.entry("Pocket Casts/7.58 (Android 14)", "Pocket Casts"),
            Map.entry("AntennaPod/3.2.0", "AntennaPod"),
            Map.entry("Castro 2024.1/1234 CFNetwork/1408.0.4", "Castro"),
            Map.entry("PodcastAddict/v5 (+https://podcastaddict.com/; Android podcast app)", "Podcast Addict"),
            Map.entry("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                    UserAgents.WEB_BROWSER),
            Map.entry("CastBox/9.1.2 (Android 13)", UserAgents.OTHER),
            Map.entry("NewPlayer/0.1 (a player no list knows)", UserAgents.OTHER),
            Map.entry("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "bot"),
            Map.entry("curl/8.5.0", "bot"),
            Map.entry("python-requests/2.31.0", "bot")));
    private static final String[] COUNTRIES = {"US", "DE", "FR", "BR", "JP", "-"};

    private record Req(String day, int second, String ip, String ua, String method, int status, String key, long start, long end, long sent,
                       String country) {
    }

    private final CountingHarness h = new CountingHarness();
    private final Random random = new Random(SEED);

    @Test
    void theFunctionsCountsEqualTheReferenceExactly() throws Exception {
        Episode realEstate = h.fixture.store.findBySlug(ApiFixture.REAL_ESTATE, true).orElseThrow();
        Map<String, Episode> episodes = Map.of(h.podia.audio().key(), h.podia, h.trailer.audio().key(), h.trailer,
                realEstate.audio().key(), realEstate);
        Map<String, Long> tags = Map.of(realEstate.audio().key(), 48_211L);
        CountDownloadsHandler[] containers = {handler(tags), handler(tags)};

        List<Req> requests = generate(new ArrayList<>(episodes.keySet()), episodes);
        List<String> files = split(requests);
        List<Integer> deliveries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            deliveries.add(i);
            if (random.nextInt(3) == 0) {
                deliveries.add(i); // delivered twice
            }
        }
        Collections.shuffle(deliveries, random);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int n = 0; n < deliveries.size(); n++) {
            int file = deliveries.get(n);
            CountDownloadsHandler container = containers[n % 2];
            done.add(pool.submit(() -> container.process("oracle-file-" + file, ApiFixture.NOW,
                    new ByteArrayInputStream(CountingHarness.gzip(files.get(file))))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        Expected expected = reference(requests, episodes, tags);
        assertThat(expected.total).as("the generator makes a meaningful set").isGreaterThan(1000);
        DownloadStats.Report all = h.stats.read(LocalDate.parse(DAYS.get(0)), LocalDate.parse(DAYS.get(1)), Optional.empty());
        assertThat(all.total()).isEqualTo(expected.total);
        Map<String, Long> days = new TreeMap<>();
        all.days().forEach((d, n) -> days.put(d.toString(), n));
        assertThat(days).isEqualTo(expected.byDay);
        assertThat(all.episodes()).isEqualTo(expected.byEpisode);
        assertThat(all.byApp()).isEqualTo(expected.byApp);
        assertThat(all.byCountry()).isEqualTo(expected.byCountry);
        for (Episode e : episodes.values()) {
            DownloadStats.Report one = h.stats.read(LocalDate.parse(DAYS.get(0)), LocalDate.parse(DAYS.get(1)), Optional.of(e.id()));
            assertThat(one.total()).as(e.slug()).isEqualTo(expected.byEpisode.getOrDefault(e.id(), 0L));
        }

        Set<String> addresses = new HashSet<>();
        requests.forEach(r -> addresses.add(r.ip));
        assertThat(itemsHolding(addresses)).as("no item holds a listener's address").isEmpty();
    }

    private CountDownloadsHandler handler(Map<String, Long> tags) {
        return new CountDownloadsHandler(h.fixture.config, h.fixture.client(), null, key -> tags.getOrDefault(key, 0L), h.fixture.clock);
    }

    // ---- the generator

    private List<Req> generate(List<String> keys, Map<String, Episode> episodes) {
        List<String> agents = new ArrayList<>(AGENTS.keySet());
        List<Req> out = new ArrayList<>();
        for (int l = 0; l < LISTENERS; l++) {
            // A few addresses are shared (a household, an office) by listeners with different apps.
            String ip = random.nextInt(10) == 0 ? "203.0.113." + random.nextInt(20)
                    : random.nextBoolean() ? "198.51." + random.nextInt(256) + "." + random.nextInt(256)
                    : "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::" + Integer.toHexString(random.nextInt(65536));
            String ua = agents.get(random.nextInt(agents.size()));
            String country = COUNTRIES[Math.floorMod(ip.hashCode(), COUNTRIES.length)];
            int episodesHeard = 1 + random.nextInt(2);
            for (int e = 0; e < episodesHeard; e++) {
                String key = keys.get(random.nextInt(keys.size()));
                long size = episodes.get(key).audio().bytes();
                String day = DAYS.get(random.nextInt(DAYS.size()));
                int second = random.nextInt(10) == 0 ? 86_400 - 1 - random.nextInt(300) : random.nextInt(86_400);
                int requests = 1 + random.nextInt(6);
                for (int r = 0; r < requests; r++) {
                    int at = Math.min(86_399, second + r * random.nextInt(120));
                    String d = day;
                    if (day.equals(DAYS.get(0)) && second + r * 90 >= 86_400) {
                        d = DAYS.get(1); // this listener's requests go on past midnight
                        at = (second + r * 90) - 86_400;
                    }
                    out.add(request(d, at, ip, ua, key, size, country));
                    if (random.nextInt(8) == 0) {
                        out.add(out.get(out.size() - 1)); // a retry: the same line again
                    }
                }
            }
        }
        return out;
    }

    private Req request(String day, int second, String ip, String ua, String key, long size, String country) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return new Req(day, second, ip, ua, "HEAD", 200, key, -1, -1, 400, country);
        }
        if (kind == 1) {
            return new Req(day, second, ip, ua, "GET", 206, key, 0, random.nextInt(2), 2, country); // a probe
        }
        if (kind == 2) {
            return new Req(day, second, ip, ua, "GET", 404, key, -1, -1, 300, country);
        }
        if (kind <= 5) {
            // a 200: the whole file, or until the client went away
            long sent = random.nextBoolean() ? size + 350 : 1 + (long) (random.nextDouble() * Math.min(size, 2_000_000));
            return new Req(day, second, ip, ua, "GET", 200, key, -1, -1, sent, country);
        }
        long start = random.nextInt(4) == 0 ? 0 : (long) (random.nextDouble() * Math.min(size - 1, 1_500_000));
        long end = Math.min(size - 1, start + 1_000 + (long) (random.nextDouble() * 700_000));
        long sent = random.nextInt(5) == 0 ? 1 + (long) (random.nextDouble() * (end - start + 1)) : end - start + 1 + 300;
        return new Req(day, second, ip, ua, "GET", 206, key, start, end, sent, country);
    }

    /** The requests as CloudFront log files: each line in a random file, each file in random order. */
    private List<String> split(List<Req> requests) {
        List<StringBuilder> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(new StringBuilder("#Version: 1.0\n#Fields: " + FIELDS + "\n"));
        }
        List<Req> shuffled = new ArrayList<>(requests);
        Collections.shuffle(shuffled, random);
        for (Req r : shuffled) {
            String time = String.format("%02d:%02d:%02d", r.second / 3600, r.second / 60 % 60, r.second % 60);
            files.get(random.nextInt(FILES)).append(String.join("\t", r.day, time, "FRA56-P1", Long.toString(r.sent), r.ip, r.method,
                    "d111111abcdef8.cloudfront.net", "/" + r.key, Integer.toString(r.status), "-", encode(r.ua), "-", "-", "Hit", "req",
                    r.start < 0 ? "-" : Long.toString(r.start), r.end < 0 ? "-" : Long.toString(r.end), r.country)).append('\n');
        }
        return files.stream().map(StringBuilder::toString).toList();
    }

    /** As CloudFront writes agents: spaces and the like as %XX. */
    private static String encode(String ua) {
        return ua.replace("%", "%25").replace(" ", "%20").replace("\t", "%09");
    }

    // ---- the reference

    private record Expected(long total, Map<String, Long> byDay, Map<String, Long> byEpisode, Map<String, Long> byApp,
                            Map<String, Long> byCountry) {
    }

    private Expected reference(List<Req> requests, Map<String, Episode> episodes, Map<String, Long> tags) {
        Map<List<String>, List<long[]>> received = new HashMap<>();
        Map<List<String>, Req> first = new HashMap<>();
        for (Req r : requests) {
            boolean probe = r.start == 0 && r.end <= 1 && r.end >= 0;
            if (!r.method.equals("GET") || (r.status != 200 && r.status != 206) || probe || AGENTS.get(r.ua).equals("bot")) {
                continue;
            }
            long size = episodes.get(r.key).audio().bytes();
            long start = r.status == 200 ? 0 : r.start;
            long end = Math.min(size - 1, r.status == 200 ? r.sent - 1 : Math.min(r.end, r.start + r.sent - 1));
            List<String> who = List.of(r.day, r.ip, r.ua, r.key);
            received.computeIfAbsent(who, k -> new ArrayList<>()).add(new long[] {start, end});
            first.merge(who, r, (a, b) -> b.second < a.second ? b : a);
        }
        Map<String, Long> byDay = new TreeMap<>();
        DAYS.forEach(d -> byDay.put(d, 0L));
        Map<String, Long> byEpisode = new HashMap<>();
        Map<String, Long> byApp = new TreeMap<>();
        Map<String, Long> byCountry = new TreeMap<>();
        long total = 0;
        for (var e : received.entrySet()) {
            Episode episode = episodes.get(e.getKey().get(3));
            long size = episode.audio().bytes();
            long tag = tags.getOrDefault(e.getKey().get(3), 0L);
            long minute = episode.audio().durationMillis() <= 60_000 ? size
                    : Math.min(size, tag + (long) Math.ceil((size - tag) * 60_000.0 / episode.audio().durationMillis()));
            if (distinctBytes(e.getValue()) >= minute) {
                total++;
                byDay.merge(e.getKey().get(0), 1L, Long::sum);
                byEpisode.merge(episode.id(), 1L, Long::sum);
                byApp.merge(AGENTS.get(e.getKey().get(2)), 1L, Long::sum);
                String country = first.get(e.getKey()).country;
                if (!country.equals("-")) {
                    byCountry.merge(country, 1L, Long::sum);
                }
            }
        }
        return new Expected(total, byDay, byEpisode, byApp, byCountry);
    }

    /** Distinct bytes of inclusive ranges: sort, then sweep. */
    private static long distinctBytes(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long reached = -1;
        for (long[] r : sorted) {
            if (r[1] > reached) {
                total += r[1] - Math.max(r[0], reached + 1) + 1;
                reached = r[1];
            }
        }
        return total;
    }

    /** Every item (a test may scan) with any attribute holding one of these addresses. */
    private List<String> itemsHolding(Set<String> addresses) {
        List<String> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> resume = start;
            ScanResponse page = h.fixture.dynamo.scan(ScanRequest.builder().tableName(h.fixture.table).exclusiveStartKey(resume).build());
            for (Map<String, AttributeValue> item : page.items()) {
                String text = item.toString();
                for (String ip : addresses) {
                    if (text.contains(ip)) {
                        found.add(ip + " in " + item.get("PK"));
                    }
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }
}
