package org.bookingopt.core.plot;

import java.util.ArrayList;
import java.util.List;

import org.bookingopt.core.model.Problem;
import org.bookingopt.core.plot.RoomPlanChart.Bar;
import org.bookingopt.core.plot.RoomPlanChart.Plan;

import tools.jackson.databind.JsonNode;

/**
 * What one image shows: a title and one plan, or two (before and after, drawn one above the other at the
 * same scale).
 */
public record PlanFigure(String title, List<RoomPlanChart> panels) {
    public PlanFigure {
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs a plan");
        }
    }

    public static PlanFigure of(String title, RoomPlanChart chart) {
        return new PlanFigure(title, List.of(chart));
    }

    /**
     * The initial plan above the optimized one. Both list the same stays in the same order (as a result's
     * {@code InitialPlan} and {@code OptimizedPlan} do); the optimized panel marks the stays that moved.
     */
    public static PlanFigure beforeAfter(String title, RoomPlanChart initial, RoomPlanChart optimized) {
        if (initial.bars().size() != optimized.bars().size()) {
            throw new IllegalArgumentException("the two plans list different stays");
        }
        List<Bar> marked = new ArrayList<>();
        int moved = 0;
        for (int i = 0; i < optimized.bars().size(); i++) {
            Bar bar = optimized.bars().get(i);
            if (bar.room() != initial.bars().get(i).room()) {
                marked.add(bar.asMoved());
                moved++;
            } else {
                marked.add(bar);
            }
        }
        return new PlanFigure(title, List.of(initial,
                optimized.withBars(marked).withTitle(optimized.title() + " · " + moved
                        + (moved == 1 ? " stay moved" : " stays moved"))));
    }

    /**
     * The chart of a result for its problem: the optimized plan, below the initial plan when the result
     * carries one ({@code InitialPlan}: every stay had a room) and the run optimized it (not a
     * restrictions-only run, whose plan is the input plan).
     *
     * @throws IllegalArgumentException when the result has no plan (a failed run)
     */
    public static PlanFigure fromResult(Problem problem, JsonNode result, String title) {
        RoomPlanChart optimized = RoomPlanChart.fromResult(problem, result, Plan.OPTIMIZED);
        JsonNode initialRows = result.get(Plan.INITIAL.key());
        if (problem.restrictionsForInitialPlan() || initialRows == null || !initialRows.isArray()
                || initialRows.size() != optimized.bars().size()) {
            return of(title, problem.restrictionsForInitialPlan() ? optimized.withTitle("Plan (as given)") : optimized);
        }
        return beforeAfter(title, RoomPlanChart.fromResult(problem, result, Plan.INITIAL), optimized);
    }

    /** One plan of a result, e.g. for {@code plot.png?plan=initial}. */
    public static PlanFigure fromResult(Problem problem, JsonNode result, Plan which, String title) {
        return of(title, RoomPlanChart.fromResult(problem, result, which));
    }

    /** Whether this is a before/after figure. */
    public boolean comparesPlans() {
        return panels.size() == 2;
    }
}
