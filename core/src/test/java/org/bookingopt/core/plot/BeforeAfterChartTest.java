package org.bookingopt.core.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ParsedProblem;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plot.RoomPlanChart.Plan;
import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.run.RunResult;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import tools.jackson.databind.JsonNode;

/** A solved problem that came with a current plan: the initial plan above the optimized one. */
class BeforeAfterChartTest {
    private static ParsedProblem parsed;
    private static JsonNode result;

    @BeforeAll
    static void solve() {
        parsed = ProblemReader.read(HotelGenerator.generate(GeneratorSettings.builder(12, 21, 0.85, 2, 11)
                .currentPlan(true).build()).toJsonString());
        RunResult run = new Optimizer(new RoomFlowSolver()).run(parsed,
                SolverSettings.defaults().withTimeLimit(Duration.ofSeconds(20)), ProgressListener.NONE, Cancellation.none());
        assertThat(run.succeeded()).isTrue();
        result = run.json();
    }

    @Test
    void theInitialPlanIsDrawnAboveTheOptimizedOneAndMovedStaysAreMarked() {
        PlanFigure figure = PlanFigure.fromResult(parsed.problem(), result, "before/after");
        JsonNode initial = result.get("InitialPlan");
        JsonNode optimized = result.get("OptimizedPlan");
        int moved = 0;
        for (int i = 0; i < optimized.size(); i++) {
            if (!initial.get(i).get("AssignedRoom").equals(optimized.get(i).get("AssignedRoom"))) {
                moved++;
            }
        }
        assertThat(moved).isPositive();

        assertThat(figure.panels()).hasSize(2);
        assertThat(figure.panels().get(0).title()).isEqualTo("Initial plan");
        assertThat(figure.panels().get(1).title()).isEqualTo("Optimized plan · " + moved + " stays moved");
        assertThat(figure.panels().get(0).bars()).noneMatch(RoomPlanChart.Bar::moved);
        assertThat(figure.panels().get(1).bars()).filteredOn(RoomPlanChart.Bar::moved).hasSize(moved);
        // The panels' orphan nights are the result's: after, and before (the objective never rises).
        assertThat(figure.panels().get(1).orphanNights()).isEqualTo(result.get("OrphanNights").asInt());
        assertThat(figure.panels().get(0).orphanNights()).isGreaterThanOrEqualTo(figure.panels().get(1).orphanNights());
        // Only the minimum stays of the initial plan are published (InitialMinStays); the optimized plan has all four.
        assertThat(figure.panels().get(0).restrictions().lines()).containsExactly(ChartRestrictions.Line.MIN_STAY);
        assertThat(figure.panels().get(1).restrictions().lines()).hasSize(4);

        Document svg = Charts.parse(SvgChart.render(figure));
        assertThat(Charts.groups(svg, "panel")).hasSize(2);
        assertThat(Charts.groups(svg, "stay")).hasSize(2 * optimized.size());
        assertThat(Charts.groups(svg, "moved")).hasSize(moved);
        Charts.keep("generated-before-after.png", PngChart.render(figure));
    }

    @Test
    void eitherPlanAlone() {
        PlanFigure initial = PlanFigure.fromResult(parsed.problem(), result, Plan.INITIAL, "initial");
        PlanFigure optimized = PlanFigure.fromResult(parsed.problem(), result, Plan.OPTIMIZED, "optimized");
        assertThat(initial.panels()).singleElement().extracting(RoomPlanChart::title).isEqualTo("Initial plan");
        assertThat(optimized.panels()).singleElement().extracting(RoomPlanChart::title).isEqualTo("Optimized plan");
        assertThat(initial.panels().getFirst().bars()).extracting(RoomPlanChart.Bar::room)
                .isNotEqualTo(optimized.panels().getFirst().bars().stream().map(RoomPlanChart.Bar::room).toList());
    }

    @Test
    void aRestrictionsOnlyRunDrawsItsOnePlan() {
        PlanFigure figure = Charts.reference("sample4.fixedplan");
        assertThat(figure.panels()).singleElement().extracting(RoomPlanChart::title).isEqualTo("Plan (as given)");
    }
}
