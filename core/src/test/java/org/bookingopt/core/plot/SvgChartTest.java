package org.bookingopt.core.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.model.Problem;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanEvaluator;
import org.bookingopt.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;

class SvgChartTest {

    static Stream<String> fixturesWithAPlan() {
        return Fixtures.inputs().stream().filter(f -> Fixtures.referenceOutput(f).get("Succeeded").asBoolean());
    }

    static Stream<String> fixturesWithoutAPlan() {
        return Fixtures.inputs().stream().filter(f -> !Fixtures.referenceOutput(f).get("Succeeded").asBoolean());
    }

    @ParameterizedTest
    @MethodSource("fixturesWithAPlan")
    void everySampleGivesWellFormedSvgWithOneBarPerStay(String fixture) {
        JsonNode rows = Fixtures.referenceOutput(fixture).get("OptimizedPlan");
        String svg = SvgChart.render(Charts.reference(fixture));
        Document doc = Charts.parse(svg);

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        List<Element> stays = Charts.groups(doc, "stay");
        assertThat(stays).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            LocalDate arrival = LocalDate.parse(row.get("Arrival").asString());
            assertThat(title(stays.get(i))).startsWith(row.get("Name").asString())
                    .contains(arrival + " → " + arrival.plusDays(row.get("Length").asInt()))
                    .contains("room " + row.get("AssignedRoom").asString() + " ");
        }
    }

    @ParameterizedTest
    @MethodSource("fixturesWithoutAPlan")
    void aFailedRunHasNoChart(String fixture) {
        assertThatThrownBy(() -> Charts.reference(fixture)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OptimizedPlan");
    }

    @Test
    void barColoursSayLockedGroupedOrNew() {
        Document newStays = Charts.parse(SvgChart.render(Charts.reference("sample3.newres")));
        assertThat(Charts.groups(newStays, "new")).hasSize(3)
                .allSatisfy(g -> assertThat(title(g)).contains("new reservation"));
        assertThat(Charts.groups(newStays, "locked")).hasSize(5);
        assertThat(Charts.groups(newStays, "group")).hasSize(2);

        Document doc = Charts.parse(SvgChart.render(PlanFigure.of("hand-made", handMade())));
        assertThat(names(Charts.groups(doc, "locked"))).containsExactly("Lock");
        assertThat(names(Charts.groups(doc, "group"))).containsExactly("Pair A");
        assertThat(names(Charts.groups(doc, "locked-group"))).containsExactly("Pair B");
        // A label only one reservation carries forms no group (SPEC §4.5): a plain stay.
        assertThat(names(Charts.groups(doc, "plain"))).containsExactlyInAnyOrder("Alone in group 9",
                "Smith & <Jones> \"VIP\"", "Ünal 🛎 beep", "Mrs Bartholomew-Featherstonehaugh");
        assertThat(names(Charts.groups(doc, "new"))).isEmpty();
    }

    @Test
    void anyGuestNameGivesWellFormedSvg() {
        String svg = SvgChart.render(PlanFigure.of("Hotel <\"Zur Post\"> & Co", handMade()));
        Document doc = Charts.parse(svg);
        List<String> names = names(Charts.groups(doc, "stay"));
        assertThat(names).contains("Smith & <Jones> \"VIP\"", "Ünal 🛎 beep", "Lock");
        assertThat(doc.getDocumentElement().getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("Hotel <\"Zur Post\"> & Co");
    }

    @Test
    void namesAreDrawnOnBarsOnlyWhereTheyFit() {
        Document doc = Charts.parse(SvgChart.render(PlanFigure.of("labels", handMade())));
        Map<String, Element> byName = new HashMap<>();
        Charts.groups(doc, "stay").forEach(g -> byName.put(name(g), g));
        // "Pair A" has 4 nights of 44 px; the long name has one night.
        assertThat(texts(byName.get("Pair A"))).containsExactly("Pair A");
        assertThat(texts(byName.get("Mrs Bartholomew-Featherstonehaugh"))).isEmpty();
        // Where the whole name does not fit, nothing is drawn (no clipped names).
        for (Element g : Charts.groups(doc, "stay")) {
            for (String text : texts(g)) {
                assertThat(text).isEqualTo(name(g));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"sample1.fixedplan, 1", "sample2.fixedplan, 3", "sample3.fixedplan, 17", "sample4.fixedplan, 26",
            "sample5.fixedplan, 11", "sample6.fixedplan, 2"})
    void orphanNightsAreThoseTheObjectiveCounts(String fixture, int orphanNights) {
        Problem problem = Charts.problem(fixture);
        AssignmentProblem assignment = AssignmentProblem.standard(problem);
        RoomPlanChart chart = Charts.reference(fixture).panels().getFirst();

        assertThat(chart.orphanNights()).isEqualTo(orphanNights)
                .isEqualTo(PlanEvaluator.evaluate(assignment, assignment.currentPlan()).orphanNights());
        Document doc = Charts.parse(SvgChart.render(Charts.reference(fixture)));
        List<Element> orphans = Charts.groups(doc, "orphan");
        assertThat(orphans).hasSize(chart.orphanGaps().size());
        int drawn = orphans.stream().mapToInt(g -> Integer.parseInt(title(g).replaceAll(".*: (\\d+) orphan.*", "$1")))
                .sum();
        assertThat(drawn).isEqualTo(orphanNights);
    }

    @ParameterizedTest
    @CsvSource({"sample1.fixedplan", "sample4.fixedplan", "sample3", "sample6"})
    void restrictionLinesShowTheResultsDates(String fixture) {
        JsonNode result = Fixtures.referenceOutput(fixture);
        Document doc = Charts.parse(SvgChart.render(Charts.reference(fixture)));
        RoomPlanChart chart = Charts.reference(fixture).panels().getFirst();

        List<Element> closed = Charts.groups(doc, "closed");
        assertThat(closed.stream().filter(g -> title(g).endsWith("closed to arrival")).map(g -> title(g).substring(0, 10)))
                .containsExactlyInAnyOrderElementsOf(result.get("ClosedArrivals").propertyNames());
        assertThat(closed.stream().filter(g -> title(g).endsWith("closed to departure")).map(g -> title(g).substring(0, 10)))
                .containsExactlyInAnyOrderElementsOf(result.get("ClosedDepartures").propertyNames());

        // Runs of equal minimum stays: together they cover every night once, with the result's value.
        int nights = 0;
        for (Element g : Charts.groups(doc, "min-stay")) {
            String[] parts = title(g).split(": min stay ");
            String[] range = parts[0].split(" to ");
            LocalDate first = LocalDate.parse(range[0]);
            LocalDate last = LocalDate.parse(range[range.length - 1]);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                assertThat((int) result.get("MinStays").get(d.toString()).doubleValue())
                        .as(d.toString()).isEqualTo(Integer.parseInt(parts[1]));
                nights++;
            }
        }
        assertThat(nights).isEqualTo(chart.nights()).isEqualTo(result.get("MinStays").size());
        assertThat(Charts.groups(doc, "max-stay")).hasSize(result.get("MaxStays").size());
    }

    @Test
    void aResultWithoutRestrictionsDrawsNoRestrictionLines() {
        Document doc = Charts.parse(SvgChart.render(PlanFigure.of("plain", handMade())));
        assertThat(Charts.groups(doc, "closed")).isEmpty();
        assertThat(Charts.groups(doc, "min-stay")).isEmpty();
        assertThat(ChartLayout.of(PlanFigure.of("plain", handMade())).panels().getFirst().lineTops()).isEmpty();
    }

    /**
     * Three rooms of two types, 2027-03-01 to 03-08 (Mon to Mon): a locked stay, a group of two (one member
     * locked), a label carried once, awkward names, a one-night stay with a long name.
     */
    static RoomPlanChart handMade() {
        String json = """
                {"ProblemId": "hand", "RestrictionsForInitialPlan": true, "MinimumStay": 3,
                 "Rooms": [{"RoomNumber": "101", "RoomType": "Double", "AdjacentRooms": ["102"]},
                           {"RoomNumber": "102", "RoomType": "Double"},
                           {"RoomNumber": 201, "RoomType": "Suite"}],
                 "Reservations": [
                   {"Name": "Lock", "Arrival": "2027-03-01", "Length": 2, "AssignedRoom": "101", "IsLocked": true},
                   {"Name": "Pair A", "Arrival": "2027-03-03", "Length": 4, "AssignedRoom": "101", "AdjacencyGroup": "g"},
                   {"Name": "Pair B", "Arrival": "2027-03-03", "Length": 4, "AssignedRoom": "102", "AdjacencyGroup": "g",
                    "IsLocked": true},
                   {"Name": "Alone in group 9", "Arrival": "2027-03-01", "Length": 1, "AssignedRoom": "102",
                    "AdjacencyGroup": 9},
                   {"Name": "Smith & <Jones> \\"VIP\\"", "Arrival": "2027-03-01", "Length": 3, "AssignedRoom": 201},
                   {"Name": "Ünal 🛎\\u0007 beep", "Arrival": "2027-03-05", "Length": 1, "AssignedRoom": 201},
                   {"Name": "Mrs Bartholomew-Featherstonehaugh", "Arrival": "2027-03-07", "Length": 1,
                    "AssignedRoom": 201}]}
                """;
        Problem problem = ProblemReader.read(json).problem();
        AssignmentProblem assignment = AssignmentProblem.standard(problem);
        return RoomPlanChart.of(assignment, assignment.currentPlan(), ChartRestrictions.none(), "Plan");
    }

    static String title(Element g) {
        return g.getElementsByTagNameNS("*", "title").item(0).getTextContent();
    }

    /** The reservation name at the start of a stay's tooltip. */
    static String name(Element g) {
        return title(g).split(" · ")[0];
    }

    static List<String> names(List<Element> groups) {
        return groups.stream().map(SvgChartTest::name).toList();
    }

    static List<String> texts(Element g) {
        var nodes = g.getElementsByTagNameNS("*", "text");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }
}
