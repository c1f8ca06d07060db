package org.bookingopt.core.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.imageio.ImageIO;

import org.bookingopt.core.model.Problem;
import org.bookingopt.core.plot.ChartLayout.Label;
import org.bookingopt.core.plot.ChartLayout.Panel;
import org.bookingopt.core.plot.RoomPlanChart.Bar;
import org.bookingopt.core.plot.RoomPlanChart.Room;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class ChartLayoutTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 14, 31, 54, 90, 91, 120, 200, 365, 730, 1500})
    void dateLabelsNeverTouchAndStayOverTheirColumns(int nights) {
        RoomPlanChart chart = oneRoom(LocalDate.of(2026, 2, 26), nights);
        ChartLayout layout = ChartLayout.of(PlanFigure.of("dates", chart));
        Panel panel = layout.panels().getFirst();

        for (List<Label> labels : List.of(panel.dayLabels(), panel.monthLabels())) {
            assertThat(labels).isSortedAccordingTo((a, b) -> Double.compare(a.x(), b.x()));
            for (int i = 1; i < labels.size(); i++) {
                assertThat(labels.get(i).x()).as("%s after %s", labels.get(i), labels.get(i - 1))
                        .isGreaterThanOrEqualTo(labels.get(i - 1).right() + ChartLayout.LABEL_GAP);
            }
        }
        for (Label day : panel.dayLabels()) {
            double centre = day.x() + day.width() / 2;
            assertThat(centre).isEqualTo(layout.x(chart, day.day()) + layout.dayWidth() / 2.0);
            assertThat(day.text()).isEqualTo(Integer.toString(LocalDate.ofEpochDay(day.day()).getDayOfMonth()));
        }
        for (Label month : panel.monthLabels()) {
            assertThat(month.x()).isGreaterThanOrEqualTo(layout.x(chart, month.day()));
            assertThat(month.right()).isLessThanOrEqualTo(layout.gridRight(panel));
        }
        assertThat(panel.dayLabels()).isNotEmpty();
        // Titles and legend fit the picture however narrow the schedule.
        assertThat(ChartLayout.MARGIN + ChartLayout.subtitleWidth(chart)).isLessThanOrEqualTo(layout.width() - ChartLayout.MARGIN);
        for (ChartLayout.LegendItem item : layout.legend()) {
            assertThat(item.x() + ChartLayout.SWATCH_WIDTH + 5 + TextWidth.of(item.text(), ChartLayout.LABEL_SIZE, false))
                    .as(item.text()).isLessThanOrEqualTo(layout.width() - ChartLayout.MARGIN);
            assertThat(item.y() + ChartLayout.LEGEND_ROW).isLessThanOrEqualTo(layout.height());
        }
        assertThat(layout.width()).isLessThanOrEqualTo(Math.max(800, 1600 + nights / 365 * 1500));
    }

    @Test
    void labelsAreThinnedOnlyAsFarAsNeeded() {
        assertThat(days(14)).hasSize(14);
        assertThat(days(54)).hasSize(54);
        // 90 days: every other day, from the first.
        List<Label> ninety = days(90);
        assertThat(ninety).hasSize(45);
        // A year: one a week, on Mondays, and a month name per month.
        List<Label> year = days(365);
        assertThat(year).hasSizeBetween(52, 53)
                .allSatisfy(l -> assertThat(LocalDate.ofEpochDay(l.day()).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
        ChartLayout layout = ChartLayout.of(PlanFigure.of("year", oneRoom(LocalDate.of(2026, 1, 1), 365)));
        assertThat(layout.panels().getFirst().monthLabels()).hasSize(12)
                .allSatisfy(l -> assertThat(l.text()).matches("[A-Z][a-z]+( 2026)?"));
    }

    @Test
    void aSmallHotelGetsBigCellsAndEveryLabel() {
        RoomPlanChart chart = Charts.currentPlan(Charts.generated(5, 14, 3), "5 x 14").panels().getFirst();
        ChartLayout layout = ChartLayout.of(PlanFigure.of("5 x 14", chart));
        assertThat(layout.dayWidth()).isGreaterThanOrEqualTo(40);
        assertThat(layout.rowHeight()).isGreaterThanOrEqualTo(24);
        assertThat(layout.roomLabelStep()).isEqualTo(1);
        assertThat(layout.barLabelSize()).isGreaterThanOrEqualTo(10);
        assertThat(layout.width()).isBetween(600, 1000);
    }

    @Test
    void aLargeHotelStaysReadableWithoutCollidingLabels() throws IOException {
        Problem problem = Charts.generated(150, 90, 7);
        PlanFigure figure = Charts.currentPlan(problem, "150 rooms x 90 days");
        ChartLayout layout = ChartLayout.of(figure);

        assertThat(layout.dayWidth()).isGreaterThanOrEqualTo(12);
        assertThat(layout.rowHeight()).isGreaterThanOrEqualTo(8);
        assertThat(layout.width()).isLessThanOrEqualTo(1600);
        assertThat(layout.height()).isLessThanOrEqualTo(1700);
        // Room labels: rows are too low for text in each, so every n-th room is labelled, with room to spare.
        assertThat(layout.roomLabelStep() * layout.rowHeight()).isGreaterThanOrEqualTo((int) layout.roomLabelSize() + 2);
        assertThat(layout.roomLabelSize()).isGreaterThanOrEqualTo(ChartLayout.MIN_TEXT_SIZE);
        // Three room types, each a band of consecutive rows.
        assertThat(layout.panels().getFirst().bands()).hasSize(3);
        // Names on bars only from a readable size; here the rows are too low.
        assertThat(layout.barLabelSize()).isZero();
        Document svg = Charts.parse(SvgChart.render(figure));
        assertThat(Charts.groups(svg, "stay")).hasSize(problem.reservations().size())
                .allSatisfy(g -> assertThat(g.getElementsByTagNameNS("*", "text").getLength()).isZero());

        byte[] png = PngChart.render(figure);
        Charts.keep("generated-150x90.png", png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(layout.width());
        assertThat(PngChartTest.histogram(image)).hasSizeGreaterThan(20);
    }

    private static List<Label> days(int nights) {
        return ChartLayout.of(PlanFigure.of("d", oneRoom(LocalDate.of(2026, 3, 2), nights))).panels().getFirst()
                .dayLabels();
    }

    /** One room with one stay over the whole period. */
    static RoomPlanChart oneRoom(LocalDate first, int nights) {
        int start = (int) first.toEpochDay();
        List<Integer> minimumStays = new ArrayList<>(Collections.nCopies(nights + 1, 3));
        return new RoomPlanChart("one room", List.of(new Room("1", "Default")), start, start + nights, minimumStays,
                List.of(new Bar(0, start, start + nights, "whole", BarKind.STAY, false, "whole")),
                ChartRestrictions.none());
    }
}
