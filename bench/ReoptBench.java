import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bookingopt.core.json.Json;
import org.bookingopt.core.json.ProblemReader;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.PlanChecker;
import org.bookingopt.core.plan.RoomPlan;
import org.bookingopt.core.reoptimize.MaxStayProber;
import org.bookingopt.core.reoptimize.ReOptimization;
import org.bookingopt.core.reoptimize.ReOptimizedPlanRows;
import org.bookingopt.core.restrictions.StayRestrictions;
import org.bookingopt.core.restrictions.StaysAvoided;
import org.bookingopt.core.solver.Assignment;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.ProgressListener;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.core.solver.SolverSettings;

/**
 * Times the phase after the assignment (issue 4's target): restrictions of the plan, re-optimized maximum
 * stays for every probed night, and the impact, on one plan per problem, several times. The assignment runs
 * once per problem and is not timed. Run by bench/reopt.sh.
 *
 * Usage: java -cp CORE_CLASSPATH bench/ReoptBench.java [--assign-seconds 60] [--runs 3] [--plans DIR] PROBLEM.json...
 *
 * With --plans, the assigned plan of PROBLEM.json is kept in DIR/PROBLEM.plan (rooms by stay index) and read
 * back on later runs instead of assigning again: the assignment is time-limited, so its plan depends on the
 * machine's load, and a before/after comparison of the phase needs the same plan on both sides.
 */
public class ReoptBench {
    public static void main(String[] args) throws Exception {
        int assignSeconds = 60;
        int runs = 3;
        List<Path> files = new ArrayList<>();
        Path plans = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--assign-seconds" -> assignSeconds = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--plans" -> plans = Path.of(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        System.out.println("| instance | rooms | stays | plan | nights probed | checks | median check ms | longer max stays "
                + "| budget-exhausted | settled by chains / LP / window / whole / open | phase s (runs) | median phase s | median phase CPU s | ReOptimizedPlans full / compact |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Path file : files) {
            AssignmentProblem problem = AssignmentProblem.standard(ProblemReader.read(Files.readString(file)).problem());
            Path kept = plans == null ? null : plans.resolve(file.getFileName().toString().replace(".json", ".plan"));
            RoomPlan plan;
            String planKind;
            if (kept != null && Files.exists(kept)) {
                String[] lines = Files.readString(kept).strip().split("\n");
                planKind = lines[0] + " (kept)";
                plan = new RoomPlan(Arrays.stream(lines[1].split(" ")).mapToInt(Integer::parseInt).toArray());
            } else {
                Assignment assignment = new RoomFlowSolver().solve(problem,
                        new SolverSettings(Duration.ofSeconds(assignSeconds), 2), ProgressListener.NONE, Cancellation.none());
                plan = assignment.hasPlan() ? assignment.plan() : problem.currentPlan();
                planKind = assignment.hasPlan() ? assignment.status().name() : "construction";
                if (kept != null && plan != null) {
                    Files.createDirectories(plans);
                    Files.writeString(kept, planKind + "\n" + Arrays.stream(plan.roomOfStay())
                            .mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(" ")) + "\n");
                }
            }
            if (plan == null || !PlanChecker.violations(problem, plan).isEmpty()) {
                System.out.println("| " + file.getFileName() + " | no valid plan |");
                continue;
            }
            double[] phase = new double[runs];
            double[] cpu = new double[runs]; // the process's CPU time: what the phase costs on an idle machine
            ReOptimization last = null;
            int probed = 0;
            for (int run = 0; run < runs; run++) {
                long started = System.nanoTime();
                long cpuStarted = processCpuNanos();
                StayRestrictions restrictions = StayRestrictions.derive(problem, plan);
                MaxStayProber prober = new MaxStayProber(problem, plan, restrictions);
                last = prober.probe(Duration.ofSeconds(120), ProgressListener.NONE, Cancellation.none());
                StayRestrictions reoptimized = restrictions.withProvenMaxStays(last.provenMaxStays());
                StaysAvoided.of(reoptimized);
                phase[run] = (System.nanoTime() - started) / 1e9;
                cpu[run] = (processCpuNanos() - cpuStarted) / 1e9;
                probed = prober.probedNights();
            }
            double[] sorted = phase.clone();
            Arrays.sort(sorted);
            double[] sortedCpu = cpu.clone();
            Arrays.sort(sortedCpu);
            int full = Json.MAPPER.writeValueAsBytes(ReOptimizedPlanRows.of(problem, plan, last.plans(), false)).length;
            int compact = Json.MAPPER.writeValueAsBytes(ReOptimizedPlanRows.of(problem, plan, last.plans(), true)).length;
            StringBuilder times = new StringBuilder();
            for (double p : phase) {
                times.append(times.isEmpty() ? "" : ", ").append(String.format("%.2f", p));
            }
            System.out.printf("| %s | %d | %d | %s | %d | %d | %.1f | %d | %d | %s | %s | %.2f | %.2f | %.1f MB / %.2f MB |%n",
                    file.getFileName().toString().replace(".json", ""), problem.roomCount(), problem.stays().size(),
                    planKind, probed, last.checks(), last.medianCheck().toNanos() / 1e6, last.provenMaxStays().size(),
                    last.budgetExhausted().size(),
                    Arrays.toString(last.settledBy()).replace(", ", " / ").replace("[", "").replace("]", ""), times, sorted[runs / 2], sortedCpu[runs / 2], full / 1e6, compact / 1e6);
        }
    }

    /** CPU time of the whole process (every thread, CP-SAT's and GLOP's native ones included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
