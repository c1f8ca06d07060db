package org.bookingopt.core.solver;

import java.time.Duration;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;

/** Generated 60 × 60 typed hotels with 3% locked stays, and their relaxation: shared by the solver tests. */
final class TypedHotels {
    private TypedHotels() {
    }

    static AssignmentProblem withGroups(long seed, double groupShare) {
        String json = HotelGenerator.generate(GeneratorSettings.builder(60, 60, 0.85, 3, seed)
                .groupShare(groupShare).lockedShare(0.03).build()).toJsonString();
        return AssignmentProblem.standard(ProblemReader.read(json).problem());
    }

    static LayeredFlowModel.Solution relaxation(AssignmentProblem problem) {
        try (LayeredFlowModel relaxation = new LayeredFlowModel(problem, RoomFlowSolver.typeLayers(problem), false,
                RoomFlowSolver.DEFAULT_MILP)) {
            return relaxation.solve(Duration.ofSeconds(60), 1, Cancellation.none());
        }
    }
}
