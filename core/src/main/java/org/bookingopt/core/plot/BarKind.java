package org.bookingopt.core.plot;

import java.awt.Color;

/** What a stay's bar colour says, as the previous system drew it. */
public enum BarKind {
    STAY("plain", "stay", new Color(0xB0B0B0), new Color(0x1A1A1A)),
    LOCKED("locked", "locked", new Color(0xD32F2F), Color.WHITE),
    GROUP("group", "adjacency group", new Color(0x1E6FD9), Color.WHITE),
    LOCKED_GROUP("locked-group", "locked, in a group", new Color(0x7B1FA2), Color.WHITE),
    NEW("new", "new / test stay", new Color(0x2E7D32), Color.WHITE);

    private final String cssClass;
    private final String label;
    private final Color fill;
    private final Color text;

    BarKind(String cssClass, String label, Color fill, Color text) {
        this.cssClass = cssClass;
        this.label = label;
        this.fill = fill;
        this.text = text;
    }

    /** A new (test) stay is green whatever else holds; otherwise locked and grouped combine. */
    public static BarKind of(boolean locked, boolean grouped, boolean test) {
        if (test) {
            return NEW;
        }
        if (locked) {
            return grouped ? LOCKED_GROUP : LOCKED;
        }
        return grouped ? GROUP : STAY;
    }

    /** The SVG class of its bars, after {@code stay}. */
    public String cssClass() {
        return cssClass;
    }

    public String label() {
        return label;
    }

    public Color fill() {
        return fill;
    }

    /** The colour of a label drawn on the bar. */
    public Color text() {
        return text;
    }
}
