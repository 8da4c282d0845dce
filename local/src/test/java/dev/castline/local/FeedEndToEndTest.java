package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.castline.functions.feed.FeedRuleChecker;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xml.sax.InputSource;

/** The sample show's feed, fetched as a podcast app fetches it: gzip, conditional polls, HEAD. */
@ExtendWith(CastlineLocalExtension.class)
class FeedEndToEndTest {
    private final CastlineLocal stack;

    FeedEndToEndTest(CastlineLocal stack) {
        this.stack = stack;
    }

    @Test
    void theGzippedFeedOfTheSampleShowParsesAndPassesEveryRule() throws Exception {
        HttpResponse<byte[]> response = Http.send(request().header("Accept-Encoding", "gzip").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(response.headers().firstValue("content-type")).contains("application/rss+xml; charset=utf-8");
        byte[] xml;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            xml = in.readAllBytes();
        }

        assertThat(FeedRuleChecker.violations(xml, FeedRuleChecker.appleCategories())).isEmpty();
        SyndFeed feed = new SyndFeedInput().build(new InputSource(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8)));
        assertThat(feed.getTitle()).isEqualTo("Running in Production");
        // Other tests on the shared stack may publish episodes of their own, never remove the sample's.
        assertThat(feed.getEntries()).hasSizeGreaterThanOrEqualTo(stack.sampleSlugs().size());
        assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getEnclosures().getFirst().getUrl()).startsWith(stack.baseUrl() + "/media/audio/"));
    }

    @Test
    void aPollWithTheEtagIs304AndHeadAnswers() {
        HttpResponse<byte[]> first = Http.send(request().GET().build());
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<byte[]> poll = Http.send(request().header("If-None-Match", etag).GET().build());
        assertThat(poll.statusCode()).isEqualTo(304);
        assertThat(poll.body()).isEmpty();

        HttpResponse<byte[]> head = Http.send(request().method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("etag")).contains(etag);
    }

    @Test
    void chaptersJsonIsServedBesideTheFeed() {
        var response = Http.get(URI.create(stack.baseUrl() + "/episodes/" + stack.sampleSlugs().getFirst() + "/chapters.json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("application/json+chapters");
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/feed.xml"));
    }
}
