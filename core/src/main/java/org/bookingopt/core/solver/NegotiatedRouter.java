package org.bookingopt.core.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bookingopt.core.model.Schedule;
import org.bookingopt.core.plan.AssignmentProblem;
import org.bookingopt.core.plan.Stay;

/**
 * The same routes as {@link LockRouter}'s model (a path through the relaxation's flow from each pinned stay of a
 * room to its next one, and an entry unit into its first), found without a solver: each route is a shortest path
 * through its layer's flow, one at a time, and routes that share a count the flow cannot give them all are routed
 * again with that count priced higher, round after round ("negotiated congestion", as routers of circuit boards
 * do). Memory and time grow with routes × days, not with routes × flow arcs as the model's do: on 300 × 180 typed
 * hotels (478 locks) the model passed 400k variables and was skipped.
 *
 * <p>Resources, each with the count the flow gives it: a gap arc (d, a); the free pool's exits on a day; the
 * layer's unpinned stays of the same dates (interchangeable for the flow). Waiting in the free pool is not
 * counted, as in the model. Routes still sharing a count when the rounds end are dropped, later ones first,
 * until every count holds: the decomposition then does its best for those.
 */
final class NegotiatedRouter {
    /** Rounds of rerouting before the routes still in conflict are dropped. */
    static final int ROUNDS = 60;
    private static final double UNREACHABLE = Double.POSITIVE_INFINITY;
    /** The base price of a day waiting in the pool, against 1 for taking a gap arc, a pool exit or a stay. */
    private static final double WAITING = 0.1;

    private final AssignmentProblem problem;
    private final List<Integer> counts = new ArrayList<>();
    private final List<Double> bases = new ArrayList<>();
    private final double[] base;
    private final int[] capacity;
    private final int[] usage;
    private final double[] history;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<List<Stay>> staysOfResource = new ArrayList<>();
    private double presentFactor = 0.5;

    /** One route: a window from a pin's departure to the next pin's arrival, or an entry into a first pin. */
    private static final class Route {
        final int room;
        final Stay from;  // null for an entry
        final Stay to;
        final Layer layer;
        int[] resources = new int[0];
        int entryClass;   // for an entry: the departure day of its gap arc, or LockRouter.POOL

        Route(int room, Stay from, Stay to, Layer layer) {
            this.room = room;
            this.from = from;
            this.to = to;
            this.layer = layer;
        }
    }

    /** A layer's flow as resources: arcs out of each departure day, stays out of each arrival day, pool exits. */
    private final class Layer {
        final Map<Integer, List<int[]>> gapsFrom = new HashMap<>();  // d → {a, resource}
        final Map<Integer, List<int[]>> staysFrom = new HashMap<>(); // a → {d, resource}
        final Map<Integer, Integer> poolExit = new HashMap<>();      // x → resource
        final Map<Integer, List<int[]>> gapsInto = new HashMap<>();  // a → {d, resource}
        final Map<Integer, Integer> poolStay = new HashMap<>();      // x → resource
        final Map<Integer, Integer> maturing = new HashMap<>();      // d → resource

        Layer(LayeredFlowModel.LayerFlow flow, int rooms, List<Stay> stays, List<Stay> departing) {
            flow.direct().forEach((key, n) -> {
                if (n > 0) {
                    int d = (int) (key >> 32);
                    int a = (int) (long) key;
                    int r = resource(n, 1, List.of());
                    gapsFrom.computeIfAbsent(d, x -> new ArrayList<>()).add(new int[] {a, r});
                    gapsInto.computeIfAbsent(a, x -> new ArrayList<>()).add(new int[] {d, r});
                }
            });
            Map<Integer, Integer> pool = new TreeMap<>();
            flow.waitExit().forEach((x, n) -> pool.merge(x, n, Integer::sum));
            flow.fromSource().forEach((x, n) -> pool.merge(x, n, Integer::sum));
            pool.forEach((x, n) -> {
                if (n > 0) {
                    poolExit.put(x, resource(n, 1, List.of()));
                }
            });
            addPoolStays(flow, rooms, departing, pool);
            Map<Long, List<Stay>> byDates = new TreeMap<>();
            for (Stay s : stays) {
                byDates.computeIfAbsent(LayeredFlowModel.LayerFlow.key(s.arrival(), s.departure()),
                        k -> new ArrayList<>()).add(s);
            }
            byDates.forEach((key, same) -> {
                // Members of groups last: a route's room is fixed, a member's is better left to the seating.
                same.sort(Comparator.comparingInt((Stay s) -> s.group() >= 0 ? 1 : 0).thenComparingInt(Stay::index));
                int r = resource(same.size(), 1, same);
                staysFrom.computeIfAbsent((int) (key >> 32), x -> new ArrayList<>())
                        .add(new int[] {(int) (long) key, r});
            });
            // Sorted so that ties between equal paths break the same way on every run.
            gapsFrom.values().forEach(l -> l.sort(Comparator.comparingInt((int[] x) -> x[0])));
            gapsInto.values().forEach(l -> l.sort(Comparator.comparingInt((int[] x) -> x[0])));
            staysFrom.values().forEach(l -> l.sort(Comparator.comparingInt((int[] x) -> x[0])));
        }

        /**
         * A room that waits in the free pool through day x, instead of leaving it, needs another free unit to
         * take each of the pool's exits that day: the pool holds the rooms never used yet, and those whose
         * departure d, not sent on by a gap arc, is at least freeFrom(d) nights back; what the exits leave
         * of it is what routes may keep waiting there. Without this count the decomposition ran out of free
         * units on such days and left the flow (300 × 180 typed: +7.9 over the bound with every route found).
         */
        private void addPoolStays(LayeredFlowModel.LayerFlow flow, int rooms, List<Stay> departing,
                                  Map<Integer, Integer> exits) {
            Schedule schedule = problem.schedule();
            Map<Integer, Integer> undirected = new TreeMap<>(); // departures not sent on by a gap arc
            int last = 0;
            for (Stay s : departing) {
                undirected.merge(s.departure(), 1, Integer::sum);
                last = Math.max(last, s.departure());
            }
            flow.direct().forEach((key, n) -> undirected.merge((int) (key >> 32), -n, Integer::sum));
            Map<Integer, Integer> matured = new HashMap<>();
            undirected.forEach((d, n) -> {
                // A route's room leaving d without a gap arc takes one of these: the units the gap arcs need
                // must be left to the others.
                maturing.put(d, resource(Math.max(0, n), WAITING, List.of()));
                matured.merge(d + GapArcs.freeFrom(schedule, d), n, Integer::sum);
            });
            int inPool = rooms;
            for (int x = 0; x <= last; x++) {
                inPool += matured.getOrDefault(x, 0) - exits.getOrDefault(x, 0);
                poolStay.put(x, resource(Math.max(0, inPool), WAITING, List.of()));
            }
        }
    }

    private NegotiatedRouter(AssignmentProblem problem, List<LayeredFlowModel.Layer> layerList,
                             LayeredFlowModel.Solution relaxed, Map<Integer, List<Stay>> pinsOfRoom) {
        int layerCount = layerList.size();
        this.problem = problem;
        for (int l = 0; l < layerCount; l++) {
            List<Stay> stays = new ArrayList<>();
            List<Stay> departing = new ArrayList<>();
            for (Stay s : problem.stays()) {
                if (relaxed.layerOfStay()[s.index()] == l) {
                    departing.add(s);
                    if (!s.isPinned()) {
                        stays.add(s);
                    }
                }
            }
            layers.add(new Layer(relaxed.flows().get(l), layerList.get(l).capacity(), stays, departing));
        }
        this.capacity = counts.stream().mapToInt(Integer::intValue).toArray();
        this.base = bases.stream().mapToDouble(Double::doubleValue).toArray();
        this.usage = new int[capacity.length];
        this.history = new double[capacity.length];
        pinsOfRoom.forEach((room, pins) -> {
            Layer layer = layers.get(relaxed.layerOfStay()[pins.get(0).index()]);
            routes.add(new Route(room, null, pins.get(0), layer));
            for (int i = 1; i < pins.size(); i++) {
                routes.add(new Route(room, pins.get(i - 1), pins.get(i), layer));
            }
        });
    }

    private int resource(int count, double base, List<Stay> stays) {
        counts.add(count);
        bases.add(base);
        staysOfResource.add(stays);
        return counts.size() - 1;
    }

    /** @param deadline System.nanoTime() after which no further round starts */
    static LockRouter.Routes route(AssignmentProblem problem, List<LayeredFlowModel.Layer> layers,
                                   LayeredFlowModel.Solution relaxed, long deadline, Cancellation cancellation) {
        NegotiatedRouter router = new NegotiatedRouter(problem, layers, relaxed, LockRouter.pinsOfRoom(problem));
        router.negotiate(deadline, cancellation);
        return router.routes();
    }

    private void negotiate(long deadline, Cancellation cancellation) {
        for (Route r : routes) {
            reroute(r);
        }
        for (int round = 1; round < ROUNDS && overused(); round++) {
            if (System.nanoTime() > deadline || cancellation.isCancelled()) {
                break;
            }
            for (int i = 0; i < capacity.length; i++) {
                if (usage[i] > capacity[i]) {
                    history[i] += usage[i] - capacity[i];
                }
            }
            presentFactor *= 1.5;
            for (Route r : routes) {
                if (usesOverused(r)) {
                    reroute(r);
                }
            }
        }
    }

    private boolean overused() {
        for (int i = 0; i < capacity.length; i++) {
            if (usage[i] > capacity[i]) {
                return true;
            }
        }
        return false;
    }

    private boolean usesOverused(Route r) {
        for (int i : r.resources) {
            if (usage[i] > capacity[i]) {
                return true;
            }
        }
        return false;
    }

    /** The price of taking one more of a resource: higher the more it is, and has been, over its count. */
    private double price(int resource) {
        int over = Math.max(0, usage[resource] + 1 - capacity[resource]);
        return (base[resource] + history[resource]) * (1 + presentFactor * over);
    }

    private void reroute(Route r) {
        for (int i : r.resources) {
            usage[i]--;
        }
        r.resources = r.from == null ? entry(r) : window(r);
        for (int i : r.resources) {
            usage[i]++;
        }
    }

    /** The cheapest unit into the first pin's arrival pool: a gap arc into it or a free-pool exit. */
    private int[] entry(Route r) {
        int a = r.to.arrival();
        int best = -1;
        double bestPrice = UNREACHABLE;
        Integer pool = r.layer.poolExit.get(a);
        if (pool != null) {
            best = pool;
            bestPrice = price(pool);
            r.entryClass = LockRouter.POOL;
        }
        for (int[] g : r.layer.gapsInto.getOrDefault(a, List.of())) {
            if (price(g[1]) < bestPrice) {
                best = g[1];
                bestPrice = price(g[1]);
                r.entryClass = g[0];
            }
        }
        return best < 0 ? new int[0] : new int[] {best};
    }

    /**
     * The cheapest path from D[from.departure] to A[to.arrival], by days: on each day first the departure pool,
     * then the waiting chain, then the arrival pool (gap arcs of 0 nights go D[x] → A[x]).
     */
    private int[] window(Route r) {
        Schedule schedule = problem.schedule();
        int start = r.from.departure();
        int end = r.to.arrival();
        int days = end - start + 1;
        double[][] dist = new double[3][days]; // 0: D, 1: W, 2: A
        int[][] viaResource = new int[3][days];
        int[][] viaNode = new int[3][days];    // kind * days + offset of the predecessor, -1 at the start
        for (double[] row : dist) {
            Arrays.fill(row, UNREACHABLE);
        }
        dist[0][0] = 0;
        viaNode[0][0] = -1;
        for (int x = 0; x < days; x++) {
            int day = start + x;
            if (dist[0][x] < UNREACHABLE) {
                for (int[] g : r.layer.gapsFrom.getOrDefault(day, List.of())) {
                    relax(dist, viaResource, viaNode, 0, x, 2, g[0] - start, g[1], days);
                }
                relax(dist, viaResource, viaNode, 0, x, 1, x + GapArcs.freeFrom(schedule, day),
                        r.layer.maturing.getOrDefault(day, -1), days);
            }
            if (dist[1][x] < UNREACHABLE) {
                relax(dist, viaResource, viaNode, 1, x, 1, x + 1, r.layer.poolStay.getOrDefault(day, -1), days);
                Integer pool = r.layer.poolExit.get(day);
                if (pool != null) {
                    relax(dist, viaResource, viaNode, 1, x, 2, x, pool, days);
                }
            }
            if (dist[2][x] < UNREACHABLE && x < days - 1) {
                for (int[] s : r.layer.staysFrom.getOrDefault(day, List.of())) {
                    relax(dist, viaResource, viaNode, 2, x, 0, s[0] - start, s[1], days);
                }
            }
        }
        if (dist[2][days - 1] == UNREACHABLE) {
            return new int[0];
        }
        List<Integer> used = new ArrayList<>();
        for (int node = 2 * days + days - 1; node != 0; ) { // node 0 is D[start]
            int kind = node / days;
            int x = node % days;
            if (viaResource[kind][x] >= 0) {
                used.add(viaResource[kind][x]);
            }
            node = viaNode[kind][x];
        }
        return used.stream().mapToInt(Integer::intValue).toArray();
    }

    private void relax(double[][] dist, int[][] viaResource, int[][] viaNode, int fromKind, int fromX, int toKind,
                       int toX, int resource, int days) {
        if (toX < fromX || toX >= days) {
            return;
        }
        double d = dist[fromKind][fromX] + (resource < 0 ? 0 : price(resource));
        if (d < dist[toKind][toX]) {
            dist[toKind][toX] = d;
            viaResource[toKind][toX] = resource;
            viaNode[toKind][toX] = fromKind * days + fromX;
        }
    }

    /** Routes kept in order while every count they take still holds; the others count as broken. */
    private LockRouter.Routes routes() {
        int[] roomOfStay = new int[problem.stays().size()];
        Arrays.fill(roomOfStay, -1);
        Map<Integer, Integer> entryOf = new HashMap<>();
        Set<Integer> routed = new HashSet<>();
        int[] kept = new int[capacity.length];
        int broken = 0;
        for (Route r : routes) {
            boolean fits = r.resources.length > 0;
            for (int i : r.resources) {
                fits &= kept[i] < capacity[i];
            }
            if (!fits) {
                broken++;
                continue;
            }
            for (int i : r.resources) {
                List<Stay> stays = staysOfResource.get(i);
                if (!stays.isEmpty()) {
                    roomOfStay[stays.get(kept[i]).index()] = r.room;
                }
                kept[i]++;
            }
            routed.add(r.to.index());
            if (r.from == null) {
                entryOf.put(r.to.index(), r.entryClass);
            }
        }
        return new LockRouter.Routes(roomOfStay, entryOf, routed, broken, routes.size());
    }
}
