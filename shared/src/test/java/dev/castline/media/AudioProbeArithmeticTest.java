package dev.castline.media;

import static dev.castline.media.AudioProbeTest.ascii;
import static dev.castline.media.AudioProbeTest.be32;
import static dev.castline.media.AudioProbeTest.be64;
import static dev.castline.media.AudioProbeTest.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.castline.media.AudioProbeTest.CountingSource;
import dev.castline.media.AudioProbeTest.GeneratedSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The probe's arithmetic, worked by hand: frame lengths and durations for every MPEG version and
 * sample rate, the Xing/Info and VBRI fields, ID3v2 sizes, atom sizes, and each limit at and one
 * past its boundary.
 */
class AudioProbeArithmeticTest {
    /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, stereo: 417-byte frames of 1152 samples. */
    private static final byte[] MPEG1_128 = hex("FFFB9000");
    private static final int LEN_128 = 417;

    // ================================================================ MP3: frame headers

    @ParameterizedTest(name = "{0}: {1} bytes at {2} kbit/s")
    @CsvSource({
        // header, frame length, kbit/s: 144,000 (MPEG-1) or 72,000 (MPEG-2, 2.5) × kbit/s / Hz, + padding
        "FFFB1000, 104, 32", //  MPEG-1, lowest bitrate, 44.1 kHz (104.49)
        "FFFBE000, 1044, 320", // MPEG-1, highest bitrate, 44.1 kHz (1044.9)
        "FFFB9400, 384, 128", //  MPEG-1, 48 kHz
        "FFFB9800, 576, 128", //  MPEG-1, 32 kHz
        "FFFB9200, 418, 128", //  MPEG-1, 44.1 kHz, padded
        "FFFA9000, 417, 128", //  MPEG-1 with a CRC
        "FFFB9001, 417, 128", //  emphasis 50/15 µs
        "FFFB9003, 417, 128", //  emphasis CCITT J.17
        "FFF310C0, 26, 8", //     MPEG-2, 22.05 kHz, mono (26.12)
        "FFF3E400, 480, 160", //  MPEG-2, highest bitrate, 24 kHz
        "FFF31800, 36, 8", //     MPEG-2, 16 kHz
        "FFF31A00, 37, 8", //     MPEG-2, 16 kHz, padded
        "FFE31000, 52, 8", //     MPEG-2.5, 11.025 kHz (52.24)
        "FFE31400, 48, 8", //     MPEG-2.5, 12 kHz
        "FFE3E800, 1440, 160", // MPEG-2.5, 8 kHz
    })
    void cbrDurationIsTheAudioBytesOverTheBitrate(String header, int length, int kbps) throws Exception {
        int count = 200;
        byte[] stream = frames(hex(header), length, count);

        AudioInfo info = probe(stream);

        assertThat(info.contentType()).isEqualTo("audio/mpeg");
        assertThat(info.bytes()).isEqualTo(stream.length);
        assertThat(info.durationMillis()).isEqualTo(Math.round(count * length * 8.0 / kbps));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FF1B9000", // no frame sync in the second byte
        "FFEB9000", // MPEG version 01: reserved
        "FFFD9000", // Layer II
        "FFFF9000", // Layer I
        "FFF99000", // layer 00: reserved
        "FFFB0000", // free-format bitrate: the length cannot be known
        "FFFBF000", // bitrate index 15: invalid
        "FFFB9C00", // sample-rate index 3: reserved
        "FFFB9002", // emphasis 2: reserved
    })
    void framesWithAnInvalidHeaderAreNotAudio(String header) {
        assertReason(frames(hex(header), LEN_128, 200), AudioProbe.NOT_AUDIO);
    }

    @Test
    void roundsHalfAMillisecondUp() throws Exception {
        // 40 × 417 bytes × 8 / 128 kbit/s = 1042.5 ms.
        assertThat(probe(frames(MPEG1_128, LEN_128, 40)).durationMillis()).isEqualTo(1043);
        // 41 × 417 × 8 / 128 = 1068.5625 ms; 42 → 1094.625 ms; 43 → 1120.6875 ms.
        assertThat(probe(frames(MPEG1_128, LEN_128, 41)).durationMillis()).isEqualTo(1069);
        assertThat(probe(frames(MPEG1_128, LEN_128, 43)).durationMillis()).isEqualTo(1121);
    }

    @Test
    void aConfirmingFrameMustStartWithAFullSync() {
        byte[] stream = frames(hex("FEFB9000"), LEN_128, 100);
        System.arraycopy(MPEG1_128, 0, stream, 0, 4); // only the first frame has 0xFF
        assertReason(stream, AudioProbe.NOT_AUDIO);
    }

    @Test
    void aConfirmingFrameMustHaveTheSameSampleRate() throws Exception {
        // A 44.1 kHz header whose "next frame" is a 48 kHz one is a false sync: the stream starts at the second.
        byte[] stream48 = frames(hex("FFFB9400"), 384, 200);
        byte[] file = concat(MPEG1_128, new byte[LEN_128 - 4], stream48);
        AudioInfo info = probe(file);
        assertThat(info.durationMillis()).isEqualTo(Math.round(stream48.length * 8.0 / 128));
    }

    @Test
    void paddingIsPartOfTheFrameLength() throws Exception {
        // Padded and unpadded frames mixed: each says its own length.
        byte[] padded = hex("FFFB9200");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bytes = 0;
        for (int i = 0; i < 100; i++) {
            byte[] frame = i % 3 == 0 ? frames(padded, 418, 1) : frames(MPEG1_128, LEN_128, 1);
            out.writeBytes(frame);
            bytes += frame.length;
        }
        assertThat(probe(out.toByteArray()).durationMillis()).isEqualTo(Math.round(bytes * 8.0 / 128));
    }

    // ================================================================ MP3: one second of frames

    @Test
    void exactlyOneSecondOfFramesAndNothingElseIsEnough() throws Exception {
        // 39 × 1152 = 44,928 samples ≥ 44,100; 38 frames are 43,776.
        assertThat(probe(frames(MPEG1_128, LEN_128, 39)).durationMillis()).isEqualTo(Math.round(39 * LEN_128 * 8.0 / 128));
        assertReason(frames(MPEG1_128, LEN_128, 38), AudioProbe.MP3_TOO_SHORT);
        // The 39th frame one byte short.
        byte[] cut = Arrays.copyOf(frames(MPEG1_128, LEN_128, 39), 39 * LEN_128 - 1);
        assertReason(cut, AudioProbe.MP3_TOO_SHORT);
        // 38 frames and then three bytes: not even a header.
        assertReason(concat(frames(MPEG1_128, LEN_128, 38), hex("FFFB90")), AudioProbe.MP3_TOO_SHORT);
    }

    @Test
    void mpeg2FramesHoldHalfAsManySamples() throws Exception {
        // MPEG-2, 64 kbit/s, 24 kHz: 192-byte frames of 576 samples; a second takes 42 (41 × 576 = 23,616).
        byte[] header = hex("FFF38400");
        assertThat(probe(frames(header, 192, 42)).durationMillis()).isEqualTo(Math.round(42 * 192 * 8.0 / 64));
        assertReason(concat(frames(header, 192, 41), new byte[5000]), AudioProbe.MP3_TOO_SHORT);
    }

    @Test
    void mpeg25FramesAtEightKilohertz() throws Exception {
        // 8,000 / 576 = 13.9: fourteen 72-byte frames make a second, thirteen do not.
        byte[] header = hex("FFE31800");
        assertThat(probe(frames(header, 72, 14)).durationMillis()).isEqualTo(Math.round(14 * 72 * 8.0 / 8));
        assertReason(concat(frames(header, 72, 13), new byte[500]), AudioProbe.MP3_TOO_SHORT);
    }

    @Test
    void theSecondMayChangeBitrateButNotSampleRate() throws Exception {
        byte[] at160 = hex("FFFBA000"); // 160 kbit/s, 44.1 kHz: 522 bytes
        byte[] mixed = concat(frames(MPEG1_128, LEN_128, 20), frames(at160, 522, 30));
        // The CBR estimate takes the first frame's bitrate for all of it.
        assertThat(probe(mixed).durationMillis()).isEqualTo(Math.round(mixed.length * 8.0 / 128));

        byte[] at48k = hex("FFFB9400");
        assertReason(concat(frames(MPEG1_128, LEN_128, 20), frames(at48k, 384, 30)), AudioProbe.MP3_TOO_SHORT);
    }

    // ================================================================ MP3: finding the first frame

    @Test
    void aFrameThatFitsWithTheNextHeaderIsConfirmedAndOneByteLessIsCutShort() {
        byte[] oneFrame = frames(MPEG1_128, LEN_128, 1);
        // The frame and exactly the next header: a real start, but under a second.
        assertReason(concat(oneFrame, MPEG1_128), AudioProbe.MP3_TOO_SHORT);
        // One byte of that header missing: the file ends inside where its audio would start.
        assertReason(concat(oneFrame, hex("FFFB90")), AudioProbe.MP3_TRUNCATED);
    }

    @Test
    void aCutFrameIsTruncationOnlyWhereTheAudioStarts() {
        byte[] cutFrame = concat(MPEG1_128, new byte[100]);
        assertReason(cutFrame, AudioProbe.MP3_TRUNCATED);
        // After junk, with no tag: nothing says this is an MP3 at all.
        assertReason(concat(new byte[10], cutFrame), AudioProbe.NOT_AUDIO);
        // After a tag, the first header anywhere is where the audio was meant to start.
        assertReason(concat(id3(3, 0, 0, 0), new byte[10], cutFrame), AudioProbe.MP3_TRUNCATED);
        // A false sync first (room for the frame, no next header), then a cut frame: no audio, not a cut.
        byte[] falseSync = concat(MPEG1_128, new byte[500]);
        assertReason(concat(falseSync, cutFrame), AudioProbe.NOT_AUDIO);
        assertReason(concat(id3(3, 0, 0, 0), falseSync, cutFrame), AudioProbe.MP3_NO_FRAMES);
    }

    @Test
    void theScanForTheFirstFrameCoversExactly64KibAfterTheTags() throws Exception {
        byte[] audio = frames(MPEG1_128, LEN_128, 100);
        long ms = Math.round(audio.length * 8.0 / 128);
        byte[] tag = id3(3, 0, 0, 0);
        assertThat(probe(concat(tag, new byte[AudioProbe.MP3_SCAN - 1], audio)).durationMillis()).isEqualTo(ms);
        assertReason(concat(tag, new byte[AudioProbe.MP3_SCAN], audio), AudioProbe.MP3_NO_FRAMES);
        assertThat(probe(concat(new byte[AudioProbe.MP3_SCAN - 1], audio)).durationMillis()).isEqualTo(ms);
        assertReason(concat(new byte[AudioProbe.MP3_SCAN], audio), AudioProbe.NOT_AUDIO);
    }

    // ================================================================ MP3: ID3v2 tags

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void id3v2Point2To4TagsAreSkipped(int major) throws Exception {
        byte[] audio = frames(MPEG1_128, LEN_128, 100);
        // The tag's body is longer than the scan: only skipping it by its size finds the audio.
        byte[] file = concat(id3(major, 0, 0, 70_000), new byte[70_000], audio);
        assertThat(probe(file).durationMillis()).isEqualTo(Math.round(audio.length * 8.0 / 128));
    }

    @Test
    void aTagWithRevision0xFeOrAnyFlagButTheFooterIsATagOfItsStatedSize() throws Exception {
        byte[] audio = frames(MPEG1_128, LEN_128, 100);
        long ms = Math.round(audio.length * 8.0 / 128);
        assertThat(probe(concat(id3(4, 0xFE, 0, 70_000), new byte[70_000], audio)).durationMillis()).isEqualTo(ms);
        assertThat(probe(concat(id3(4, 0, 0xEF, 70_000), new byte[70_000], audio)).durationMillis()).isEqualTo(ms);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 0, 0, 0, 4, 34, 112", // major version 1
        "5, 0, 0, 0, 4, 34, 112", // major version 5
        "4, 255, 0, 0, 4, 34, 112", // revision 0xFF
        "4, 0, 0, 128, 4, 34, 112", // a size byte with its top bit set: not sync-safe
        "4, 0, 0, 0, 132, 34, 112",
        "4, 0, 0, 0, 4, 162, 112",
        "4, 0, 0, 0, 4, 34, 240",
    })
    void whatOnlyLooksLikeAnId3TagIsNotSkipped(int major, int revision, int flags, int s6, int s7, int s8, int s9) {
        // Size bytes 0, 4, 34, 112 are 70,000 sync-safe: were it skipped, the audio would be found.
        byte[] header = {'I', 'D', '3', (byte) major, (byte) revision, (byte) flags, (byte) s6, (byte) s7, (byte) s8, (byte) s9};
        assertThat((s7 & 0x7F) << 14 | (s8 & 0x7F) << 7 | (s9 & 0x7F)).isEqualTo(70_000);
        byte[] file = concat(header, new byte[70_000], frames(MPEG1_128, LEN_128, 100));
        assertReason(file, AudioProbe.NOT_AUDIO);
    }

    @Test
    void theTagSizeUsesAllFourSyncSafeBytes() throws Exception {
        int size = (1 << 21) + (1 << 14) + (1 << 7) + 1; // 1 in each 7-bit byte
        byte[] audio = frames(MPEG1_128, LEN_128, 100);
        byte[] file = concat(id3(3, 0, 0, size), new byte[size], audio);
        assertThat(Arrays.copyOfRange(file, 6, 10)).containsExactly(1, 1, 1, 1);
        CountingSource source = new CountingSource(file);
        assertThat(AudioProbe.probe(source).durationMillis()).isEqualTo(Math.round(audio.length * 8.0 / 128));
        assertThat(source.touched(AudioProbe.FIRST_BLOCK, 10 + size)).as("tag body read").isFalse();
    }

    @Test
    void theLargestSyncSafeSizeIsRead() {
        // 0x7F in each byte: 2^28 − 1 bytes claimed by a 100-byte file.
        byte[] file = concat(new byte[] {'I', 'D', '3', 3, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F}, new byte[90]);
        assertReason(file, AudioProbe.MP3_TRUNCATED_ID3);
    }

    @Test
    void aTagEndingExactlyAtTheEndOfTheFileIsNotTruncated() {
        assertReason(concat(id3(3, 0, 0, 90), new byte[90]), AudioProbe.MP3_NO_FRAMES);
        assertReason(concat(id3(3, 0, 0, 91), new byte[90]), AudioProbe.MP3_TRUNCATED_ID3);
        // With a footer (flag 0x10), ten more bytes belong to the tag.
        assertReason(concat(id3(4, 0, 0x10, 80), new byte[90]), AudioProbe.MP3_NO_FRAMES);
        assertReason(concat(id3(4, 0, 0x10, 81), new byte[90]), AudioProbe.MP3_TRUNCATED_ID3);
        // Other flags add nothing.
        assertReason(concat(id3(4, 0, 0xEF, 90), new byte[90]), AudioProbe.MP3_NO_FRAMES);
    }

    @Test
    void aBareTenByteTagIsATagWithNothingAfterIt() {
        assertReason(id3(3, 0, 0, 0), AudioProbe.MP3_NO_FRAMES);
        assertReason(Arrays.copyOf(id3(3, 0, 0, 0), 9), AudioProbe.NOT_AUDIO);
    }

    @Test
    void aFooterIsSkippedWithItsTag() throws Exception {
        byte[] audio = frames(MPEG1_128, LEN_128, 100);
        byte[] footer = {'3', 'D', 'I', 4, 0, 0x10, 0, 4, 34, 112};
        byte[] file = concat(id3(4, 0, 0x10, 70_000), new byte[70_000], footer, audio);
        assertThat(probe(file).durationMillis()).isEqualTo(Math.round(audio.length * 8.0 / 128));
    }

    @Test
    void eightTagsAreSkippedButNotANinth() throws Exception {
        byte[] audio = frames(MPEG1_128, LEN_128, 100);
        long ms = Math.round(audio.length * 8.0 / 128);
        List<byte[]> eight = new ArrayList<>();
        for (int i = 0; i < AudioProbe.MAX_ID3_TAGS - 1; i++) {
            eight.add(id3(3, 0, 0, 0));
        }
        eight.add(id3(3, 0, 0, 70_000));
        eight.add(new byte[70_000]);
        eight.add(audio);
        assertThat(probe(concat(eight.toArray(byte[][]::new))).durationMillis()).isEqualTo(ms);

        List<byte[]> nine = new ArrayList<>();
        for (int i = 0; i < AudioProbe.MAX_ID3_TAGS; i++) {
            nine.add(id3(3, 0, 0, 0));
        }
        nine.add(id3(3, 0, 0, 70_000));
        nine.add(new byte[70_000]);
        nine.add(audio);
        assertReason(concat(nine.toArray(byte[][]::new)), AudioProbe.MP3_NO_FRAMES);
    }

    @Test
    void anId3v1TagIsLeftOutOfTheCbrEstimate() throws Exception {
        byte[] audio = frames(MPEG1_128, LEN_128, 100);
        byte[] v1 = concat(ascii("TAG"), new byte[125]);
        assertThat(probe(concat(audio, v1)).durationMillis()).isEqualTo(Math.round(audio.length * 8.0 / 128));
        // "TAG" anywhere else is audio.
        byte[] notATag = concat(ascii("TAX"), new byte[125]);
        assertThat(probe(concat(audio, notATag)).durationMillis()).isEqualTo(Math.round((audio.length + 128) * 8.0 / 128));
        // With ID3v2 in front, still only the audio counts.
        byte[] tagged = concat(id3(3, 0, 0, 100), new byte[100], audio, v1);
        assertThat(probe(tagged).durationMillis()).isEqualTo(Math.round(audio.length * 8.0 / 128));
    }

    // ================================================================ MP3: Xing / Info / VBRI

    @ParameterizedTest(name = "{0} at {3}")
    @CsvSource({
        // header, frame length, samples per frame, Xing offset (4 + side info), sample rate
        "FFFB9000, 417, 1152, 36, 44100", // MPEG-1 stereo: 32 bytes of side info
        "FFFB90C0, 417, 1152, 21, 44100", // MPEG-1 mono: 17
        "FFFB9040, 417, 1152, 36, 44100", // MPEG-1 joint stereo
        "FFFB9080, 417, 1152, 36, 44100", // MPEG-1 dual channel
        "FFF38400, 192, 576, 21, 24000", //  MPEG-2 stereo: 17
        "FFF384C0, 192, 576, 13, 24000", //  MPEG-2 mono: 9
        "FFE36800, 432, 576, 21, 8000", //   MPEG-2.5 stereo
    })
    void theXingFrameCountIsReadAfterTheSideInformation(String hex, int length, int samples, int offset, int rate) throws Exception {
        int count = 150;
        long frameCount = 137;
        byte[] header = hex(hex);
        byte[] stream = frames(header, length, count);
        put(stream, offset, concat(ascii("Xing"), be32(1), be32(frameCount)));
        assertThat(probe(stream).durationMillis()).isEqualTo(Math.round(frameCount * samples * 1000.0 / rate));

        byte[] info = frames(header, length, count);
        put(info, offset, concat(ascii("Info"), be32(1), be32(frameCount)));
        assertThat(probe(info).durationMillis()).isEqualTo(Math.round(frameCount * samples * 1000.0 / rate));

        // Anywhere else in the frame it is no Xing tag: the CBR estimate stands.
        int kbps = (int) Math.round(length * (double) rate / (samples == 1152 ? 144_000 : 72_000));
        for (int wrong : new int[] {offset - 1, offset + 1, offset == 21 ? 36 : 21}) {
            byte[] misplaced = frames(header, length, count);
            put(misplaced, wrong, concat(ascii("Xing"), be32(1), be32(frameCount)));
            assertThat(probe(misplaced).durationMillis()).as("Xing at %d", wrong).isEqualTo(Math.round(count * length * 8.0 / kbps));
        }
    }

    @Test
    void theXingFlagsSayWhichFieldsFollow() throws Exception {
        int count = 150;
        long cbr = Math.round(count * LEN_128 * 8.0 / 128);
        long vbr = Math.round(100 * 1152 * 1000.0 / 44_100);
        // No flags: no fields, whatever follows.
        assertThat(probe(xing(count, 0, 100)).durationMillis()).isEqualTo(cbr);
        // Bytes only: no frame count, so the CBR estimate.
        assertThat(probe(xing(count, 2, 100)).durationMillis()).isEqualTo(cbr);
        // Frames only, frames and bytes, and with the TOC and quality flags set.
        assertThat(probe(xing(count, 1, 100)).durationMillis()).isEqualTo(vbr);
        assertThat(probe(xing(count, 3, 100, count * LEN_128)).durationMillis()).isEqualTo(vbr);
        assertThat(probe(xing(count, 15, 100, count * LEN_128)).durationMillis()).isEqualTo(vbr);
    }

    @Test
    void theXingByteCountFollowsTheFrameCountAndMayExceedTheFileByTenPercent() throws Exception {
        // 43 frames + 69 bytes = 18,000 bytes; declared 20,000 is 2,000 over: exactly a tenth of 20,000.
        byte[] file = concat(frames(MPEG1_128, LEN_128, 43), new byte[69]);
        assertThat(file).hasSize(18_000);
        long ms = Math.round(43 * 1152 * 1000.0 / 44_100);
        assertThat(probe(withXing(file, 36, 3, 43, 20_000)).durationMillis()).isEqualTo(ms);
        assertReason(withXing(file, 36, 3, 43, 20_001), AudioProbe.MP3_TRUNCATED_VBR);
        // Smaller than the file is no truncation.
        assertThat(probe(withXing(file, 36, 3, 43, 1)).durationMillis()).isEqualTo(ms);
        // The byte count is only read when its flag is set: the same value as a frame count is nonsense.
        assertThat(probe(withXing(file, 36, 1, 43, 20_001)).durationMillis()).isEqualTo(ms);
    }

    @Test
    void aFrameCountTheFileCannotHoldIsTruncationEvenAtTheSmallestFrameSize() throws Exception {
        // The smallest MPEG-1 frame at 44.1 kHz is 104 bytes (32 kbit/s); after a 1,010-byte tag,
        // 40 frames + 64 bytes = 16,744 bytes = 161 × 104.
        byte[] tag = concat(id3(3, 0, 0, 1_000), new byte[1_000]);
        byte[] audio = concat(frames(MPEG1_128, LEN_128, 40), new byte[64]);
        assertThat(audio.length).isEqualTo(161 * 104);
        assertThat(probe(concat(tag, withXing(audio, 36, 1, 161, 0))).durationMillis())
                .isEqualTo(Math.round(161 * 1152 * 1000.0 / 44_100));
        assertReason(concat(tag, withXing(audio, 36, 1, 162, 0)), AudioProbe.MP3_TRUNCATED_VBR);
    }

    @Test
    void theSmallestMpeg2FrameIsAFloorToo() throws Exception {
        // MPEG-2 at 24 kHz: the smallest frame is 24 bytes (8 kbit/s); 50 × 192 = 9,600 = 400 × 24.
        byte[] audio = frames(hex("FFF38400"), 192, 50);
        assertThat(probe(withXing(audio, 21, 1, 400, 0)).durationMillis()).isEqualTo(400 * 576 * 1000 / 24_000);
        assertReason(withXing(audio, 21, 1, 401, 0), AudioProbe.MP3_TRUNCATED_VBR);
    }

    @Test
    void aXingTagMayEndExactlyAtTheEndOfItsFrame() throws Exception {
        // MPEG-2, 8 kbit/s, 24 kHz, mono, padded: 25-byte frames; Xing at 13 + flags + frames ends at 25.
        byte[] header = hex("FFF316C0");
        byte[] stream = frames(header, 25, 100);
        put(stream, 13, concat(ascii("Xing"), be32(1), be32(100)));
        assertThat(probe(stream).durationMillis()).isEqualTo(100 * 576 * 1000 / 24_000);
    }

    @Test
    void aXingTagRunningPastItsFrameIsNotRead() throws Exception {
        // The same, unpadded: 24-byte frames, so the frame count would take the next frame's sync byte.
        byte[] header = hex("FFF314C0");
        byte[] stream = frames(header, 24, 100);
        put(stream, 13, concat(ascii("Xing"), be32(1), new byte[3]));
        assertThat(probe(stream).durationMillis()).isEqualTo(Math.round(stream.length * 8.0 / 8));
    }

    @Test
    void theXingByteCountIsReadOnlyWhenItLiesInTheFrame() throws Exception {
        // MPEG-2, 8 kbit/s, 16 kHz, stereo, padded: 37 bytes; Xing at 21, flags 25, frames 29, bytes 33..36.
        byte[] padded = frames(hex("FFF31A00"), 37, 60);
        byte[] fits = padded.clone();
        put(fits, 21, concat(ascii("Xing"), be32(3), be32(60), be32(padded.length)));
        assertThat(probe(fits).durationMillis()).isEqualTo(60 * 576 * 1000 / 16_000);
        byte[] over = padded.clone();
        put(over, 21, concat(ascii("Xing"), be32(3), be32(60), be32(padded.length * 2L)));
        assertReason(over, AudioProbe.MP3_TRUNCATED_VBR);

        // Unpadded, 36 bytes: the byte count would run into the next frame, so it is not read.
        byte[] unpadded = frames(hex("FFF31800"), 36, 60);
        put(unpadded, 21, concat(ascii("Xing"), be32(3), be32(60), hex("7FFFFF")));
        assertThat(probe(unpadded).durationMillis()).isEqualTo(60 * 576 * 1000 / 16_000);
    }

    @Test
    void vbriGivesTheFrameCountAndByteCountAt36() throws Exception {
        // MPEG-2, 64 kbit/s, 24 kHz: 192-byte frames of 576 samples.
        byte[] stream = frames(hex("FFF38400"), 192, 100);
        put(stream, 36, concat(ascii("VBRI"), new byte[6], be32(stream.length), be32(90)));
        assertThat(probe(stream).durationMillis()).isEqualTo(90 * 576 * 1000 / 24_000);

        byte[] over = frames(hex("FFF38400"), 192, 100);
        put(over, 36, concat(ascii("VBRI"), new byte[6], be32(over.length * 2L), be32(90)));
        assertReason(over, AudioProbe.MP3_TRUNCATED_VBR);
    }

    @Test
    void aVbriTagThatDoesNotFitItsFrameIsNotRead() throws Exception {
        // MPEG-2.5, 8 kbit/s, 11.025 kHz, padded: 53-byte frames; VBRI needs 36 + 18 = 54.
        byte[] stream = frames(hex("FFE31200"), 53, 100);
        put(stream, 36, concat(ascii("VBRI"), new byte[6], be32(0x7FFF_FFFFL), new byte[3]));
        assertThat(probe(stream).durationMillis()).isEqualTo(Math.round(stream.length * 8.0 / 8));
    }

    @Test
    void aXingTagIsPreferredToVbri() throws Exception {
        // MPEG-1 mono: Xing at 21 (to 33), VBRI at 36.
        byte[] stream = frames(hex("FFFB90C0"), LEN_128, 150);
        put(stream, 21, concat(ascii("Xing"), be32(1), be32(100)));
        put(stream, 36, concat(ascii("VBRI"), new byte[6], be32(stream.length), be32(120)));
        assertThat(probe(stream).durationMillis()).isEqualTo(Math.round(100 * 1152 * 1000.0 / 44_100));
    }

    @Test
    void aVbrHeaderStillNeedsASecondOfFrames() {
        byte[] stream = withXing(concat(frames(MPEG1_128, LEN_128, 38), new byte[10_000]), 36, 1, 38, 0);
        assertReason(stream, AudioProbe.MP3_TOO_SHORT);
    }

    // ================================================================ M4A: mvhd

    @Test
    void mvhdDurationsRoundToTheNearestMillisecond() throws Exception {
        // 1/3 s → 333 ms; 2/3 s → 667 ms; exactly half a millisecond (1/2000 s) → up.
        assertThat(m4aMillis(mvhd0(3, 3 * 60 + 1))).isEqualTo(60_333);
        assertThat(m4aMillis(mvhd0(3, 3 * 60 + 2))).isEqualTo(60_667);
        assertThat(m4aMillis(mvhd0(2_000, 2_000 * 60 + 1))).isEqualTo(60_001);
        assertThat(m4aMillis(mvhd0(44_100, 44_100L * 60 + 22_050))).isEqualTo(60_500);
        assertThat(m4aMillis(mvhd1(48_000, 48_000L * 60 + 47_999))).isEqualTo(61_000);
        assertThat(m4aMillis(mvhd1(7, 7 * 60 + 3))).isEqualTo(60_429);
    }

    @Test
    void version1MvhdReadsItsWiderFields() throws Exception {
        // Timescale at +20 and a 64-bit duration at +24, both past where version 0 keeps them.
        byte[] body = concat(new byte[] {1, 0, 0, 0}, be64(0x0000_0001_0000_0002L), be64(0x0000_0003_0000_0004L), be32(1_000),
                be64(70_000), new byte[4]);
        assertThat(m4aMillis(atom("mvhd", body))).isEqualTo(70_000);
        // Beyond 32 bits.
        assertThat(m4aMillis(mvhd1(1L << 20, (1L << 20) * 60))).isEqualTo(60_000);
    }

    @Test
    void anMvhdAsShortAsItsFieldsIsEnoughAndOneByteShorterIsMalformed() throws Exception {
        byte[] v0 = concat(new byte[4], be32(0), be32(0), be32(1_000), be32(60_000)); // 20 bytes
        assertThat(m4aMillis(atom("mvhd", v0))).isEqualTo(60_000);
        assertReason(m4a(atom("mvhd", Arrays.copyOf(v0, 19))), AudioProbe.M4A_MALFORMED);

        byte[] v1 = concat(new byte[] {1, 0, 0, 0}, be64(0), be64(0), be32(1_000), be64(60_000)); // 32 bytes
        assertThat(m4aMillis(atom("mvhd", v1))).isEqualTo(60_000);
        assertReason(m4a(atom("mvhd", Arrays.copyOf(v1, 31))), AudioProbe.M4A_MALFORMED);
    }

    @Test
    void anMvhdOfAnUnknownVersionIsMalformed() {
        byte[] v2 = concat(new byte[] {2, 0, 0, 0}, be64(0), be64(0), be32(1_000), be64(60_000), new byte[80]);
        assertReason(m4a(atom("mvhd", v2)), AudioProbe.M4A_MALFORMED);
    }

    @Test
    void unknownDurationsAreRefused() throws Exception {
        assertReason(m4a(mvhd0(1_000, 0)), AudioProbe.M4A_NO_DURATION);
        assertReason(m4a(mvhd0(1_000, 0xFFFF_FFFFL)), AudioProbe.M4A_NO_DURATION);
        assertReason(m4a(mvhd1(1_000, 0)), AudioProbe.M4A_NO_DURATION);
        assertReason(m4a(mvhd1(1_000, -1)), AudioProbe.M4A_NO_DURATION);
        assertReason(m4a(mvhd1(1_000, Long.MIN_VALUE)), AudioProbe.M4A_NO_DURATION);
        assertReason(m4a(mvhd0(0, 60_000)), AudioProbe.M4A_ZERO_TIMESCALE);
        assertReason(m4a(mvhd1(0, 60_000)), AudioProbe.M4A_ZERO_TIMESCALE);
        // One unit is a duration; all-ones in 32 bits means "unknown" only in version 0.
        assertThat(m4aMillis(mvhd0(1, 1))).isEqualTo(1_000);
        assertThat(m4aMillis(mvhd0(1_000_000, 0xFFFF_FFFEL), 4_000_000)).isEqualTo(4_294_967);
        assertThat(m4aMillis(mvhd1(1_000_000, 0xFFFF_FFFFL), 4_000_000)).isEqualTo(4_294_967);
    }

    @Test
    void aDurationOfMoreThan2To40SecondsIsMalformed() {
        // 2^40 s is still read (and then too long for any file); one second more is a corrupt header.
        assertReason(m4a(mvhd1(1, 1L << 40)), AudioProbe.IMPLAUSIBLE_DURATION);
        assertReason(m4a(mvhd1(1, (1L << 40) + 1)), AudioProbe.M4A_MALFORMED);
        assertReason(m4a(mvhd1(2, (2L << 40) + 1)), AudioProbe.IMPLAUSIBLE_DURATION);
        assertReason(m4a(mvhd1(2, (2L << 40) + 2)), AudioProbe.M4A_MALFORMED);
    }

    @Test
    void theFirstMvhdCounts() throws Exception {
        byte[] moov = atom("moov", concat(mvhd0(1_000, 60_000), mvhd0(1_000, 90_000)));
        assertThat(AudioProbe.probe(new CountingSource(concat(ftyp(), moov, mdat(60_000)))).durationMillis()).isEqualTo(60_000);
    }

    // ================================================================ M4A: plausibility floor

    @Test
    void theBitrateFloorIsFourKilobitsPerSecondExactly() throws Exception {
        // 30,000 bytes = 240,000 bits: at least 4,000 bit/s up to 60 s.
        byte[] head = concat(ftyp(), atom("moov", mvhd0(1_000, 60_000)));
        byte[] file = concat(head, mdat(30_000 - head.length - 8));
        assertThat(file).hasSize(30_000);
        assertThat(AudioProbe.probe(new CountingSource(file)).durationMillis()).isEqualTo(60_000);
        byte[] longer = concat(ftyp(), atom("moov", mvhd0(1_000, 60_001)), mdat(30_000 - head.length - 8));
        assertReason(longer, AudioProbe.IMPLAUSIBLE_DURATION);
        // And an MP3 whose Xing count claims far more audio than its bytes.
        byte[] mp3 = withXing(concat(frames(MPEG1_128, LEN_128, 40), new byte[64]), 36, 1, 161, 0);
        assertThat(AudioProbe.probe(new CountingSource(mp3)).durationMillis()).isEqualTo(4_206);
    }

    // ================================================================ M4A: atoms

    @Test
    void atomSizesAtTheirLimits() throws Exception {
        byte[] moov = atom("moov", mvhd0(1_000, 60_000));
        // An empty 8-byte atom and an empty 16-byte (64-bit size) atom are atoms.
        assertThat(fileMillis(concat(ftyp(), atom("free", new byte[0]), concat(be32(1), ascii("wide"), be64(16)), moov, mdat(40_000))))
                .isEqualTo(60_000);
        // Smaller than their own headers: malformed.
        assertReason(concat(ftyp(), be32(7), ascii("free"), moov, mdat(40_000)), AudioProbe.M4A_MALFORMED);
        assertReason(concat(ftyp(), be32(1), ascii("free"), be64(15), moov, mdat(40_000)), AudioProbe.M4A_MALFORMED);
    }

    @Test
    void atopLevelAtomMustEndByTheEndOfTheFile() {
        // Ending exactly at the end: fine (and then there is no moov).
        assertReason(concat(ftyp(), atom("free", new byte[100])), AudioProbe.M4A_NO_MOOV);
        // One byte past it: truncated.
        assertReason(concat(ftyp(), be32(109), ascii("free"), new byte[100]), AudioProbe.M4A_TRUNCATED);
        assertReason(concat(ftyp(), be32(1), ascii("free"), be64(117), new byte[100]), AudioProbe.M4A_TRUNCATED);
        // Seven bytes left: no room for a header.
        assertReason(concat(ftyp(), new byte[7]), AudioProbe.M4A_TRUNCATED);
        // A 64-bit size needs sixteen bytes of header.
        assertReason(concat(ftyp(), be32(1), ascii("free"), new byte[7]), AudioProbe.M4A_TRUNCATED);
        assertReason(concat(ftyp(), be32(1), ascii("free"), be64(16)), AudioProbe.M4A_NO_MOOV);
    }

    @Test
    void anAtomOfSizeZeroRunsToTheEndOfItsParent() throws Exception {
        // The moov last, size 0: to the end of the file.
        byte[] moovBody = mvhd0(1_000, 60_000);
        assertThat(fileMillis(concat(ftyp(), mdat(40_000), be32(0), ascii("moov"), moovBody))).isEqualTo(60_000);
        // The mvhd last in its moov, size 0: to the end of the moov.
        byte[] mvhdBody = Arrays.copyOfRange(mvhd0(1_000, 60_000), 8, 8 + 100);
        byte[] moov = atom("moov", concat(atom("free", new byte[4]), be32(0), ascii("mvhd"), mvhdBody));
        assertThat(fileMillis(concat(ftyp(), moov, mdat(40_000)))).isEqualTo(60_000);
    }

    @Test
    void aChildMustEndByTheEndOfItsMoov() throws Exception {
        byte[] mvhd = mvhd0(1_000, 60_000);
        // Exactly filling the moov.
        assertThat(fileMillis(concat(ftyp(), atom("moov", mvhd), mdat(40_000)))).isEqualTo(60_000);
        // One byte more than the moov holds.
        byte[] tooLong = mvhd.clone();
        ByteBuffer.wrap(tooLong).putInt(0, tooLong.length + 1);
        assertReason(concat(ftyp(), atom("moov", tooLong), mdat(40_000)), AudioProbe.M4A_MALFORMED);
        // Seven bytes left in the moov after the mvhd: no room for another header.
        assertReason(concat(ftyp(), atom("moov", concat(mvhd, new byte[7])), mdat(40_000)), AudioProbe.M4A_MALFORMED);
        // Eight: an empty atom.
        assertThat(fileMillis(concat(ftyp(), atom("moov", concat(mvhd, atom("free", new byte[0]))), mdat(40_000)))).isEqualTo(60_000);
    }

    @Test
    void atMost4096TopLevelAtoms() throws Exception {
        byte[] moov = atom("moov", mvhd0(1_000, 60_000));
        // ftyp, 4,094 empty atoms, then the moov: the 4,096th.
        assertThat(fileMillis(concat(ftyp(), emptyAtoms(AudioProbe.MAX_TOP_LEVEL_ATOMS - 2), moov, mdat(40_000)))).isEqualTo(60_000);
        assertReason(concat(ftyp(), emptyAtoms(AudioProbe.MAX_TOP_LEVEL_ATOMS - 1), moov, mdat(40_000)), AudioProbe.M4A_TOO_MANY_ATOMS);
    }

    @Test
    void atMost64ChildrenOfTheMoovAreLookedAt() throws Exception {
        byte[] mvhd = mvhd0(1_000, 60_000);
        assertThat(fileMillis(concat(ftyp(), atom("moov", concat(emptyAtoms(AudioProbe.MAX_MOOV_CHILDREN - 1), mvhd)), mdat(40_000))))
                .isEqualTo(60_000);
        assertReason(concat(ftyp(), atom("moov", concat(emptyAtoms(AudioProbe.MAX_MOOV_CHILDREN), mvhd)), mdat(40_000)),
                AudioProbe.M4A_NO_MVHD);
    }

    @Test
    void aVideoHandlerIsFoundAmongTheFirst64ChildrenOfEachAtom() throws Exception {
        byte[] hdlr = atom("hdlr", concat(new byte[8], ascii("vide")));
        byte[] mvhd = mvhd0(1_000, 60_000);
        byte[] near = atom("trak", concat(emptyAtoms(AudioProbe.MAX_MOOV_CHILDREN - 1), atom("mdia", hdlr)));
        assertReason(concat(ftyp(), atom("moov", concat(mvhd, near)), mdat(40_000)), AudioProbe.M4A_VIDEO);
        byte[] deepInMdia = atom("trak", atom("mdia", concat(emptyAtoms(AudioProbe.MAX_MOOV_CHILDREN - 1), hdlr)));
        assertReason(concat(ftyp(), atom("moov", concat(mvhd, deepInMdia)), mdat(40_000)), AudioProbe.M4A_VIDEO);

        byte[] far = atom("trak", concat(emptyAtoms(AudioProbe.MAX_MOOV_CHILDREN), atom("mdia", hdlr)));
        assertThat(fileMillis(concat(ftyp(), atom("moov", concat(mvhd, far)), mdat(40_000)))).isEqualTo(60_000);
    }

    @Test
    void aHandlerNeedsTwelveBytes() throws Exception {
        byte[] mvhd = mvhd0(1_000, 60_000);
        byte[] exact = atom("trak", atom("mdia", atom("hdlr", concat(new byte[8], ascii("vide")))));
        assertReason(concat(ftyp(), atom("moov", concat(mvhd, exact)), mdat(40_000)), AudioProbe.M4A_VIDEO);
        byte[] shortOne = atom("trak", atom("mdia", atom("hdlr", concat(new byte[8], ascii("vid")))));
        assertReason(concat(ftyp(), atom("moov", concat(mvhd, shortOne)), mdat(40_000)), AudioProbe.M4A_MALFORMED);
        byte[] sound = atom("trak", atom("mdia", atom("hdlr", concat(new byte[8], ascii("soun")))));
        assertThat(fileMillis(concat(ftyp(), atom("moov", concat(mvhd, sound)), mdat(40_000)))).isEqualTo(60_000);
        // A track with no mdia, or an mdia with no hdlr, has no handler: not video.
        byte[] bare = atom("trak", atom("tkhd", new byte[20]));
        byte[] noHdlr = atom("trak", atom("mdia", atom("mdhd", new byte[20])));
        assertThat(fileMillis(concat(ftyp(), atom("moov", concat(mvhd, bare, noHdlr)), mdat(40_000)))).isEqualTo(60_000);
    }

    // ================================================================ reading

    @Test
    void theSizeLimitIsTwoToTheFortyBytesInclusive() throws Exception {
        byte[] front = concat(ftyp(), atom("moov", mvhd0(1_000, 3_600_000)), be32(1), ascii("mdat"));
        long payload = AudioProbe.MAX_SIZE - front.length - 8;
        byte[] mdatSize = be64(payload + 16);
        GeneratedSource atLimit = new GeneratedSource(concat(front, mdatSize), payload, new byte[0]);
        assertThat(atLimit.size()).isEqualTo(1L << 40);
        assertThat(AudioProbe.probe(atLimit).durationMillis()).isEqualTo(3_600_000);

        GeneratedSource onePast = new GeneratedSource(concat(front, mdatSize), payload + 1, new byte[0]);
        assertThatThrownBy(() -> AudioProbe.probe(onePast))
                .isInstanceOfSatisfying(UnsupportedAudioException.class, e -> assertThat(e.reason()).isEqualTo(AudioProbe.TOO_LARGE));
        assertThat(onePast.reads).isZero();
    }

    @Test
    void aNegativeSizeIsTheSourcesFault() {
        RangeSource negative = new RangeSource() {
            @Override
            public long size() {
                return -1;
            }

            @Override
            public byte[] read(long offset, int length) {
                throw new AssertionError("no read of a negative-size source");
            }
        };
        assertThatThrownBy(() -> AudioProbe.probe(negative)).isInstanceOf(IOException.class).hasMessageContaining("negative size");
    }

    @Test
    void theFirstBlockMayBeExactlyTheByteBudget() throws Exception {
        byte[] head = concat(ftyp(), atom("moov", mvhd0(1_000, 3_600_000)));
        long payload = 3L << 20;
        GeneratedSource source = new GeneratedSource(concat(head, be32(payload + 8), ascii("mdat")), payload, new byte[0]);
        assertThat(AudioProbe.probe(source, (int) AudioProbe.MAX_BYTES).durationMillis()).isEqualTo(3_600_000);
        assertThat(source.reads).isEqualTo(1);
        assertThat(source.bytes).isEqualTo(AudioProbe.MAX_BYTES);

        GeneratedSource again = new GeneratedSource(concat(head, be32(payload + 8), ascii("mdat")), payload, new byte[0]);
        assertThatThrownBy(() -> AudioProbe.probe(again, (int) AudioProbe.MAX_BYTES + 1))
                .isInstanceOfSatisfying(UnsupportedAudioException.class, e -> assertThat(e.reason()).isEqualTo(AudioProbe.TOO_SCATTERED));
        assertThat(again.reads).isZero();
    }

    @Test
    void bytesTheFirstBlockHoldsCostNoFurtherRead() throws Exception {
        // ftyp (24) + moov header (8) + mvhd header (8): the mvhd body starts at 40 and its fields
        // are read as one 32-byte range, to 72.
        byte[] file = concat(ftyp(), atom("moov", mvhd0(1_000, 60_000)), mdat(40_000));
        CountingSource exact = new CountingSource(file);
        assertThat(AudioProbe.probe(exact, 72).durationMillis()).isEqualTo(60_000);
        assertThat(exact.reads).isEqualTo(1);
        assertThat(exact.bytes).isEqualTo(72);

        CountingSource oneShort = new CountingSource(file);
        assertThat(AudioProbe.probe(oneShort, 71).durationMillis()).isEqualTo(60_000);
        assertThat(oneShort.reads).isEqualTo(2);
        assertThat(oneShort.bytes).isEqualTo(71 + AudioProbe.SEEK_BLOCK);
    }

    @Test
    void aReadReachingTheEndOfTheWindowCostsNoFurtherRead() throws Exception {
        // moov last, its mvhd body (20 bytes) the file's last: the 32-byte read of it stops at the end.
        byte[] mvhd = atom("mvhd", concat(new byte[4], be32(0), be32(0), be32(1_000), be32(60_000)));
        byte[] file = concat(ftyp(), mdat(30_000), atom("moov", mvhd));
        CountingSource source = new CountingSource(file);
        assertThat(AudioProbe.probe(source, 16).durationMillis()).isEqualTo(60_000);
        // The first 16 bytes; then from the mdat's header, 16 KiB; then from the moov to the end.
        assertThat(source.reads).isEqualTo(3);
        assertThat(source.bytes).isEqualTo(16 + AudioProbe.SEEK_BLOCK + 36);
    }

    @Test
    void aSourceThatReturnsMoreThanAskedIsCutToWhatWasAsked() throws Exception {
        byte[] file = AudioProbeTest.fixture("moov-last.m4a");
        RangeSource generous = new RangeSource() {
            @Override
            public long size() {
                return file.length;
            }

            @Override
            public byte[] read(long offset, int length) {
                byte[] out = new byte[length + 4096];
                Arrays.fill(out, (byte) 0xFF);
                System.arraycopy(file, (int) offset, out, 0, (int) Math.min(length, file.length - offset));
                return out;
            }
        };
        assertThat(AudioProbe.probe(generous, 512).durationMillis()).isEqualTo(3_000);
    }

    @Test
    void aSourceThatReturnsLessThanItPromisedFailsAsAnIoError() {
        byte[] file = AudioProbeTest.fixture("cbr.mp3");
        assertThatThrownBy(() -> AudioProbe.probe(shortReads(file, 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("read " + (file.length - 1) + " of " + file.length + " bytes at offset 0");
        assertThatThrownBy(() -> AudioProbe.probe(shortReads(file, -1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("read 0 of " + file.length);
    }

    // ================================================================ reads: where each one starts

    @Test
    void aFrameHeaderAcrossTheEndOfTheFirstBlockIsReadOnceFromItsStart() throws Exception {
        // The first block ends two bytes into the first frame's header: one read from the header on.
        byte[] file = concat(new byte[1_000], frames(MPEG1_128, LEN_128, 39));
        CountingSource source = new CountingSource(file);
        assertThat(AudioProbe.probe(source, 1_002).durationMillis()).isEqualTo(Math.round(39 * LEN_128 * 8.0 / 128));
        assertThat(source.reads).isEqualTo(2);
        assertThat(source.bytes).isEqualTo(1_002 + 39 * LEN_128);
    }

    @Test
    void theFirstFrameAndTheNextHeaderAreReadTogetherFromTheFrame() throws Exception {
        // The header lies in the first block, the frame does not: one read from the frame's start.
        byte[] file = concat(new byte[1_000], frames(MPEG1_128, LEN_128, 39));
        CountingSource source = new CountingSource(file);
        assertThat(AudioProbe.probe(source, 1_000 + LEN_128).durationMillis()).isEqualTo(Math.round(39 * LEN_128 * 8.0 / 128));
        assertThat(source.reads).isEqualTo(2);
        assertThat(source.bytes).isEqualTo(1_000 + LEN_128 + 39 * LEN_128);

        CountingSource fromZero = new CountingSource(frames(MPEG1_128, LEN_128, 39));
        assertThat(AudioProbe.probe(fromZero, 16).durationMillis()).isEqualTo(Math.round(39 * LEN_128 * 8.0 / 128));
        assertThat(fromZero.reads).isEqualTo(2);
        assertThat(fromZero.bytes).isEqualTo(16 + 39 * LEN_128);
    }

    @Test
    void aSecondTagHeaderAcrossTheEndOfTheFirstBlockIsReadFromItsStart() throws Exception {
        byte[] file = concat(id3(3, 0, 0, 100), new byte[100], id3(3, 0, 0, 50), new byte[50], frames(MPEG1_128, LEN_128, 39));
        CountingSource source = new CountingSource(file);
        assertThat(AudioProbe.probe(source, 115).durationMillis()).isEqualTo(Math.round(39 * LEN_128 * 8.0 / 128));
        assertThat(source.reads).isEqualTo(2);
        assertThat(source.bytes).isEqualTo(115 + file.length - 110);
    }

    @Test
    void aSecondTagRunningPastTheEndIsTruncation() {
        assertReason(concat(id3(3, 0, 0, 0), id3(3, 0, 0, 100), new byte[99]), AudioProbe.MP3_TRUNCATED_ID3);
        assertReason(concat(id3(3, 0, 0, 0), id3(3, 0, 0, 100), new byte[100]), AudioProbe.MP3_NO_FRAMES);
    }

    @Test
    void anAtomHeaderAcrossTheEndOfTheFirstBlockIsReadFromItsStart() throws Exception {
        // ftyp (24 bytes), then the moov's header: the first block ends in the middle of its 16 bytes.
        byte[] file = concat(ftyp(), atom("moov", mvhd0(1_000, 2_000)), mdat(2_000));
        CountingSource source = new CountingSource(file);
        assertThat(AudioProbe.probe(source, 32).durationMillis()).isEqualTo(2_000);
        assertThat(source.reads).isEqualTo(2);
        assertThat(source.bytes).isEqualTo(32 + file.length - 24);
    }

    @Test
    void aHandlerAcrossTheEndOfTheFirstBlockIsReadFromItsBody() throws Exception {
        // ftyp 24, moov header 8, mvhd 108, trak 8, mdia 8: the hdlr's header at 156..172, its body at 164..176.
        byte[] hdlr = atom("hdlr", concat(new byte[8], ascii("soun")));
        byte[] file = concat(ftyp(), atom("moov", concat(mvhd0(1_000, 2_000), atom("trak", atom("mdia", hdlr)))), mdat(2_000));
        CountingSource source = new CountingSource(file);
        assertThat(AudioProbe.probe(source, 172).durationMillis()).isEqualTo(2_000);
        assertThat(source.reads).isEqualTo(2);
        assertThat(source.bytes).isEqualTo(172 + file.length - 164);
    }

    @Test
    void aScanReadsOnFromTheEndOfEachBlock() throws Exception {
        byte[] file = concat(new byte[16_400], frames(MPEG1_128, LEN_128, 39));
        CountingSource source = new CountingSource(file);
        assertThat(AudioProbe.probe(source, 16).durationMillis()).isEqualTo(Math.round(39 * LEN_128 * 8.0 / 128));
        // 16 bytes; 16 KiB from 16; then from 16,400, where the audio starts, to the end.
        assertThat(source.reads).isEqualTo(3);
        assertThat(source.bytes).isEqualTo(file.length);
    }

    @Test
    void aThreeByteHeaderIsNoHeader() {
        assertReason(hex("FFFB90"), AudioProbe.NOT_AUDIO);
        assertReason(concat(id3(3, 0, 0, 0), hex("FFFB90")), AudioProbe.MP3_NO_FRAMES);
        assertReason(concat(new byte[4], ascii("f")), AudioProbe.NOT_AUDIO);
        assertReason(concat(new byte[4], ascii("fty")), AudioProbe.NOT_AUDIO);
    }

    @Test
    void theByteBudgetCountsEveryRead() throws Exception {
        // A first block just under the budget, then a seek to the moov at the end: over it.
        byte[] front = concat(ftyp(), be32((3L << 20) + 8), ascii("mdat"));
        byte[] back = atom("moov", mvhd0(1_000, 3_600_000));
        GeneratedSource source = new GeneratedSource(front, 3L << 20, back);
        assertThatThrownBy(() -> AudioProbe.probe(source, (int) AudioProbe.MAX_BYTES - 100))
                .isInstanceOfSatisfying(UnsupportedAudioException.class, e -> assertThat(e.reason()).isEqualTo(AudioProbe.TOO_SCATTERED));
        assertThat(source.reads).isEqualTo(1);

        GeneratedSource fits = new GeneratedSource(front, 3L << 20, back);
        assertThat(AudioProbe.probe(fits, (int) AudioProbe.MAX_BYTES - back.length).durationMillis()).isEqualTo(3_600_000);
        assertThat(fits.reads).isEqualTo(2);
        assertThat(fits.bytes).isEqualTo(AudioProbe.MAX_BYTES);
    }

    @Test
    void aSourceThatReturnsMoreThanAskedIsCutToWhatWasAskedFromTheFirstBlockOn() throws Exception {
        byte[] file = AudioProbeTest.fixture("moov-first.m4a");
        RangeSource generous = new RangeSource() {
            @Override
            public long size() {
                return file.length;
            }

            @Override
            public byte[] read(long offset, int length) {
                byte[] out = new byte[length + 4096];
                Arrays.fill(out, (byte) 0xFF);
                System.arraycopy(file, (int) offset, out, 0, (int) Math.min(length, file.length - offset));
                return out;
            }
        };
        assertThat(AudioProbe.probe(generous, 16).durationMillis()).isEqualTo(3_000);
    }

    @Test
    void aDurationUnderHalfAMillisecondRoundsToNothingAndTheFirstMvhdStillCounts() throws Exception {
        // 1 / 10,000 s is 0.1 ms: 0 ms. A second mvhd (5 s) is not taken instead, and a zero
        // duration is not divided by in the bitrate check.
        byte[] moov = atom("moov", concat(mvhd0(10_000, 1), mvhd0(1_000, 5_000)));
        AudioInfo info = AudioProbe.probe(new CountingSource(concat(ftyp(), moov, mdat(100))));
        assertThat(info.durationMillis()).isZero();
        assertThat(info.contentType()).isEqualTo("audio/x-m4a");
    }

    // ================================================================ helpers

    /** A source over {@code file} whose reads come back {@code missing} bytes short (-1: null). */
    private static RangeSource shortReads(byte[] file, int missing) {
        return new RangeSource() {
            @Override
            public long size() {
                return file.length;
            }

            @Override
            public byte[] read(long offset, int length) {
                return missing < 0 ? null : Arrays.copyOfRange(file, (int) offset, (int) offset + length - missing);
            }
        };
    }

    private static AudioInfo probe(byte[] file) throws Exception {
        return AudioProbe.probe(new CountingSource(file));
    }

    private static void assertReason(byte[] file, String reason) {
        try {
            AudioInfo info = AudioProbe.probe(new CountingSource(file));
            fail("expected \"" + reason + "\", got " + info);
        } catch (UnsupportedAudioException e) {
            assertThat(e.reason()).isEqualTo(reason);
        } catch (IOException e) {
            fail("expected \"" + reason + "\", got " + e);
        }
    }

    /** The duration of an M4A with this mvhd and a 40,000-byte mdat. */
    private static long m4aMillis(byte[] mvhd) throws Exception {
        return m4aMillis(mvhd, 40_000);
    }

    /** The duration of an M4A with this mvhd and an mdat of {@code mdatBytes}, generated. */
    private static long m4aMillis(byte[] mvhd, long mdatBytes) throws Exception {
        byte[] front = concat(ftyp(), atom("moov", mvhd), be32(mdatBytes + 8), ascii("mdat"));
        return AudioProbe.probe(new GeneratedSource(front, mdatBytes, new byte[0])).durationMillis();
    }

    /** The duration of a whole file. */
    private static long fileMillis(byte[] file) throws Exception {
        return AudioProbe.probe(new CountingSource(file)).durationMillis();
    }

    /** An M4A with this mvhd as the moov's only child, and a 40,000-byte mdat. */
    private static byte[] m4a(byte[] mvhd) {
        return concat(ftyp(), atom("moov", mvhd), mdat(40_000));
    }

    private static byte[] ftyp() {
        return atom("ftyp", concat(ascii("M4A "), be32(0), ascii("M4A "), ascii("isom")));
    }

    private static byte[] mdat(int payload) {
        return atom("mdat", new byte[payload]);
    }

    private static byte[] mvhd0(long timescale, long duration) {
        return atom("mvhd", concat(new byte[4], be32(0), be32(0), be32(timescale), be32(duration), new byte[80]));
    }

    private static byte[] mvhd1(long timescale, long duration) {
        return atom("mvhd", concat(new byte[] {1, 0, 0, 0}, be64(0), be64(0), be32(timescale), be64(duration), new byte[80]));
    }

    private static byte[] emptyAtoms(int n) {
        byte[][] atoms = new byte[n][];
        Arrays.fill(atoms, atom("free", new byte[0]));
        return concat(atoms);
    }

    private static byte[] atom(String type, byte[] body) {
        return concat(be32(8 + body.length), ascii(type), body);
    }

    /** An ID3v2 header: "ID3", version, revision, flags, and {@code size} in four sync-safe bytes. */
    private static byte[] id3(int major, int revision, int flags, int size) {
        return new byte[] {'I', 'D', '3', (byte) major, (byte) revision, (byte) flags,
            (byte) (size >> 21 & 0x7F), (byte) (size >> 14 & 0x7F), (byte) (size >> 7 & 0x7F), (byte) (size & 0x7F)};
    }

    /** {@code count} MPEG-1 128 kbit/s frames with a Xing tag in the first. */
    private static byte[] xing(int count, int flags, long frameCount, long... more) {
        byte[] stream = frames(MPEG1_128, LEN_128, count);
        ByteArrayOutputStream tag = new ByteArrayOutputStream();
        tag.writeBytes(ascii("Xing"));
        tag.writeBytes(be32(flags));
        tag.writeBytes(be32(frameCount));
        for (long m : more) {
            tag.writeBytes(be32(m));
        }
        put(stream, 36, tag.toByteArray());
        return stream;
    }

    /** A copy of {@code audio} with a Xing tag at {@code offset}: flags, then the frame and byte counts. */
    private static byte[] withXing(byte[] audio, int offset, int flags, long frameCount, long byteCount) {
        byte[] copy = audio.clone();
        put(copy, offset, concat(ascii("Xing"), be32(flags), be32(frameCount), be32(byteCount)));
        return copy;
    }

    /** {@code count} frames of {@code length} bytes, each starting with {@code header}, zeros after. */
    static byte[] frames(byte[] header, int length, int count) {
        byte[] out = new byte[length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(header, 0, out, i * length, header.length);
        }
        return out;
    }

    private static void put(byte[] into, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
