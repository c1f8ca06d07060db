package org.bookingopt.core.plot;

import java.awt.Color;

/**
 * A figure as an SVG document: text, searchable, scalable, every stay a {@code <g class="stay …">} with its
 * details as a {@code <title>} tooltip.
 */
public final class SvgChart {
    static final String ORPHAN_PATTERN = "orphan-nights";

    private SvgChart() {
    }

    public static String render(PlanFigure figure) {
        ChartLayout layout = ChartLayout.of(figure);
        XmlWriter xml = new XmlWriter();
        xml.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", layout.width(), "height", layout.height(),
                "viewBox", "0 0 " + layout.width() + " " + layout.height(), "role", "img",
                "font-family", "'DejaVu Sans', Verdana, sans-serif", "shape-rendering", "crispEdges").newline();
        xml.element("title", figure.title()).newline();
        xml.start("defs").start("pattern", "id", ORPHAN_PATTERN, "patternUnits", "userSpaceOnUse", "width", 6,
                "height", 6, "patternTransform", "rotate(45)");
        xml.empty("rect", "width", 6, "height", 6, "fill", hex(ChartPainter.ORPHAN_BACK));
        xml.empty("rect", "width", 2, "height", 6, "fill", hex(ChartPainter.ORPHAN_LINE));
        xml.end().end().newline();
        ChartPainter.paint(layout, new SvgCanvas(xml));
        xml.end();
        return xml.finish();
    }

    static String hex(Color color) {
        return String.format("#%06x", color.getRGB() & 0xFFFFFF);
    }

    private static final class SvgCanvas implements Canvas {
        private final XmlWriter xml;

        SvgCanvas(XmlWriter xml) {
            this.xml = xml;
        }

        @Override
        public void fill(double x, double y, double w, double h, Color color) {
            xml.empty("rect", "x", x, "y", y, "width", w, "height", h, "fill", hex(color));
        }

        @Override
        public void outline(double x, double y, double w, double h, Color color, double strokeWidth) {
            xml.empty("rect", "x", x, "y", y, "width", w, "height", h, "fill", "none", "stroke", hex(color),
                    "stroke-width", strokeWidth);
        }

        @Override
        public void hatch(double x, double y, double w, double h) {
            xml.empty("rect", "x", x, "y", y, "width", w, "height", h, "fill", "url(#" + ORPHAN_PATTERN + ")");
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color color, double strokeWidth) {
            xml.empty("line", "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", hex(color), "stroke-width", strokeWidth);
        }

        @Override
        public void text(double x, double baseline, String text, double size, Color color, Anchor anchor,
                         boolean bold) {
            if (text.isEmpty()) {
                return;
            }
            xml.element("text", text, "x", x, "y", baseline, "font-size", size, "fill", hex(color),
                    "text-anchor", switch (anchor) {
                        case START -> null;
                        case MIDDLE -> "middle";
                        case END -> "end";
                    },
                    "font-weight", bold ? "bold" : null).newline();
        }

        @Override
        public void begin(String cssClass, String tooltip) {
            xml.start("g", "class", cssClass);
            if (tooltip != null) {
                xml.element("title", tooltip);
            }
        }

        @Override
        public void end() {
            xml.end().newline();
        }
    }
}
