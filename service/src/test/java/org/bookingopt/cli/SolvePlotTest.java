package org.bookingopt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.bookingopt.service.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code bookingopt solve … --plot FILE.png|FILE.svg}. */
class SolvePlotTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new BookingOptCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void drawsThePlanAsPngOrSvgByExtension(@TempDir Path dir) throws Exception {
        Path problem = Files.writeString(dir.resolve("sample4.json"), Fixtures.text("sample4.json"));
        Path png = dir.resolve("plan.PNG");
        Path svg = dir.resolve("plan.svg");

        assertThat(run("solve", problem.toString(), "--time-limit", "30s", "--plot", png.toString())).isZero();
        assertThat(run("solve", problem.toString(), "--time-limit", "30s", "--plot", svg.toString())).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(700);
        assertThat(image.getHeight()).isGreaterThan(300);
        String text = Files.readString(svg);
        assertThat(text).startsWith("<?xml").contains("<svg").contains("sample4.json · ProblemId 4444");
        // sample4: 53 stays, no current plan, so one panel.
        assertThat(text.split("<g class=\"stay ", -1)).hasSize(54);
        assertThat(out.toString()).contains("chart      " + png).contains("chart      " + svg);
    }

    @Test
    void anotherExtensionIsAUsageErrorBeforeAnySolving(@TempDir Path dir) throws Exception {
        Path problem = Files.writeString(dir.resolve("sample1.json"), Fixtures.text("sample1.json"));
        assertThat(run("solve", problem.toString(), "--plot", dir.resolve("plan.gif").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--plot: a chart file must end in .png or .svg");
        assertThat(out.toString()).doesNotContain("status");
    }
}
