package dev.castline.local;

/**
 * Silent MP3s of a given length, made in memory, so the sample show's episodes play, and seek, for
 * as long as their metadata says (no audio file is kept in the repository).
 *
 * <p>The format is the smallest constant-bitrate MP3 that {@link dev.castline.media.AudioProbe}
 * and browsers accept: MPEG-2 Layer III ("LSF") at 16 kHz, mono, 8 kbit/s, no CRC. Every frame is
 * {@value #FRAME_BYTES} bytes holding {@value #SAMPLES_PER_FRAME} samples, {@value #FRAME_MILLIS}
 * ms, so a second of audio costs 1000 bytes and an hour 3.6 MB. A frame is its 4-byte header, then
 * all-zero side information (no Huffman bits, no scale factors, {@code main_data_begin} 0) and
 * unused zero bytes, which decodes as a granule of digital silence.
 *
 * <p>The first frame is a LAME-style "Info" frame (the CBR flavour of the Xing header): a silent
 * frame whose side information is followed by {@code "Info"}, flags, the number of audio frames
 * after it and the file's size in bytes. Players (and the probe) take the exact duration from it
 * instead of estimating from the size; CBR seeking is by byte offset either way.
 */
final class SampleAudio {
    static final int SAMPLE_RATE = 16_000;
    static final int SAMPLES_PER_FRAME = 576;
    static final int BITRATE_KBPS = 8;
    /** 72,000 × kbit/s ÷ sample rate, for MPEG-2 Layer III without padding. */
    static final int FRAME_BYTES = 72_000 * BITRATE_KBPS / SAMPLE_RATE;
    /** 576 samples at 16 kHz. */
    static final int FRAME_MILLIS = SAMPLES_PER_FRAME * 1000 / SAMPLE_RATE;
    /** Far more than any episode needs (over a day), and frame counts stay far inside 32 bits. */
    static final long MAX_MILLIS = 48L * 3600 * 1000;

    /**
     * Sync (11 bits set), MPEG-2 (10), Layer III (01), no CRC (1); bitrate index 1 (8 kbit/s),
     * sample-rate index 2 (16 kHz), no padding, private 0; mono (11), mode extension 00, not
     * copyrighted, original, no emphasis.
     */
    private static final byte[] HEADER = {(byte) 0xFF, (byte) 0xF3, (byte) 0x18, (byte) 0xC4};
    /** Header + side information of MPEG-2 mono (9 bytes): where the Info tag starts. */
    private static final int INFO_OFFSET = 4 + 9;
    /** Info flags: the frame count and the byte count follow. */
    private static final int INFO_FRAMES_AND_BYTES = 0x1 | 0x2;

    private SampleAudio() {
    }

    /** The number of audio frames (the Info frame aside) that last at least {@code durationMillis}. */
    static long audioFrames(long durationMillis) {
        if (durationMillis < 1 || durationMillis > MAX_MILLIS) {
            throw new IllegalArgumentException("duration must be from 1 ms to " + MAX_MILLIS + " ms: " + durationMillis);
        }
        return (durationMillis + FRAME_MILLIS - 1) / FRAME_MILLIS;
    }

    /** The size of {@link #silence(long)}'s file for this duration. */
    static long bytes(long durationMillis) {
        return (audioFrames(durationMillis) + 1) * FRAME_BYTES;
    }

    /**
     * A silent CBR MP3 lasting {@code durationMillis} rounded up to a whole frame (at most
     * {@value #FRAME_MILLIS} ms more): an Info frame, then the audio frames.
     */
    static byte[] silence(long durationMillis) {
        long frames = audioFrames(durationMillis);
        int size = Math.toIntExact((frames + 1) * FRAME_BYTES);
        byte[] mp3 = new byte[size];
        // One silent frame after the Info frame, then the frames so far copied after themselves:
        // 17 bulk copies for an hour, not 100,000 small ones, which a cold JVM would feel.
        int audioStart = FRAME_BYTES;
        int audioBytes = size - audioStart;
        System.arraycopy(HEADER, 0, mp3, audioStart, HEADER.length);
        for (int filled = FRAME_BYTES; filled < audioBytes; filled *= 2) {
            System.arraycopy(mp3, audioStart, mp3, audioStart + filled, Math.min(filled, audioBytes - filled));
        }
        System.arraycopy(HEADER, 0, mp3, 0, HEADER.length);
        int tag = INFO_OFFSET;
        for (char c : "Info".toCharArray()) {
            mp3[tag++] = (byte) c;
        }
        tag = be32(mp3, tag, INFO_FRAMES_AND_BYTES);
        tag = be32(mp3, tag, frames);
        be32(mp3, tag, size); // LAME's convention: the whole stream, the Info frame included
        return mp3;
    }

    private static int be32(byte[] into, int at, long value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
        return at + 4;
    }
}
