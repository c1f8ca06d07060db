package org.bookingopt.core.plot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bookingopt.core.plot.ChartRestrictions.Line;
import org.bookingopt.core.plot.RoomPlanChart.Room;

/**
 * Where everything of a figure goes, in pixels: one scale for all panels (a day's width, a room's height),
 * chosen so that 5 rooms × 14 days and 150 rooms × 90 days both give a readable picture, and the labels
 * that fit: dates thinned out until no two touch, room labels thinned out on tight rows, bar labels only
 * from a readable size. The SVG and the PNG are drawn from the same layout.
 */
public final class ChartLayout {
    static final int MARGIN = 16;
    static final double TITLE_SIZE = 16;
    static final double SUBTITLE_SIZE = 12;
    static final double HEADER_SIZE = 10;
    static final double LABEL_SIZE = 11;
    static final double MIN_TEXT_SIZE = 7;
    static final int TITLE_HEIGHT = 30;
    static final int SUBTITLE_HEIGHT = 22;
    static final int MONTH_ROW = 16;
    static final int DAY_ROW = 16;
    static final int LINE_ROW = 15;
    static final int PANEL_GAP = 22;
    static final int LEGEND_ROW = 20;
    static final int SWATCH_WIDTH = 18;
    /** Narrow schedules still get room for the titles and a legend of a few lines. */
    static final int MIN_WIDTH = 640;
    /** Free space kept between two date labels. */
    static final double LABEL_GAP = 4;

    /** A text placed at {@code x} (its left end) with the width the layout measured. */
    public record Label(String text, double x, double width, int day) {
        public double right() {
            return x + width;
        }
    }

    /** The rooms of one type: display rows [firstRow, firstRow + rows). */
    public record Band(String type, int firstRow, int rows) {
    }

    /** What a legend entry shows. */
    public enum Swatch { BAR, MOVED, ORPHAN, WEEKEND, CLOSED, MIN_LOWERED }

    /** A legend entry: a swatch at (x, y) (top left) and its text after it. */
    public record LegendItem(Swatch swatch, BarKind kind, String text, double x, double y) {
    }

    /**
     * One plan's place in the figure.
     *
     * @param subtitleY  baseline of the panel's title
     * @param statistics what the title line says after the title: rooms × nights, stays, orphan nights
     * @param monthTop   top of the month row
     * @param dayTop     top of the day-of-month row
     * @param lineTops   top of each restriction row shown
     * @param gridTop    top of the first room row
     * @param rowOfRoom  display row of each room (by room index)
     */
    public record Panel(RoomPlanChart chart, double subtitleY, String statistics, int monthTop, int dayTop, Map<Line, Integer> lineTops,
                        int gridTop, int[] rowOfRoom, List<Band> bands, List<Label> monthLabels,
                        List<Label> dayLabels) {
    }

    private final PlanFigure figure;
    private final int dayWidth;
    private final int rowHeight;
    private final int typeColumn;
    private final int roomColumn;
    private final int gridLeft;
    private final int width;
    private final int height;
    private final double roomLabelSize;
    private final int roomLabelStep;
    private final double barLabelSize;
    private final List<Panel> panels = new ArrayList<>();
    private final List<LegendItem> legend = new ArrayList<>();

    private ChartLayout(PlanFigure figure) {
        this.figure = figure;
        int nights = figure.panels().stream().mapToInt(RoomPlanChart::nights).max().orElseThrow();
        int rooms = Math.max(1, figure.panels().stream().mapToInt(c -> c.rooms().size()).max().orElseThrow());
        int panelCount = figure.panels().size();
        dayWidth = clamp(1300 / nights, 4, 44);
        rowHeight = clamp(1400 / (rooms * panelCount), 8, 26);
        double fitting = Math.min(LABEL_SIZE, rowHeight - 2);
        roomLabelSize = Math.max(fitting, MIN_TEXT_SIZE);
        roomLabelStep = fitting >= MIN_TEXT_SIZE ? 1 : (int) Math.ceil((MIN_TEXT_SIZE + 3) / rowHeight);
        double barText = Math.min(LABEL_SIZE, rowHeight - 6);
        barLabelSize = barText >= MIN_TEXT_SIZE ? barText : 0;

        double typeWidth = 0;
        double roomWidth = 0;
        for (RoomPlanChart chart : figure.panels()) {
            for (Room room : chart.rooms()) {
                typeWidth = Math.max(typeWidth, TextWidth.of(room.type(), LABEL_SIZE, true));
                roomWidth = Math.max(roomWidth, TextWidth.of(room.number(), roomLabelSize, false));
            }
        }
        typeColumn = (int) Math.ceil(Math.min(150, typeWidth) + 12);
        roomColumn = (int) Math.ceil(Math.max(16, Math.min(90, roomWidth)) + 10);
        double lineLabels = 0;
        for (Line line : Line.values()) {
            lineLabels = Math.max(lineLabels, TextWidth.of(line.label(), HEADER_SIZE, false) + 10);
        }
        gridLeft = MARGIN + (int) Math.ceil(Math.max(typeColumn + roomColumn, lineLabels));
        int gridRight = gridLeft + nights * dayWidth;
        double texts = TextWidth.of(figure.title(), TITLE_SIZE, true);
        for (RoomPlanChart chart : figure.panels()) {
            texts = Math.max(texts, subtitleWidth(chart));
        }
        width = Math.max(Math.max(gridRight + MARGIN, (int) Math.ceil(MARGIN * 2 + texts)), MIN_WIDTH);

        int y = MARGIN + TITLE_HEIGHT;
        for (RoomPlanChart chart : figure.panels()) {
            double subtitleY = y + SUBTITLE_SIZE;
            y += SUBTITLE_HEIGHT;
            int monthTop = y;
            y += MONTH_ROW;
            int dayTop = y;
            y += DAY_ROW;
            Map<Line, Integer> lineTops = new EnumMap<>(Line.class);
            for (Line line : Line.values()) {
                if (chart.restrictions().shows(line)) {
                    lineTops.put(line, y);
                    y += LINE_ROW;
                }
            }
            y += 4;
            int gridTop = y;
            int[] rowOfRoom = new int[chart.rooms().size()];
            List<Integer> order = chart.roomOrder();
            List<Band> bands = new ArrayList<>();
            for (int row = 0; row < order.size(); row++) {
                rowOfRoom[order.get(row)] = row;
                String type = chart.rooms().get(order.get(row)).type();
                if (bands.isEmpty() || !bands.getLast().type().equals(type)) {
                    bands.add(new Band(type, row, 1));
                } else {
                    Band last = bands.removeLast();
                    bands.add(new Band(type, last.firstRow(), last.rows() + 1));
                }
            }
            y += chart.rooms().size() * rowHeight;
            panels.add(new Panel(chart, subtitleY, statistics(chart), monthTop, dayTop, lineTops, gridTop, rowOfRoom, List.copyOf(bands),
                    monthLabels(chart), dayLabels(chart)));
            y += PANEL_GAP;
        }
        y = layOutLegend(y - PANEL_GAP + 14);
        height = y + MARGIN;
    }

    public static ChartLayout of(PlanFigure figure) {
        return new ChartLayout(figure);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** What a panel's title line says after its title. */
    private static String statistics(RoomPlanChart chart) {
        long fresh = chart.bars().stream().filter(b -> b.kind() == BarKind.NEW).count();
        return count(chart.rooms().size(), "room") + " × " + count(chart.nights(), "night") + " · "
                + count(chart.bars().size(), "stay") + (fresh > 0 ? " (" + fresh + " new)" : "") + " · "
                + count(chart.orphanNights(), "orphan night");
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The width of a panel's title line: the title in bold, 10 px, the statistics. */
    static double subtitleWidth(RoomPlanChart chart) {
        return TextWidth.of(chart.title(), SUBTITLE_SIZE, true) + 10 + TextWidth.of(statistics(chart), SUBTITLE_SIZE, false);
    }

    /** X of the left edge of {@code day}'s column. */
    public double x(RoomPlanChart chart, int day) {
        return gridLeft + (double) (day - chart.start()) * dayWidth;
    }

    /** Y of the top of {@code room}'s row. */
    public int rowTop(Panel panel, int room) {
        return panel.gridTop() + panel.rowOfRoom()[room] * rowHeight;
    }

    public int gridBottom(Panel panel) {
        return panel.gridTop() + panel.chart().rooms().size() * rowHeight;
    }

    public double gridRight(Panel panel) {
        return x(panel.chart(), panel.chart().end());
    }

    /**
     * Day-of-month labels centred on their column: every day, every other day, every Monday, every other
     * Monday, or the first of each month, whichever is the densest whose labels keep {@link #LABEL_GAP}
     * apart.
     */
    private List<Label> dayLabels(RoomPlanChart chart) {
        double widest = TextWidth.of("28", HEADER_SIZE, false);
        int firstMonday = chart.start();
        while (LocalDate.ofEpochDay(firstMonday).getDayOfWeek() != DayOfWeek.MONDAY) {
            firstMonday++;
        }
        for (int step : new int[] {1, 2, 7, 14}) {
            if (step * dayWidth >= widest + LABEL_GAP) {
                int first = step <= 2 ? chart.start() : firstMonday;
                List<Label> labels = new ArrayList<>();
                for (int day = first; day < chart.end(); day += step) {
                    labels.add(centred(chart, day, Integer.toString(LocalDate.ofEpochDay(day).getDayOfMonth())));
                }
                return labels;
            }
        }
        List<Label> labels = new ArrayList<>();
        for (int day = chart.start(); day < chart.end(); day++) {
            if (LocalDate.ofEpochDay(day).getDayOfMonth() == 1) {
                labels.add(centred(chart, day, "1"));
            }
        }
        return labels;
    }

    private Label centred(RoomPlanChart chart, int day, String text) {
        double w = TextWidth.of(text, HEADER_SIZE, false);
        return new Label(text, x(chart, day) + (dayWidth - w) / 2, w, day);
    }

    /**
     * A label at the first night of every month (and at the chart's start), "March 2021", else "Mar 2021",
     * else "Mar", whichever fits before the next month; none if nothing fits.
     */
    private List<Label> monthLabels(RoomPlanChart chart) {
        List<Integer> starts = new ArrayList<>();
        for (int day = chart.start(); day < chart.end(); day++) {
            if (day == chart.start() || LocalDate.ofEpochDay(day).getDayOfMonth() == 1) {
                starts.add(day);
            }
        }
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int day = starts.get(i);
            double left = x(chart, day) + 3;
            double right = (i + 1 < starts.size() ? x(chart, starts.get(i + 1)) : x(chart, chart.end())) - LABEL_GAP;
            LocalDate date = LocalDate.ofEpochDay(day);
            String full = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getYear();
            String shortName = date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            for (String text : List.of(full, shortName + " " + date.getYear(), shortName)) {
                double w = TextWidth.of(text, HEADER_SIZE, true);
                if (left + w <= right) {
                    labels.add(new Label(text, left, w, day));
                    break;
                }
            }
        }
        return labels;
    }

    /** The legend below the last panel, wrapped to the figure's width; returns the y below it. */
    private int layOutLegend(int top) {
        record Entry(Swatch swatch, BarKind kind, String text) {
        }
        List<Entry> entries = new ArrayList<>();
        for (BarKind kind : BarKind.values()) {
            entries.add(new Entry(Swatch.BAR, kind, kind.label()));
        }
        if (figure.comparesPlans()) {
            entries.add(new Entry(Swatch.MOVED, BarKind.STAY, "moved (vs. initial plan)"));
        }
        entries.add(new Entry(Swatch.ORPHAN, null, "orphan nights (gap < min stay)"));
        entries.add(new Entry(Swatch.WEEKEND, null, "weekend"));
        if (figure.panels().stream().anyMatch(c -> !c.restrictions().lines().isEmpty())) {
            entries.add(new Entry(Swatch.CLOSED, null, "closed (CD / CA)"));
            entries.add(new Entry(Swatch.MIN_LOWERED, null, "min stay below the date's rule"));
        }
        double x = MARGIN;
        int y = top;
        for (Entry e : entries) {
            double w = SWATCH_WIDTH + 5 + TextWidth.of(e.text(), LABEL_SIZE, false) + 16;
            if (x > MARGIN && x + w > width - MARGIN) {
                x = MARGIN;
                y += LEGEND_ROW;
            }
            legend.add(new LegendItem(e.swatch(), e.kind(), e.text(), x, y));
            x += w;
        }
        return y + LEGEND_ROW;
    }

    public PlanFigure figure() {
        return figure;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int dayWidth() {
        return dayWidth;
    }

    public int rowHeight() {
        return rowHeight;
    }

    public int gridLeft() {
        return gridLeft;
    }

    /** Left edge of the room-number column (the type column is left of it). */
    public int roomColumnLeft() {
        return gridLeft - roomColumn;
    }

    public int typeColumnWidth() {
        return typeColumn;
    }

    public double roomLabelSize() {
        return roomLabelSize;
    }

    /** Every how many rows a room is labelled (1: every room). */
    public int roomLabelStep() {
        return roomLabelStep;
    }

    /** Font size of the names on bars, or 0 when rows are too low for any. */
    public double barLabelSize() {
        return barLabelSize;
    }

    public List<Panel> panels() {
        return panels;
    }

    public List<LegendItem> legend() {
        return legend;
    }
}
