package org.bookingopt.core.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming XML writer: elements, attributes given as name/value pairs, escaped text. Characters
 * XML 1.0 cannot carry (control characters, lone surrogates) are dropped, so any guest name gives a
 * well-formed document.
 */
final class XmlWriter {
    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Opens an element; {@code attributes} alternate names and values, a {@code null} value is left out. */
    XmlWriter start(String name, Object... attributes) {
        tag(name, attributes);
        out.append('>');
        open.push(name);
        return this;
    }

    /** An element without content. */
    XmlWriter empty(String name, Object... attributes) {
        tag(name, attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    XmlWriter element(String name, String text, Object... attributes) {
        start(name, attributes);
        escape(text, false);
        return end();
    }

    XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    XmlWriter newline() {
        out.append('\n');
        return this;
    }

    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.append('\n').toString();
    }

    private void tag(String name, Object... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(format(attributes[i + 1]), true);
                out.append('"');
            }
        }
    }

    /** Numbers in the shortest form with at most two decimals (12, 12.5, 12.25). */
    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n', '\r', '\t' -> out.append(attribute ? "&#" + c + ";" : Character.toString(c));
                default -> {
                    if (allowed(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
    }

    /** XML 1.0's Char production. */
    private static boolean allowed(int c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
