package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.castline.media.AudioInfo;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample show's silent MP3s: the project's probe, and ffprobe where installed, time them as asked. */
class SampleAudioTest {
    private static final int FRAME = SampleAudio.FRAME_BYTES;

    @ParameterizedTest
    @ValueSource(longs = {1_000, 1_001, 2_500, 36_000, 59_999, 2_160_000, 4_300_000, 5_040_000})
    void probesToTheRequestedDurationWithinOneFrame(long millis) {
        byte[] mp3 = SampleAudio.silence(millis);

        AudioInfo info = SampleData.measure(mp3);

        assertThat(info.contentType()).isEqualTo("audio/mpeg");
        assertThat(info.bytes()).isEqualTo(mp3.length).isEqualTo(SampleAudio.bytes(millis));
        assertThat(info.durationMillis()).isBetween(millis, millis + SampleAudio.FRAME_MILLIS - 1);
    }

    @Test
    void withoutItsInfoFrameTheSameAudioTimesTheSameAsConstantBitrate() {
        byte[] mp3 = SampleAudio.silence(60_000);
        byte[] audioOnly = Arrays.copyOfRange(mp3, FRAME, mp3.length);

        assertThat(SampleData.measure(audioOnly).durationMillis()).isEqualTo(SampleData.measure(mp3).durationMillis());
    }

    @Test
    void anInfoFrameCountingTheAudioFramesAndTheBytesThenIdenticalSilentFrames() {
        byte[] mp3 = SampleAudio.silence(3_000);
        long frames = SampleAudio.audioFrames(3_000);

        assertThat(frames).isEqualTo(84); // 84 × 36 ms = 3.024 s, the first whole frame count ≥ 3 s
        assertThat(mp3).hasSize((int) (frames + 1) * FRAME);
        byte[] info = Arrays.copyOf(mp3, FRAME);
        assertThat(Arrays.copyOf(info, 4)).containsExactly(0xFF, 0xF3, 0x18, 0xC4);
        assertThat(Arrays.copyOfRange(info, 4, 13)).containsOnly(0); // side information: nothing coded
        assertThat(new String(info, 13, 4, StandardCharsets.US_ASCII)).isEqualTo("Info");
        assertThat(be32(info, 17)).isEqualTo(3); // flags: frames, bytes
        assertThat(be32(info, 21)).isEqualTo(frames);
        assertThat(be32(info, 25)).isEqualTo(mp3.length);

        byte[] silent = new byte[FRAME];
        System.arraycopy(info, 0, silent, 0, 4);
        for (int p = FRAME; p < mp3.length; p += FRAME) {
            assertThat(Arrays.copyOfRange(mp3, p, p + FRAME)).as("frame at %d", p).isEqualTo(silent);
        }
    }

    @Test
    void aSecondCostsAThousandBytes() {
        assertThat(SampleAudio.bytes(3_600_000)).isEqualTo(3_600_000 + FRAME);
    }

    @Test
    void refusesDurationsItCannotMake() {
        assertThatThrownBy(() -> SampleAudio.silence(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleAudio.silence(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleAudio.silence(SampleAudio.MAX_MILLIS + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * FFmpeg is what Chromium plays MP3 with: where ffprobe is installed, it reads the duration
     * from the Info frame and decodes every frame without an error. Skipped elsewhere.
     */
    @Test
    void ffmpegTimesAndDecodesItWithoutErrors(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("ffprobe") && onPath("ffmpeg"), "ffprobe and ffmpeg are not installed");
        Path file = dir.resolve("sample.mp3");
        Files.write(file, SampleAudio.silence(125_000));

        String duration = run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", file.toString());
        assertThat(Double.parseDouble(duration.strip())).isBetween(125.0, 125.036);
        assertThat(run("ffmpeg", "-nostdin", "-v", "error", "-xerror", "-i", file.toString(), "-f", "null", "-")).isBlank();
    }

    private static long be32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /** The program's output (stdout and stderr); fails unless it exits with 0. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
