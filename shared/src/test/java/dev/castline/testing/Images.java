package dev.castline.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real images written by the JDK's encoders, made at test time so no binary sits in the repository. */
public final class Images {
    private Images() {
    }

    /** A PNG of this size: {@code BufferedImage.TYPE_INT_RGB}, {@code TYPE_INT_ARGB}, {@code TYPE_BYTE_GRAY} or {@code TYPE_BYTE_INDEXED}. */
    public static byte[] png(int width, int height, int type) {
        return encode(draw(width, height, type), "png");
    }

    public static byte[] png(int width, int height) {
        return png(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** A JPEG of this size: {@code TYPE_INT_RGB} (three components) or {@code TYPE_BYTE_GRAY} (one). */
    public static byte[] jpeg(int width, int height, int type) {
        return encode(draw(width, height, type), "jpeg");
    }

    public static byte[] jpeg(int width, int height) {
        return jpeg(width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage draw(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x2a9d8f));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0xe9c46a));
            g.fillOval(width / 4, height / 4, width / 2, height / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for this image type");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
