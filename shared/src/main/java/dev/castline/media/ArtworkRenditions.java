package dev.castline.media;

import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The smaller copies of an accepted artwork ({@link Artwork#RENDITION_SIDES}), made with the JDK's
 * own imaging ({@code javax.imageio} and Java 2D): by the upload processor when it accepts an
 * upload, and by the local stack for its sample show.
 *
 * <p><b>Format: the original's.</b> A PNG stays a PNG: hosts upload PNG for flat colours,
 * lettering and transparency, which JPEG would smudge at the edges or lose. A JPEG (most often a
 * photo) stays a JPEG, at quality {@value #JPEG_QUALITY}, where PNG would be several times larger.
 * So the key's extension names the rendition's format as it names the original's, and the key,
 * the content type and the encoder all follow from the original's key.
 *
 * <p><b>Scaling: halving, then one last step.</b> Each step draws the image at half its size with
 * bilinear interpolation, which at exactly half averages each 2 × 2 block of pixels (a box
 * filter); the last step, to the rendition's side, shrinks by less than half. One bilinear or
 * bicubic pass from 3000 px to 128 would read one pixel in 23 and alias thin lines and lettering.
 * Every rendition continues from the halvings of the one before, so the image is decoded once.
 */
public final class ArtworkRenditions {
    static final float JPEG_QUALITY = 0.85f;
    /** The reason a host is shown when the header was fine but the pixels are not. */
    static final String UNDECODABLE = "the image data is damaged: it cannot be decoded";

    /** One rendition: its side in pixels, and the encoded file. */
    public record Rendition(int side, byte[] bytes) {
    }

    /** Where a rendition is written: at its key, with its content type. */
    @FunctionalInterface
    public interface Put {
        void put(String key, String contentType, byte[] content);
    }

    private ArtworkRenditions() {
    }

    /**
     * Makes every rendition of {@code image}, the file at the artwork key {@code original}, and
     * puts each at its key ({@link MediaKey#rendition}) with its content type, smallest first.
     * Decodes before writing anything, so an image that cannot be decoded writes nothing.
     *
     * @throws UnsupportedImageException the file's pixels cannot be decoded
     */
    public static void write(MediaKey original, byte[] image, Put put) throws UnsupportedImageException {
        ImageFormat format = original.imageFormat().orElseThrow(() -> new IllegalArgumentException(original + " is not artwork"));
        for (Rendition rendition : render(image, format)) {
            put.put(original.rendition(rendition.side()), format.contentType(), rendition.bytes());
        }
    }

    /**
     * The image at each of {@link Artwork#RENDITION_SIDES} (square, as artwork is), encoded in
     * {@code format}, smallest first.
     *
     * @throws UnsupportedImageException the file's pixels cannot be decoded as {@code format}
     */
    public static List<Rendition> render(byte[] image, ImageFormat format) throws UnsupportedImageException {
        BufferedImage current = decode(image, format);
        int type = format == ImageFormat.PNG && current.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        List<Rendition> made = new ArrayList<>(Artwork.RENDITION_SIDES.size());
        for (int side : Artwork.RENDITION_SIDES.reversed()) { // each copy halves down from the larger one
            while (current.getWidth() / 2 >= side && current.getHeight() / 2 >= side) {
                current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type);
            }
            made.add(new Rendition(side, encode(draw(current, side, side, type), format)));
        }
        return made.reversed();
    }

    private static BufferedImage decode(byte[] image, ImageFormat format) throws UnsupportedImageException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("this JDK has no " + format.describe() + " decoder");
        }
        ImageReader reader = readers.next();
        // In memory: ImageIO's default stream caches to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            reader.setInput(in, true);
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            // The decoders throw both for damaged data (IIOException, and at times an
            // ArrayIndexOutOfBounds or IllegalArgument from deep inside); a retry would not help.
            throw new UnsupportedImageException(UNDECODABLE);
        } finally {
            reader.dispose();
        }
    }

    /** {@code source} drawn at this size into a new image of {@code type}, bilinear. */
    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, ImageFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.contentType());
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no " + format.describe() + " encoder");
        }
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format == ImageFormat.JPEG) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding into memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
