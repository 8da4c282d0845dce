package dev.castline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import dev.castline.testing.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Images made by the JDK's encoders, and headers written by hand for what they cannot write. */
class ImageProbeTest {

    @Test
    void readsAPngsSizeAndColourFromItsHeader() throws Exception {
        assertThat(probe(Images.png(1400, 1400))).isEqualTo(new ImageInfo(ImageFormat.PNG, 1400, 1400, Artwork.Colour.RGB));
        assertThat(probe(Images.png(1600, 900, BufferedImage.TYPE_INT_ARGB)))
                .isEqualTo(new ImageInfo(ImageFormat.PNG, 1600, 900, Artwork.Colour.RGB));
        assertThat(probe(Images.png(300, 300, BufferedImage.TYPE_BYTE_GRAY)).colour()).isEqualTo(Artwork.Colour.GREYSCALE);
        assertThat(probe(Images.png(300, 300, BufferedImage.TYPE_BYTE_INDEXED)).colour()).isEqualTo(Artwork.Colour.RGB_PALETTE);
    }

    @Test
    void readsAJpegsSizeAndComponents() throws Exception {
        assertThat(probe(Images.jpeg(2000, 2000))).isEqualTo(new ImageInfo(ImageFormat.JPEG, 2000, 2000, Artwork.Colour.RGB));
        assertThat(probe(Images.jpeg(1500, 1400))).isEqualTo(new ImageInfo(ImageFormat.JPEG, 1500, 1400, Artwork.Colour.RGB));
        assertThat(probe(Images.jpeg(500, 500, BufferedImage.TYPE_BYTE_GRAY)).colour()).isEqualTo(Artwork.Colour.GREYSCALE);
    }

    @Test
    void aCmykJpegIsReadAsCmyk() throws Exception {
        // SOI, then a baseline frame header with four components (what print workflows export).
        byte[] cmyk = bytes(0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x14, 0x08, 0x05, 0xDC, 0x05, 0xDC, 0x04,
                1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0, 0xFF, 0xD9);
        assertThat(probe(cmyk)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 1500, 1500, Artwork.Colour.CMYK));
    }

    @Test
    void jumpsOverLargeMetadataSegmentsWithoutReadingThem() throws Exception {
        byte[] jpeg = Images.jpeg(1400, 1400);
        // Three 60 KB APP1 (EXIF-like) segments between SOI and the rest: 180 KB of metadata before the frame.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < 3; i++) {
            int length = 60_000;
            out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
            out.write(new byte[length - 2]);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        CountingSource source = new CountingSource(out.toByteArray());
        assertThat(ImageProbe.probe(source)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 1400, 1400, Artwork.Colour.RGB));
        assertThat(source.reads).hasSizeLessThanOrEqualTo(4);
        assertThat(source.bytesRead()).isLessThan(out.size() / 2);
    }

    @Test
    void aPngIsReadFromItsFirstBlockAlone() throws Exception {
        CountingSource source = new CountingSource(Images.png(3000, 3000));
        ImageProbe.probe(source);
        assertThat(source.reads).hasSize(1);
    }

    @Test
    void whatIsNotAJpegOrPngIsRefusedWithAReason() {
        refused(new byte[0], ImageProbe.EMPTY);
        refused("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), ImageProbe.NOT_IMAGE);
        refused(bytes('G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0), ImageProbe.NOT_IMAGE);
        refused(bytes(0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0), ImageProbe.NOT_IMAGE); // an MP3 frame header
        refused(Arrays.copyOf(Images.png(10, 10), 20), ImageProbe.PNG_NO_IHDR);
        refused(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'), ImageProbe.JPEG_TRUNCATED);
        refused(bytes(0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0xFF, 0xD9), ImageProbe.JPEG_NO_FRAME);
        refused(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0, 0, 0, 0, 0, 0), ImageProbe.JPEG_MALFORMED);
        refused(bytes(0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x00, 0x05, 0xDC, 0x01, 1, 0x11, 0, 0xFF, 0xD9), ImageProbe.ZERO_SIZE);
    }

    @Test
    void aFileOfEndlessTinySegmentsCostsBoundedReads() {
        // SOI, then 100,000 empty APP segments spread out: the probe gives up, never reading on and on.
        byte[] hostile = new byte[2 + 4 * 100_000];
        hostile[0] = (byte) 0xFF;
        hostile[1] = (byte) 0xD8;
        for (int i = 2; i < hostile.length; i += 4) {
            hostile[i] = (byte) 0xFF;
            hostile[i + 1] = (byte) 0xE2;
            hostile[i + 3] = 2;
        }
        CountingSource source = new CountingSource(hostile);
        assertThatThrownBy(() -> ImageProbe.probe(source)).isInstanceOf(UnsupportedImageException.class)
                .extracting(e -> ((UnsupportedImageException) e).reason()).isEqualTo(ImageProbe.TOO_SCATTERED);
        assertThat(source.reads.size()).isLessThanOrEqualTo(ImageProbe.MAX_READS);
    }

    private static void refused(byte[] file, String reason) {
        assertThatThrownBy(() -> probe(file)).isInstanceOf(UnsupportedImageException.class)
                .extracting(e -> ((UnsupportedImageException) e).reason()).isEqualTo(reason);
    }

    private static ImageInfo probe(byte[] file) throws Exception {
        return ImageProbe.probe(new CountingSource(file));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static final class CountingSource implements RangeSource {
        private final byte[] file;
        final List<int[]> reads = new ArrayList<>();

        CountingSource(byte[] file) {
            this.file = file;
        }

        @Override
        public long size() {
            return file.length;
        }

        @Override
        public byte[] read(long offset, int length) {
            reads.add(new int[] {(int) offset, length});
            return Arrays.copyOfRange(file, (int) offset, (int) Math.min(file.length, offset + length));
        }

        long bytesRead() {
            return reads.stream().mapToLong(r -> r[1]).sum();
        }
    }
}
