package org.bookingopt.core.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextWidthTest {
    private static final List<String> SAMPLES = List.of("28", "March 2021", "Closed to departure", "Superior",
            "Mrs Bartholomew-Featherstonehaugh", "WWW mmm iii", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    @Test
    void estimatesAreAtLeastWhatDejaVuSansDraws() {
        System.setProperty("java.awt.headless", "true");
        assumeTrue(List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains("DejaVu Sans"), "DejaVu Sans is not installed");
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (boolean bold : new boolean[] {false, true}) {
            Font font = new Font("DejaVu Sans", bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(11f);
            for (String text : SAMPLES) {
                double drawn = font.getStringBounds(text, frc).getWidth();
                assertThat(TextWidth.of(text, 11, bold)).as(text).isGreaterThanOrEqualTo(drawn)
                        .isLessThan(drawn * 1.05 + 1);
            }
        }
    }

    @Test
    void unknownCharactersCountWide() {
        assertThat(TextWidth.of("中文", 10, false)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void fitCutsWithAnEllipsis() {
        assertThat(TextWidth.fit("Superior", 11, true, 200)).isEqualTo("Superior");
        String cut = TextWidth.fit("Deluxe Sea View Suite", 11, true, 60);
        assertThat(cut).endsWith("…").startsWith("Delux");
        assertThat(TextWidth.of(cut, 11, true)).isLessThanOrEqualTo(60);
        assertThat(TextWidth.fit("Suite", 11, true, 3)).isEmpty();
    }
}
