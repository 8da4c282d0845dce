package dev.castline.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real MP3 files of any size, written at test time (never kept in the repository): constant
 * bitrate MPEG-2 Layer III, 16 kHz mono at 8 kbit/s, 36-byte frames of silence, the first an
 * "Info" frame giving the frame count so the duration is exact. Streamed, so large files cost no memory.
 */
final class SilentMp3 {
    static final int FRAME_BYTES = 36;
    static final int FRAME_MILLIS = 36;
    private static final byte[] HEADER = {(byte) 0xFF, (byte) 0xF3, (byte) 0x18, (byte) 0xC4};

    private SilentMp3() {
    }

    /** A file of about {@code bytes} bytes (rounded down to whole frames); returns its exact size. */
    static long write(Path file, long bytes) throws IOException {
        long frames = bytes / FRAME_BYTES - 1;
        long size = (frames + 1) * FRAME_BYTES;
        byte[] info = new byte[FRAME_BYTES];
        System.arraycopy(HEADER, 0, info, 0, 4);
        int at = 13;
        for (char c : "Info".toCharArray()) {
            info[at++] = (byte) c;
        }
        at = be32(info, at, 0x3);
        at = be32(info, at, frames);
        be32(info, at, size);
        byte[] frame = new byte[FRAME_BYTES];
        System.arraycopy(HEADER, 0, frame, 0, 4);
        byte[] block = new byte[FRAME_BYTES * 1024];
        for (int i = 0; i < 1024; i++) {
            System.arraycopy(frame, 0, block, i * FRAME_BYTES, FRAME_BYTES);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(info);
            long left = frames;
            while (left > 0) {
                int n = (int) Math.min(1024, left);
                out.write(block, 0, n * FRAME_BYTES);
                left -= n;
            }
        }
        return size;
    }

    private static int be32(byte[] into, int at, long value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
        return at + 4;
    }
}
