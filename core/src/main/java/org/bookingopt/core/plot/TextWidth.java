package org.bookingopt.core.plot;

/**
 * How wide a text is drawn, without a font system: the advance widths of DejaVu Sans (what Java's
 * SansSerif uses on Linux, and the first font the SVG asks for), per 1000 units of font size, for printable
 * ASCII; any other character counts as a full em, which overestimates. The layout decides from these
 * widths which labels fit, so the PNG and the SVG show the same labels on every machine.
 */
final class TextWidth {
    private static final int[] REGULAR = {
        318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337,
        637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531,
        1000, 685, 687, 699, 771, 632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788,
        604, 788, 695, 635, 611, 732, 685, 989, 686, 611, 686, 391, 337, 391, 838, 500,
        500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612,
        635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
    };
    private static final int[] BOLD = {
        349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 581,
        1000, 774, 763, 734, 831, 684, 684, 821, 837, 373, 373, 775, 638, 996, 837, 851,
        733, 851, 771, 721, 683, 813, 774, 1104, 771, 725, 726, 458, 366, 458, 838, 500,
        500, 675, 716, 593, 716, 679, 436, 716, 712, 343, 343, 666, 343, 1042, 712, 688,
        716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838,
    };
    private static final int WIDE = 1100;

    private TextWidth() {
    }

    static double of(String text, double size, boolean bold) {
        int[] table = bold ? BOLD : REGULAR;
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            units += c >= 32 && c < 127 ? table[c - 32] : WIDE;
            i += Character.charCount(c);
        }
        return units * size / 1000.0;
    }

    /** The text, cut and ended with "…" where needed to fit {@code width}; empty when not even "…" fits. */
    static String fit(String text, double size, boolean bold, double width) {
        if (of(text, size, bold) <= width) {
            return text;
        }
        String ellipsis = "…";
        int end = text.length();
        while (end > 0) {
            end = text.offsetByCodePoints(end, -1);
            String cut = text.substring(0, end).stripTrailing() + ellipsis;
            if (end > 0 && of(cut, size, bold) <= width) {
                return cut;
            }
        }
        return "";
    }
}
