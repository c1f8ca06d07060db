package org.bookingopt.service.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.bookingopt.core.run.Optimizer;
import org.bookingopt.core.solver.Cancellation;
import org.bookingopt.core.solver.RoomFlowSolver;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.RedisNode;
import org.bookingopt.service.testing.ScriptedSolver;
import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;

import tools.jackson.databind.node.ObjectNode;

/**
 * Several "processes" (job service, queue consumer and, where a test says so, workers, each under its own
 * worker name) on the real shared Redis, in one JVM: leases, take-over, fencing, dead letters, cancellation
 * across nodes. Real worker processes killed with SIGKILL are in {@code WorkerProcessesIT}.
 */
class RedisWorkersTest {
    private static final TestRedis redis = TestRedis.shared();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofMillis(1000);
    private static final Duration HEARTBEAT = Duration.ofMillis(250);

    private final String prefix = redis.newPrefix();
    private final ScriptedSolver solver = new ScriptedSolver(new RoomFlowSolver());
    private final List<RedisNode> nodes = new ArrayList<>();

    private RedisNode node(String name, int maxAttempts) {
        RedisNode node = new RedisNode(redis.template(), prefix, name, maxAttempts, LEASE, HEARTBEAT);
        nodes.add(node);
        return node;
    }

    private RedisNode worker(String name) {
        return node(name, 3).withWorkers(new Optimizer(solver));
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(RedisNode::close);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.plus(LEASE).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Job awaitFinished(RedisNode node, String id) {
        await("job " + id + " to finish", () -> node.jobs.get(id).isFinished());
        return node.jobs.get(id);
    }

    /** A "dead" worker: takes the job and starts it, then never renews its lease nor reports. */
    private static Job takeAndDie(RedisNode node, String id) throws InterruptedException {
        assertThat(node.queue.poll(WAIT.plus(LEASE))).isEqualTo(id);
        return node.jobs.start(id, new Cancellation()).orElseThrow();
    }

    @Test
    void aLiveWorkerKeepsItsJobThroughManyLeasesWhileAnotherWorkerWaits() {
        RedisNode api = node("api", 3);
        RedisNode a = worker("worker-a");
        ObjectNode problem = Fixtures.withProblemId("sample1.json", "hold-live");
        problem.put("TimeLimitSeconds", 4); // four leases long
        String id = api.jobs.submit(problem.toString(), "ann").id();
        await("worker a to run it", () -> solver.isHolding("hold-live"));
        worker("worker-b");

        Job done = awaitFinished(api, id);

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.attempt()).as("never taken over").isEqualTo(1);
        assertThat(done.worker()).isEqualTo("worker-a");
        assertThat(solver.wasStoppedByCancel("hold-live")).isFalse();
        assertThat(a.queue.size()).isZero();
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverAndTheDeadRunsLateResultIsDropped() throws Exception {
        RedisNode api = node("api", 3);
        RedisNode dead = node("worker-dead", 3);
        String id = api.jobs.submit(Fixtures.text("sample1.json"), "ann").id();
        Job first = takeAndDie(dead, id);
        assertThat(first.attempt()).isEqualTo(1);
        long died = System.nanoTime();

        worker("worker-b");
        Job done = awaitFinished(api, id);

        assertThat(Duration.ofNanos(System.nanoTime() - died)).as("taken over after the lease")
                .isGreaterThanOrEqualTo(LEASE);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.worker()).isEqualTo("worker-b");
        assertThat(done.result().get("success").asBoolean()).isTrue();

        // The first worker was only slow: its result comes now, and must change nothing.
        ObjectNode late = done.result().deepCopy().put("late", true);
        dead.jobs.complete(id, first.attempt(), late, Duration.ofSeconds(1));
        dead.jobs.fail(id, first.attempt(), "late failure", Duration.ofSeconds(1));
        assertThat(api.jobs.get(id)).isEqualTo(done);
        assertThat(dead.queue.renew(id)).as("its lease is gone").isFalse();
    }

    @Test
    void afterMaxAttemptsTheJobFailsWithTheReasonAndGoesToTheDeadLetters() throws Exception {
        RedisNode api = node("api", 2);
        String id = api.jobs.submit(Fixtures.text("sample1.json"), "ann").id();
        takeAndDie(node("worker-1", 2), id);
        Job second = takeAndDie(node("worker-2", 2), id);
        assertThat(second.attempt()).isEqualTo(2);

        RedisNode third = node("worker-3", 2);
        assertThat(third.queue.poll(WAIT.plus(LEASE))).isEqualTo(id);
        assertThat(third.jobs.start(id, new Cancellation())).as("not run a third time").isEmpty();

        Job failed = api.jobs.get(id);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).contains("Given up after 2 attempts", "worker-2");
        List<MapRecord<String, Object, Object>> dead = redis.template().opsForStream()
                .read(StreamOffset.fromStart(third.queue.deadLetterKey()));
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().getValue()).containsEntry("job", id).containsEntry("worker", "worker-3");
        assertThat(third.queue.poll(LEASE.multipliedBy(2))).as("never handed out again").isNull();
        assertThat(api.store.list("ann", JobStatus.FAILED, Long.MAX_VALUE, 10)).extracting(Job::id).containsExactly(id);
    }

    @Test
    void aCancelOnAnApiNodeStopsTheRunOnTheWorkerNode() {
        RedisNode api = node("api", 3);
        worker("worker-a");
        String id = api.jobs.submit(Fixtures.withProblemId("sample1.json", "hold-cancel").toString(), "ann").id();
        await("the worker to run it", () -> solver.isHolding("hold-cancel"));

        long cancelled = System.nanoTime();
        api.jobs.cancel(id, "ann");
        await("the run to stop", () -> solver.wasStoppedByCancel("hold-cancel"));

        Duration latency = Duration.ofNanos(System.nanoTime() - cancelled);
        System.out.printf("cancel on the api node to the run stopped on the worker node: %d ms%n", latency.toMillis());
        assertThat(latency).isLessThan(WAIT);
        assertThat(api.jobs.get(id).status()).isEqualTo(JobStatus.CANCELLED);
        await("the queue entry to be released", () -> redis.template().opsForHash()
                .size(prefix + "queue:entries") == 0);
    }

    @Test
    void aWorkerShuttingDownReleasesItsRunningJobToAnotherWorker() {
        RedisNode api = node("api", 3);
        RedisNode leaving = worker("worker-leaving");
        ObjectNode problem = Fixtures.withProblemId("sample1.json", "hold-release");
        problem.put("TimeLimitSeconds", 1);
        String id = api.jobs.submit(problem.toString(), "ann").id();
        await("the leaving worker to run it", () -> solver.isHolding("hold-release"));
        worker("worker-staying");

        leaving.close(); // shutdown: grace 200 ms, then its run is stopped and the job released

        Job done = awaitFinished(api, id);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.worker()).isEqualTo("worker-staying");
        assertThat(done.attempt()).isEqualTo(2);
    }

    @Test
    void followersOnAnApiNodeSeeTheProgressAWorkerNodeMakes() throws Exception {
        RedisNode api = node("api", 3);
        String id = api.jobs.submit(Fixtures.withProblemId("sample1.json", "hold-follow").toString(), "ann").id();
        List<Job> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable follow = api.events.subscribe(id, seen::add)) {
            worker("worker-a");
            await("the api node to hear of the run", () -> {
                api.jobs.refreshFollowed(); // as its scheduler does every 250 ms
                return seen.stream().anyMatch(j -> j.status() == JobStatus.RUNNING && j.progress() > 0);
            });
        }
        api.jobs.cancel(id, "ann");
    }

    @Test
    void highPriorityJobsRunFirstAcrossProcesses() {
        RedisNode api = node("api", 3);
        String low = api.jobs.submit(Fixtures.text("sample1.json"), "ann", JobPriority.LOW).id();
        String high = api.jobs.submit(Fixtures.text("sample1.json"), "ann", JobPriority.HIGH).id();
        worker("worker-a");

        Job lowDone = awaitFinished(api, low);
        Job highDone = awaitFinished(api, high);

        assertThat(highDone.startedAt()).isBefore(lowDone.startedAt());
    }
}
