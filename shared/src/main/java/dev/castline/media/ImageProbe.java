package dev.castline.media;

import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import java.io.IOException;

/**
 * Finds an image's format, size and colour space from its header, read through a
 * {@link RangeSource} (S3 HEAD + ranged GETs), without decoding a pixel.
 *
 * <p>Written by hand because both formats state these in a few fixed bytes, while
 * {@code javax.imageio} wants a stream of the whole object and loads the AWT image stack (a cold
 * start cost on every processor container) to answer the same three questions:
 * <ul>
 *   <li><b>PNG</b>: the 8-byte signature, then the first chunk, which must be {@code IHDR}: width,
 *       height, bit depth and colour type.
 *   <li><b>JPEG</b>: {@code SOI}, then marker segments by their 2-byte lengths (EXIF, ICC profiles
 *       and thumbnails are jumped over, never read) up to the first start-of-frame, which holds the
 *       height, width and number of components: 1 is greyscale, 3 is YCbCr or RGB, 4 is CMYK.
 * </ul>
 *
 * <p>Reads are counted and capped ({@value #MAX_READS} requests), and every loop is bounded, so a
 * hostile file costs little.
 */
public final class ImageProbe {
    static final int FIRST_BLOCK = 64 * 1024;
    static final int SEEK_BLOCK = 16 * 1024;
    static final int MAX_READS = 16;
    static final int MAX_SEGMENTS = 512;

    static final String EMPTY = "the file is empty";
    static final String NOT_IMAGE = "not a JPEG or PNG file";
    static final String PNG_NO_IHDR = "the PNG does not start with its header chunk (IHDR)";
    static final String PNG_COLOUR = "the PNG has an unknown colour type";
    static final String JPEG_TRUNCATED = "the JPEG is truncated: its headers run past the end of the file";
    static final String JPEG_NO_FRAME = "the JPEG has no frame header (SOF) before its image data";
    static final String JPEG_MALFORMED = "the JPEG has a malformed header";
    static final String JPEG_COMPONENTS = "the JPEG has an unusual number of colour components";
    static final String TOO_SCATTERED = "the image's headers are too large or too scattered to read";
    static final String ZERO_SIZE = "the image states a width or height of 0";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageProbe() {
    }

    public static ImageInfo probe(RangeSource source) throws UnsupportedImageException, IOException {
        if (source.size() == 0) {
            throw new UnsupportedImageException(EMPTY);
        }
        Reader in = new Reader(source);
        byte[] head = in.read(0, (int) Math.min(FIRST_BLOCK, source.size()));
        if (startsWith(head, PNG_SIGNATURE)) {
            return png(head);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return jpeg(in, head, source.size());
        }
        throw new UnsupportedImageException(NOT_IMAGE);
    }

    private static ImageInfo png(byte[] head) throws UnsupportedImageException {
        // Signature (8), chunk length (4) = 13, "IHDR" (4), width (4), height (4), depth (1), colour type (1).
        if (head.length < 26 || int32(head, 8) != 13 || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
            throw new UnsupportedImageException(PNG_NO_IHDR);
        }
        long width = int32(head, 16);
        long height = int32(head, 20);
        Artwork.Colour colour = switch (head[25]) {
            case 0, 4 -> Artwork.Colour.GREYSCALE;
            case 2, 6 -> Artwork.Colour.RGB;
            case 3 -> Artwork.Colour.RGB_PALETTE;
            default -> throw new UnsupportedImageException(PNG_COLOUR);
        };
        return info(ImageFormat.PNG, width, height, colour);
    }

    private static ImageInfo jpeg(Reader in, byte[] head, long size) throws UnsupportedImageException, IOException {
        long at = 2;
        byte[] block = head;
        long blockStart = 0;
        for (int segments = 0; segments < MAX_SEGMENTS; segments++) {
            // A marker: 0xFF (any number of fill bytes), then its code; then, for most, a 2-byte length.
            if (at + 4 > size) {
                throw new UnsupportedImageException(JPEG_TRUNCATED);
            }
            if (at + 12 > blockStart + block.length) {
                blockStart = at;
                block = in.read(at, (int) Math.min(SEEK_BLOCK, size - at));
            }
            int i = (int) (at - blockStart);
            if ((block[i] & 0xFF) != 0xFF) {
                throw new UnsupportedImageException(JPEG_MALFORMED);
            }
            int code = block[i + 1] & 0xFF;
            if (code == 0xFF) {
                at += 1; // a fill byte
                continue;
            }
            if (code == 0x01 || (code >= 0xD0 && code <= 0xD7)) {
                at += 2; // TEM and RSTn stand alone
                continue;
            }
            if (code == 0xD9 || code == 0xDA) {
                throw new UnsupportedImageException(JPEG_NO_FRAME); // end of image, or image data, before any frame
            }
            int length = ((block[i + 2] & 0xFF) << 8) | (block[i + 3] & 0xFF);
            if (length < 2) {
                throw new UnsupportedImageException(JPEG_MALFORMED);
            }
            if (isStartOfFrame(code)) {
                // Length (2), precision (1), height (2), width (2), components (1).
                if (length < 8 || i + 10 > block.length) {
                    throw new UnsupportedImageException(length < 8 ? JPEG_MALFORMED : JPEG_TRUNCATED);
                }
                int height = ((block[i + 5] & 0xFF) << 8) | (block[i + 6] & 0xFF);
                int width = ((block[i + 7] & 0xFF) << 8) | (block[i + 8] & 0xFF);
                Artwork.Colour colour = switch (block[i + 9]) {
                    case 1 -> Artwork.Colour.GREYSCALE;
                    case 3 -> Artwork.Colour.RGB;
                    case 4 -> Artwork.Colour.CMYK;
                    default -> throw new UnsupportedImageException(JPEG_COMPONENTS);
                };
                return info(ImageFormat.JPEG, width, height, colour);
            }
            at += 2 + length;
        }
        throw new UnsupportedImageException(TOO_SCATTERED);
    }

    /** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int code) {
        return code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
    }

    private static ImageInfo info(ImageFormat format, long width, long height, Artwork.Colour colour) throws UnsupportedImageException {
        if (width == 0 || height == 0) {
            throw new UnsupportedImageException(ZERO_SIZE);
        }
        // PNG allows up to 2^31 - 1; anything past int's range is refused as absurd by the size rules anyway.
        return new ImageInfo(format, (int) Math.min(width, Integer.MAX_VALUE), (int) Math.min(height, Integer.MAX_VALUE), colour);
    }

    private static long int32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Counts reads, so hostile input costs a bounded number of requests. */
    private static final class Reader {
        private final RangeSource source;
        private int reads;

        Reader(RangeSource source) {
            this.source = source;
        }

        byte[] read(long offset, int length) throws IOException, UnsupportedImageException {
            if (++reads > MAX_READS) {
                throw new UnsupportedImageException(TOO_SCATTERED);
            }
            return source.read(offset, length);
        }
    }
}
