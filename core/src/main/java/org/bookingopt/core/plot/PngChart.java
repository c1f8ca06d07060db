package org.bookingopt.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/** A figure as a PNG: Java2D on an off-screen image, no display needed (headless). */
public final class PngChart {
    static {
        // No window system on servers; only decide it where the application has not.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private PngChart() {
    }

    public static BufferedImage image(PlanFigure figure) {
        ChartLayout layout = ChartLayout.of(figure);
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            ChartPainter.paint(layout, new Java2dCanvas(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The PNG file's bytes. */
    public static byte[] render(PlanFigure figure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(figure), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final class Java2dCanvas implements Canvas {
        private final Graphics2D g;
        private final Map<Float, Font> plain = new HashMap<>();
        private final Map<Float, Font> bold = new HashMap<>();
        private final Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

        Java2dCanvas(Graphics2D g) {
            this.g = g;
        }

        @Override
        public void fill(double x, double y, double w, double h, Color color) {
            g.setColor(color);
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void outline(double x, double y, double w, double h, Color color, double strokeWidth) {
            stroke(new Rectangle2D.Double(x, y, w, h), color, strokeWidth);
        }

        @Override
        public void hatch(double x, double y, double w, double h) {
            fill(x, y, w, h, ChartPainter.ORPHAN_BACK);
            Shape clip = g.getClip();
            g.clip(new Rectangle2D.Double(x, y, w, h));
            g.setColor(ChartPainter.ORPHAN_LINE);
            g.setStroke(new BasicStroke(2f));
            Object antialiasing = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            // Lines x + y = const every 6 px of x, anchored to the image as the SVG pattern is.
            double spacing = 6 * Math.sqrt(2);
            double first = Math.floor((x + y) / spacing) * spacing;
            for (double c = first; c <= x + w + y + h; c += spacing) {
                g.draw(new Line2D.Double(c - y, y, c - (y + h), y + h));
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
            g.setClip(clip);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color color, double strokeWidth) {
            stroke(new Line2D.Double(x1, y1, x2, y2), color, strokeWidth);
        }

        private void stroke(Shape shape, Color color, double strokeWidth) {
            g.setColor(color);
            g.setStroke(new BasicStroke((float) strokeWidth));
            g.draw(shape);
        }

        @Override
        public void text(double x, double baseline, String text, double size, Color color, Anchor anchor,
                         boolean isBold) {
            if (text.isEmpty()) {
                return;
            }
            float points = (float) size;
            Font font = (isBold ? bold : plain).computeIfAbsent(points,
                    p -> base.deriveFont(isBold ? Font.BOLD : Font.PLAIN, p));
            g.setFont(font);
            g.setColor(color);
            double width = font.getStringBounds(text, g.getFontRenderContext()).getWidth();
            double left = switch (anchor) {
                case START -> x;
                case MIDDLE -> x - width / 2;
                case END -> x - width;
            };
            g.drawString(text, (float) left, (float) baseline);
        }

        @Override
        public void begin(String cssClass, String tooltip) {
        }

        @Override
        public void end() {
        }
    }
}
