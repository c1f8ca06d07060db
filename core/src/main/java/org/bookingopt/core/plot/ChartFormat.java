package org.bookingopt.core.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The two image formats of a chart, chosen by a file's extension. */
public enum ChartFormat {
    PNG("png", "image/png"),
    SVG("svg", "image/svg+xml");

    private final String extension;
    private final String mediaType;

    ChartFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /**
     * The format a file name asks for.
     *
     * @throws IllegalArgumentException for a name ending neither in {@code .png} nor {@code .svg}
     */
    public static ChartFormat forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ChartFormat format : values()) {
            if (name.endsWith("." + format.extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("a chart file must end in .png or .svg: " + file);
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] render(PlanFigure figure) {
        return switch (this) {
            case PNG -> PngChart.render(figure);
            case SVG -> SvgChart.render(figure).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Renders the figure into {@code file}, in the format its name asks for. */
    public static void write(PlanFigure figure, Path file) throws IOException {
        Files.write(file, forFile(file).render(figure));
    }
}
