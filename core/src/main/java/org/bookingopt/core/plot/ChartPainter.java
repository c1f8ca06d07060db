package org.bookingopt.core.plot;

import java.awt.Color;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;

import org.bookingopt.core.plot.Canvas.Anchor;
import org.bookingopt.core.plot.ChartLayout.Band;
import org.bookingopt.core.plot.ChartLayout.Label;
import org.bookingopt.core.plot.ChartLayout.LegendItem;
import org.bookingopt.core.plot.ChartLayout.Panel;
import org.bookingopt.core.plot.ChartRestrictions.Line;
import org.bookingopt.core.plot.RoomPlanChart.Bar;
import org.bookingopt.core.plot.RoomPlanChart.Gap;
import org.bookingopt.core.plot.RoomPlanChart.Room;

/** Draws a laid-out figure on a {@link Canvas}: the one drawing routine behind the SVG and the PNG. */
final class ChartPainter {
    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x212121);
    static final Color MUTED = new Color(0x5F6368);
    static final Color WEEKEND = new Color(0xE9EDF5);
    static final Color DAY_LINE = new Color(0xE3E3E3);
    static final Color WEEK_LINE = new Color(0xC4C9D1);
    static final Color MONTH_LINE = new Color(0x80868F);
    static final Color ROW_LINE = new Color(0xEDEDED);
    static final Color FRAME = new Color(0x6B7280);
    static final Color[] BAND_TINTS = {new Color(0xF6F6F6), new Color(0xE8EEF6)};
    static final Color CLOSED = new Color(0x37474F);
    static final Color MIN_CELL = new Color(0xE2E6EC);
    static final Color MIN_LOWERED = new Color(0xFFC470);
    static final Color MAX_CELL = new Color(0xCFE3F9);
    static final Color MOVED = new Color(0x111111);
    static final Color ORPHAN_BACK = new Color(0xFFE3C2);
    static final Color ORPHAN_LINE = new Color(0xF57C00);

    private final ChartLayout layout;
    private final Canvas canvas;

    private ChartPainter(ChartLayout layout, Canvas canvas) {
        this.layout = layout;
        this.canvas = canvas;
    }

    static void paint(ChartLayout layout, Canvas canvas) {
        new ChartPainter(layout, canvas).paint();
    }

    private void paint() {
        canvas.fill(0, 0, layout.width(), layout.height(), BACKGROUND);
        canvas.text(ChartLayout.MARGIN, ChartLayout.MARGIN + ChartLayout.TITLE_SIZE, layout.figure().title(),
                ChartLayout.TITLE_SIZE, TEXT, Anchor.START, true);
        for (Panel panel : layout.panels()) {
            canvas.begin("panel", null);
            paintPanel(panel);
            canvas.end();
        }
        paintLegend();
    }

    private void paintPanel(Panel panel) {
        RoomPlanChart chart = panel.chart();
        double left = layout.gridLeft();
        double right = layout.gridRight(panel);
        int bottom = layout.gridBottom(panel);
        int dw = layout.dayWidth();
        int rh = layout.rowHeight();

        canvas.text(ChartLayout.MARGIN, panel.subtitleY(), chart.title(), ChartLayout.SUBTITLE_SIZE, TEXT, Anchor.START, true);
        canvas.text(ChartLayout.MARGIN + TextWidth.of(chart.title(), ChartLayout.SUBTITLE_SIZE, true) + 10,
                panel.subtitleY(), panel.statistics(), ChartLayout.SUBTITLE_SIZE, MUTED, Anchor.START, false);

        for (int day = chart.start(); day < chart.end(); day++) {
            DayOfWeek weekday = LocalDate.ofEpochDay(day).getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                canvas.fill(layout.x(chart, day), panel.dayTop(), dw, bottom - panel.dayTop(), WEEKEND);
            }
        }
        paintBands(panel, right);
        for (int day = chart.start() + 1; day < chart.end(); day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            double x = layout.x(chart, day);
            if (date.getDayOfMonth() == 1) {
                canvas.line(x, panel.monthTop(), x, bottom, MONTH_LINE, 1);
            } else if (date.getDayOfWeek() == DayOfWeek.MONDAY) {
                canvas.line(x, panel.dayTop(), x, bottom, WEEK_LINE, 1);
            } else if (dw >= 8) {
                canvas.line(x, panel.gridTop(), x, bottom, DAY_LINE, 1);
            }
        }
        for (Gap gap : chart.orphanGaps()) {
            canvas.begin("orphan", "Room " + chart.rooms().get(gap.room()).number() + ": " + gap.nights()
                    + (gap.nights() == 1 ? " orphan night, " : " orphan nights, ") + LocalDate.ofEpochDay(gap.from())
                    + " → " + LocalDate.ofEpochDay(gap.to()) + " (min stay " + gap.minimumStay() + ")");
            canvas.hatch(layout.x(chart, gap.from()), layout.rowTop(panel, gap.room()) + 1,
                    gap.nights() * dw, rh - 2);
            canvas.end();
        }
        for (Bar bar : chart.bars()) {
            paintBar(panel, bar);
        }
        paintRoomLabels(panel);
        paintDates(panel);
        for (Map.Entry<Line, Integer> line : panel.lineTops().entrySet()) {
            paintLine(panel, line.getKey(), line.getValue());
        }
        canvas.outline(left, panel.gridTop(), right - left, bottom - panel.gridTop(), FRAME, 1);
    }

    private void paintBands(Panel panel, double right) {
        double typeLeft = layout.roomColumnLeft() - layout.typeColumnWidth();
        double bandWidth = layout.gridLeft() - typeLeft;
        int rh = layout.rowHeight();
        List<Band> bands = panel.bands();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            int top = panel.gridTop() + band.firstRow() * rh;
            int height = band.rows() * rh;
            canvas.begin("band", band.type() + ": " + band.rows() + (band.rows() == 1 ? " room" : " rooms"));
            canvas.fill(typeLeft, top, bandWidth, height, BAND_TINTS[i % 2]);
            double size = Math.min(ChartLayout.LABEL_SIZE, height - 3);
            if (size >= ChartLayout.MIN_TEXT_SIZE) {
                String text = TextWidth.fit(band.type(), size, true, layout.typeColumnWidth() - 8);
                canvas.text(typeLeft + 4, top + height / 2.0 + size * 0.36, text, size, TEXT, Anchor.START, true);
            }
            canvas.end();
            if (i > 0) {
                canvas.line(typeLeft, top, right, top, FRAME, 1.5);
            }
        }
        if (rh >= 10) {
            for (int row = 1; row < panel.rowOfRoom().length; row++) {
                int y = panel.gridTop() + row * rh;
                canvas.line(layout.gridLeft(), y, right, y, ROW_LINE, 1);
            }
        }
    }

    private void paintBar(Panel panel, Bar bar) {
        RoomPlanChart chart = panel.chart();
        double x = layout.x(chart, bar.arrival()) + 1;
        double w = bar.nights() * layout.dayWidth() - 2;
        double y = layout.rowTop(panel, bar.room()) + 1;
        double h = layout.rowHeight() - 2;
        canvas.begin("stay " + bar.kind().cssClass() + (bar.moved() ? " moved" : ""),
                bar.details());
        canvas.fill(x, y, w, h, bar.kind().fill());
        if (bar.moved()) {
            canvas.fill(x, y, movedMark(w), h, MOVED);
        }
        double size = layout.barLabelSize();
        if (size > 0 && !bar.label().isEmpty() && TextWidth.of(bar.label(), size, false) <= w - 4) {
            canvas.text(x + w / 2, y + h / 2 + size * 0.36, bar.label(), size, bar.kind().text(), Anchor.MIDDLE, false);
        }
        canvas.end();
    }

    /**
     * A moved stay gets a dark stripe at its start rather than an outline: with thousands of stays moved, outlines
     * would hide the bars' colours.
     */
    private double movedMark(double barWidth) {
        return Math.min(barWidth / 2, layout.dayWidth() >= 16 ? 3 : 2);
    }

    private void paintRoomLabels(Panel panel) {
        RoomPlanChart chart = panel.chart();
        double size = layout.roomLabelSize();
        double width = layout.gridLeft() - layout.roomColumnLeft() - 8;
        for (int room = 0; room < chart.rooms().size(); room++) {
            if (panel.rowOfRoom()[room] % layout.roomLabelStep() != 0) {
                continue;
            }
            Room r = chart.rooms().get(room);
            double baseline = layout.rowTop(panel, room) + layout.rowHeight() / 2.0 + size * 0.36;
            canvas.text(layout.gridLeft() - 5, baseline, TextWidth.fit(r.number(), size, false, width), size, TEXT,
                    Anchor.END, false);
        }
    }

    private void paintDates(Panel panel) {
        for (Label label : panel.monthLabels()) {
            canvas.text(label.x(), panel.monthTop() + 12, label.text(), ChartLayout.HEADER_SIZE, TEXT, Anchor.START, true);
        }
        for (Label label : panel.dayLabels()) {
            canvas.text(label.x(), panel.dayTop() + 12, label.text(), ChartLayout.HEADER_SIZE, TEXT, Anchor.START, false);
        }
    }

    private void paintLine(Panel panel, Line line, int top) {
        RoomPlanChart chart = panel.chart();
        ChartRestrictions r = chart.restrictions();
        canvas.text(layout.gridLeft() - 5, top + 11, line.label(), ChartLayout.HEADER_SIZE, MUTED, Anchor.END, false);
        switch (line) {
            case CLOSED_TO_DEPARTURE -> paintClosed(chart, top, r.closedDepartures(), "closed to departure");
            case CLOSED_TO_ARRIVAL -> paintClosed(chart, top, r.closedArrivals(), "closed to arrival");
            case MIN_STAY -> paintMinStays(chart, top, r.minStays());
            case MAX_STAY -> paintMaxStays(chart, top, r.maxStays());
        }
    }

    private void paintClosed(RoomPlanChart chart, int top, NavigableSet<Integer> closed, String what) {
        int dw = layout.dayWidth();
        double inset = dw >= 6 ? 1 : 0;
        for (int day : closed.subSet(chart.start(), chart.end())) {
            canvas.begin("closed", LocalDate.ofEpochDay(day) + ": " + what);
            canvas.fill(layout.x(chart, day) + inset, top + 2, dw - 2 * inset, ChartLayout.LINE_ROW - 4, CLOSED);
            canvas.end();
        }
    }

    /** Runs of equal minimum stays as one cell each, orange where below the date's own minimum m(x). */
    private void paintMinStays(RoomPlanChart chart, int top, NavigableMap<Integer, Integer> minStays) {
        int day = chart.start();
        while (day < chart.end()) {
            Integer value = minStays.get(day);
            if (value == null) {
                day++;
                continue;
            }
            boolean lowered = value < chart.minimumStay(day);
            int runEnd = day + 1;
            while (runEnd < chart.end() && value.equals(minStays.get(runEnd))
                    && (value < chart.minimumStay(runEnd)) == lowered) {
                runEnd++;
            }
            String tooltip = (runEnd - day == 1 ? LocalDate.ofEpochDay(day).toString()
                    : LocalDate.ofEpochDay(day) + " to " + LocalDate.ofEpochDay(runEnd - 1)) + ": min stay " + value;
            cell(chart, top, day, runEnd, runEnd, value, lowered ? MIN_LOWERED : MIN_CELL, "min-stay", tooltip);
            day = runEnd;
        }
    }

    /** The sparse maximum stays at their dates; a value wider than its cell may use the room up to the next. */
    private void paintMaxStays(RoomPlanChart chart, int top, NavigableMap<Integer, Integer> maxStays) {
        for (Map.Entry<Integer, Integer> e : maxStays.subMap(chart.start(), chart.end()).entrySet()) {
            Integer next = maxStays.higherKey(e.getKey());
            int room = next == null || next > chart.end() ? chart.end() : next;
            cell(chart, top, e.getKey(), e.getKey() + 1, room, e.getValue(), MAX_CELL, "max-stay",
                    LocalDate.ofEpochDay(e.getKey()) + ": max stay " + e.getValue());
        }
    }

    /**
     * A restriction cell over days [from, to) with its value: centred in the cell when it fits, else from the
     * cell's left end when it fits before {@code labelEnd}, else only in the tooltip.
     */
    private void cell(RoomPlanChart chart, int top, int from, int to, int labelEnd, int value, Color fill,
                      String cssClass, String tooltip) {
        double x = layout.x(chart, from) + 1;
        double w = (to - from) * layout.dayWidth() - 2;
        canvas.begin(cssClass, tooltip);
        canvas.fill(x, top + 2, Math.max(w, 1), ChartLayout.LINE_ROW - 4, fill);
        String text = Integer.toString(value);
        double textWidth = TextWidth.of(text, ChartLayout.HEADER_SIZE, false);
        double baseline = top + 11;
        if (textWidth <= w - 2) {
            canvas.text(x + w / 2, baseline, text, ChartLayout.HEADER_SIZE, TEXT, Anchor.MIDDLE, false);
        } else if (textWidth <= layout.x(chart, labelEnd) - x - 3) {
            canvas.text(x + 1, baseline, text, ChartLayout.HEADER_SIZE, TEXT, Anchor.START, false);
        }
        canvas.end();
    }

    private void paintLegend() {
        for (LegendItem item : layout.legend()) {
            double x = item.x();
            double y = item.y() + 3;
            double w = ChartLayout.SWATCH_WIDTH;
            double h = 11;
            switch (item.swatch()) {
                case BAR -> canvas.fill(x, y, w, h, item.kind().fill());
                case MOVED -> {
                    canvas.fill(x, y, w, h, BarKind.STAY.fill());
                    canvas.fill(x, y, 3, h, MOVED);
                }
                case ORPHAN -> canvas.hatch(x, y, w, h);
                case WEEKEND -> {
                    canvas.fill(x, y, w, h, WEEKEND);
                    canvas.outline(x, y, w, h, WEEK_LINE, 1);
                }
                case CLOSED -> canvas.fill(x, y, w, h, CLOSED);
                case MIN_LOWERED -> canvas.fill(x, y, w, h, MIN_LOWERED);
            }
            canvas.text(x + w + 5, y + 9.5, item.text(), ChartLayout.LABEL_SIZE, TEXT, Anchor.START, false);
        }
    }
}
