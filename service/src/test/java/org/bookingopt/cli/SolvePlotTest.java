package org.bookingopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.bookingopt.service.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bookingopt solve … --plot FILE.png|FILE.svg}. */
class SolvePlotTest {
    @Test
    void drawsThePlanAsPngOrSvgByExtension(@TempDir Path dir) throws Exception {
        Path problem = Files.writeString(dir.resolve("sample4.json"), Fixtures.text("sample4.json"));
        Path png = dir.resolve("plan.PNG");
        Path svg = dir.resolve("plan.svg");

        CommandRun toPng = CommandRun.of("solve", problem.toString(), "--time-limit", "30s", "--plot", png.toString());
        CommandRun toSvg = CommandRun.of("solve", problem.toString(), "--time-limit", "30s", "--plot", svg.toString());
        assertThat(toPng.exitCode()).isZero();
        assertThat(toSvg.exitCode()).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(700);
        assertThat(image.getHeight()).isGreaterThan(300);
        String text = Files.readString(svg);
        assertThat(text).startsWith("<?xml").contains("<svg").contains("sample4.json · ProblemId 4444");
        // sample4: 53 stays, no current plan, so one panel.
        assertThat(text.split("<g class=\"stay ", -1)).hasSize(54);
        assertThat(toPng.out()).contains("chart      " + png);
        assertThat(toSvg.out()).contains("chart      " + svg);
    }

    @Test
    void anotherExtensionIsAUsageErrorBeforeAnySolving(@TempDir Path dir) throws Exception {
        Path problem = Files.writeString(dir.resolve("sample1.json"), Fixtures.text("sample1.json"));
        CommandRun gif = CommandRun.of("solve", problem.toString(), "--plot", dir.resolve("plan.gif").toString());
        assertThat(gif.exitCode()).isEqualTo(2);
        assertThat(gif.err()).contains("--plot: a chart file must end in .png or .svg");
        assertThat(gif.out()).doesNotContain("status");
    }
}
