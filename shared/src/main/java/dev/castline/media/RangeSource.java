package dev.castline.media;

import java.io.IOException;
import java.util.Arrays;

/**
 * Random access to the bytes of a stored object, in the shape of S3's HEAD and ranged GET: the
 * probe asks for the few ranges it needs instead of downloading the file. Every {@link #read} is
 * a request in production, so callers make few of them and ask for generous blocks.
 */
public interface RangeSource {

    /** The object's length in bytes (S3: the HEAD's Content-Length). */
    long size();

    /**
     * At most {@code length} bytes starting at {@code offset}; fewer only where the object ends.
     * The caller never asks for an offset outside {@code [0, size())} or a negative length.
     */
    byte[] read(long offset, int length) throws IOException;

    /** The bytes of a file already in memory (a generated sample, a test's fixture) as a source. */
    static RangeSource of(byte[] file) {
        return new RangeSource() {
            @Override
            public long size() {
                return file.length;
            }

            @Override
            public byte[] read(long offset, int length) {
                return Arrays.copyOfRange(file, (int) offset, (int) Math.min(file.length, offset + length));
            }
        };
    }
}
