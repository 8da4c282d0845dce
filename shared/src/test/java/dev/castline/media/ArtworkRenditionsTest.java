package dev.castline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The smaller copies of accepted artwork: their sizes, format and colours, and how they are scaled. */
class ArtworkRenditionsTest {
    private static final Color RED = new Color(0xe63946);
    private static final Color CREAM = new Color(0xf1faee);
    private static final Color TEAL = new Color(0x2a9d8f);
    private static final Color NAVY = new Color(0x1d3557);

    @Test
    void aPngBecomesSquarePngsOfEveryRenditionSideWithItsColours() throws Exception {
        byte[] original = encode(quadrants(1400, BufferedImage.TYPE_INT_RGB), "png");

        List<ArtworkRenditions.Rendition> renditions = ArtworkRenditions.render(original, ImageFormat.PNG);

        assertThat(renditions).extracting(ArtworkRenditions.Rendition::side).containsExactlyElementsOf(Artwork.RENDITION_SIDES);
        for (ArtworkRenditions.Rendition r : renditions) {
            assertThat(probe(r.bytes()).format()).isEqualTo(ImageFormat.PNG);
            BufferedImage image = decode(r.bytes());
            assertThat(image.getWidth()).isEqualTo(r.side());
            assertThat(image.getHeight()).isEqualTo(r.side());
            assertQuadrants(image, 2);
            assertThat(r.bytes().length).as("%d px, flat colours", r.side()).isLessThan(original.length);
        }
    }

    @Test
    void aJpegBecomesJpegsOfEveryRenditionSideWithItsColours() throws Exception {
        byte[] original = encode(quadrants(3000, BufferedImage.TYPE_INT_RGB), "jpeg");

        List<ArtworkRenditions.Rendition> renditions = ArtworkRenditions.render(original, ImageFormat.JPEG);

        for (ArtworkRenditions.Rendition r : renditions) {
            ImageInfo info = probe(r.bytes());
            assertThat(info.format()).isEqualTo(ImageFormat.JPEG);
            assertThat(info.colour()).isEqualTo(Artwork.Colour.RGB);
            assertThat(info.width()).isEqualTo(r.side());
            assertThat(info.height()).isEqualTo(r.side());
            assertQuadrants(decode(r.bytes()), 12); // lossy twice over
        }
    }

    /** Fine detail is averaged, as the eye sees it from afar, not sampled into stripes (aliasing). */
    @Test
    void onePixelStripesShrinkToTheirAverageNotToStripes() throws Exception {
        BufferedImage stripes = new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1400; y++) {
            for (int x = 0; x < 1400; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0x000000 : 0xffffff);
            }
        }
        for (ArtworkRenditions.Rendition r : ArtworkRenditions.render(encode(stripes, "png"), ImageFormat.PNG)) {
            BufferedImage image = decode(r.bytes());
            for (int x = 4; x < r.side() - 4; x += 7) {
                int grey = image.getRGB(x, r.side() / 2) & 0xff;
                assertThat(grey).as("%d px, column %d", r.side(), x).isBetween(110, 145);
            }
        }
    }

    @Test
    void aPngsTransparencyIsKept() throws Exception {
        BufferedImage image = new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(TEAL);
        g.fillOval(100, 100, 1200, 1200);
        g.dispose();

        for (ArtworkRenditions.Rendition r : ArtworkRenditions.render(encode(image, "png"), ImageFormat.PNG)) {
            BufferedImage decoded = decode(r.bytes());
            assertThat(decoded.getColorModel().hasAlpha()).isTrue();
            assertThat(decoded.getRGB(0, 0) >>> 24).as("a corner stays transparent").isZero();
            assertColour(decoded, r.side() / 2, r.side() / 2, TEAL, 2);
            assertThat(decoded.getRGB(r.side() / 2, r.side() / 2) >>> 24).isEqualTo(255);
        }
    }

    @Test
    void writePutsEachRenditionAtItsKeyWithItsContentTypeSmallestFirst() throws Exception {
        MediaKey original = MediaKey.newShowArtwork(ImageFormat.JPEG);
        List<String> puts = new ArrayList<>();
        ArtworkRenditions.write(original, encode(quadrants(1400, BufferedImage.TYPE_INT_RGB), "jpeg"),
                (key, contentType, content) -> puts.add(key + " " + contentType + " " + decode(content).getWidth()));
        assertThat(puts).containsExactly(
                original.rendition(128) + " image/jpeg 128",
                original.rendition(480) + " image/jpeg 480");
    }

    @Test
    void anImageWhosePixelsCannotBeDecodedIsRefusedAndNothingIsWritten() throws Exception {
        byte[] png = encode(quadrants(1400, BufferedImage.TYPE_INT_RGB), "png");
        byte[] damaged = Arrays.copyOf(png, 200); // the header intact, the image data cut short
        byte[] notPng = encode(quadrants(1400, BufferedImage.TYPE_INT_RGB), "jpeg");
        List<String> puts = new ArrayList<>();
        for (byte[] file : List.of(damaged, notPng)) {
            assertThatThrownBy(() -> ArtworkRenditions.write(MediaKey.newShowArtwork(ImageFormat.PNG), file, (k, t, c) -> puts.add(k)))
                    .isInstanceOf(UnsupportedImageException.class)
                    .extracting(e -> ((UnsupportedImageException) e).reason()).isEqualTo(ArtworkRenditions.UNDECODABLE);
        }
        assertThat(puts).isEmpty();
    }

    /** Four flat quadrants: red, cream / teal, navy. */
    private static BufferedImage quadrants(int side, int type) {
        BufferedImage image = new BufferedImage(side, side, type);
        Graphics2D g = image.createGraphics();
        int half = side / 2;
        g.setColor(RED);
        g.fillRect(0, 0, half, half);
        g.setColor(CREAM);
        g.fillRect(half, 0, side - half, half);
        g.setColor(TEAL);
        g.fillRect(0, half, half, side - half);
        g.setColor(NAVY);
        g.fillRect(half, half, side - half, side - half);
        g.dispose();
        return image;
    }

    private static void assertQuadrants(BufferedImage image, int tolerance) {
        int q = image.getWidth() / 4;
        assertColour(image, q, q, RED, tolerance);
        assertColour(image, 3 * q, q, CREAM, tolerance);
        assertColour(image, q, 3 * q, TEAL, tolerance);
        assertColour(image, 3 * q, 3 * q, NAVY, tolerance);
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected, int tolerance) {
        Color actual = new Color(image.getRGB(x, y), true);
        assertThat(new int[] {actual.getRed(), actual.getGreen(), actual.getBlue()})
                .as("the colour at %d,%d of the %d px image: %s, expected %s", x, y, image.getWidth(), actual, expected)
                .satisfies(rgb -> {
                    assertThat(rgb[0]).isCloseTo(expected.getRed(), org.assertj.core.data.Offset.offset(tolerance));
                    assertThat(rgb[1]).isCloseTo(expected.getGreen(), org.assertj.core.data.Offset.offset(tolerance));
                    assertThat(rgb[2]).isCloseTo(expected.getBlue(), org.assertj.core.data.Offset.offset(tolerance));
                });
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] file) {
        try {
            return ImageIO.read(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ImageInfo probe(byte[] file) throws Exception {
        return ImageProbe.probe(RangeSource.of(file));
    }
}
