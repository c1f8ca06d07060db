package org.bookingopt.core.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PngChartTest {

    @Test
    void decodesWithTheLayoutsSizeAndShowsEveryKindOfThing() throws IOException {
        PlanFigure figure = Charts.reference("sample4");
        byte[] png = PngChart.render(figure);
        Charts.keep("sample4.png", png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        ChartLayout layout = ChartLayout.of(figure);
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(layout.width()).isBetween(700, 1600);
        assertThat(image.getHeight()).isEqualTo(layout.height()).isBetween(300, 700);
        Map<Integer, Integer> colours = histogram(image);
        assertThat(colours).hasSizeGreaterThan(20);
        // sample4 has plain, locked and grouped stays, orphan nights, weekends and closed dates.
        for (Color c : new Color[] {BarKind.STAY.fill(), BarKind.LOCKED.fill(), BarKind.GROUP.fill(),
                ChartPainter.ORPHAN_BACK, ChartPainter.WEEKEND, ChartPainter.CLOSED, ChartPainter.MIN_LOWERED}) {
            assertThat(colours.getOrDefault(c.getRGB() & 0xFFFFFF, 0)).as(SvgChart.hex(c)).isGreaterThan(50);
        }
        // Mostly background, not mostly anything else.
        assertThat(colours.get(0xFFFFFF)).isLessThan(image.getWidth() * image.getHeight() * 3 / 4);
    }

    @Test
    void newStaysAreGreen() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngChart.render(Charts.reference("sample2.newres"))));
        assertThat(histogram(image).getOrDefault(BarKind.NEW.fill().getRGB() & 0xFFFFFF, 0)).isGreaterThan(100);
    }

    static Map<Integer, Integer> histogram(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return counts;
    }
}
