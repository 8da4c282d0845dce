package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@code /media/{key}} answers as CloudFront in front of S3 does: HEAD, byte ranges, 416. */
@ExtendWith(CastlineLocalExtension.class)
class MediaTest {
    private static final String KEY = "audio/media-test/0001.mp3";
    private final byte[] content = new byte[1000];
    private final CastlineLocal stack;

    MediaTest(CastlineLocal stack) {
        this.stack = stack;
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
    }

    /**
     * The object is an episode's audio (a draft's, so no listing changes): the upload processor,
     * which deletes any object under audio/ that no episode points at, leaves it alone.
     */
    @BeforeEach
    void upload() {
        var episodes = new dev.castline.store.EpisodeStore(stack.dynamo(), CastlineLocal.TABLE, stack.config().layout(),
                java.time.Clock.systemUTC());
        if (episodes.findById("media-test", true).isEmpty()) {
            episodes.create(dev.castline.testing.Episodes.draft("media-test-episode").id("media-test")
                    .audio(new dev.castline.domain.Audio(KEY, "audio/mpeg", content.length, 1_000)).build());
        }
        stack.s3().putObject(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(KEY).contentType("audio/mpeg"), RequestBody.fromBytes(content));
    }

    @Test
    void headTellsSizeTypeAndThatRangesWork() {
        HttpResponse<byte[]> head = Http.send(request().method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-length")).contains("1000");
        assertThat(head.headers().firstValue("content-type")).contains("audio/mpeg");
        assertThat(head.headers().firstValue("accept-ranges")).contains("bytes");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theFirstTwoBytesAsApplesProbeAsksThem() {
        HttpResponse<byte[]> response = range("bytes=0-1");
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).containsExactly(0, 1);
        assertThat(response.headers().firstValue("content-range")).contains("bytes 0-1/1000");
    }

    @Test
    void openEndedAndSuffixRanges() {
        HttpResponse<byte[]> open = range("bytes=990-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).hasSize(10).startsWith((byte) 990);
        assertThat(open.headers().firstValue("content-range")).contains("bytes 990-999/1000");

        HttpResponse<byte[]> suffix = range("bytes=-5");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).containsExactly((byte) 995, (byte) 996, (byte) 997, (byte) 998, (byte) 999);
        assertThat(suffix.headers().firstValue("content-range")).contains("bytes 995-999/1000");

        HttpResponse<byte[]> past = range("bytes=500-5000");
        assertThat(past.statusCode()).isEqualTo(206);
        assertThat(past.body()).hasSize(500);
    }

    @Test
    void aRangeBeyondTheEndIs416() {
        HttpResponse<byte[]> response = range("bytes=1000-");
        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("content-range")).contains("bytes */1000");
    }

    @Test
    void theWholeObjectWithoutARangeAndNotFoundForAMissingKey() {
        HttpResponse<byte[]> whole = Http.send(request().GET().build());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content);

        HttpResponse<byte[]> missing = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/media/audio/none/none.mp3")).build());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> range(String range) {
        return Http.send(request().header("Range", range).GET().build());
    }

    @Test
    void onlyMediaKeysAreServedAndNothingEscapesTheMediaPrefix() {
        // Objects outside the media prefixes exist in the bucket, and must stay out of reach.
        stack.s3().putObject(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key("private/secret.mp3"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("secret"));
        for (String path : new String[] {
                "/media/private/secret.mp3", "/media/audio/x/../../private/secret.mp3", "/media/audio%2F..%2Fprivate%2Fsecret.mp3",
                "/media/audio/media-test%2F0001.mp3", "/media/audio/media-test/0001.mp3%00", "/media/audio\\media-test\\0001.mp3",
                "/media/%2e%2e/private/secret.mp3", "/media/audio/media-test/0001.txt", "/media/", "/media/audio/"}) {
            HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path.replace("\\", "%5C"))).build());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).as(path).doesNotContain("secret");
        }
        assertThat(Http.send(request().build()).statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/media/" + KEY));
    }
}
