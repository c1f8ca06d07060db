package org.bookingopt.core.plot;

import java.awt.Color;

/**
 * The few drawing operations a chart needs, so that one {@link ChartPainter} draws both the SVG and the PNG.
 * Coordinates are pixels from the top left; text is placed by its baseline.
 */
interface Canvas {
    enum Anchor { START, MIDDLE, END }

    void fill(double x, double y, double w, double h, Color color);

    /** A rectangle outline, its stroke centred on the rectangle's edge. */
    void outline(double x, double y, double w, double h, Color color, double strokeWidth);

    /** The orphan-night pattern: diagonal orange hatching. */
    void hatch(double x, double y, double w, double h);

    void line(double x1, double y1, double x2, double y2, Color color, double strokeWidth);

    void text(double x, double baseline, String text, double size, Color color, Anchor anchor, boolean bold);

    /**
     * Starts a group of shapes that form one thing (a stay, a gap, a restriction cell), with a class and a
     * tooltip; SVG keeps both, a bitmap ignores them.
     */
    void begin(String cssClass, String tooltip);

    void end();
}
