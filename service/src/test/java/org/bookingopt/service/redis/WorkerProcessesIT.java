package org.bookingopt.service.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.bookingopt.core.generate.GeneratorSettings;
import org.bookingopt.core.generate.HotelGenerator;
import org.bookingopt.core.json.Json;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.testing.ChildProcess;
import org.bookingopt.service.testing.Fixtures;
import org.bookingopt.service.testing.RedisNode;
import org.bookingopt.service.testing.RedisServerProcess;
import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ObjectNode;

/**
 * Real worker processes ({@code java -jar bookingopt.jar serve --role worker}, the packaged jar) on a real
 * Redis; this JVM submits and reads jobs through the same job service an api node runs. A worker is killed
 * with SIGKILL mid-solve; the test's own Redis (AOF on) is killed and restarted under queued and running jobs.
 */
class WorkerProcessesIT {
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration HEARTBEAT = Duration.ofMillis(500);
    /** The solve of the large problem runs until its time limit (it finds no plan sooner on one thread). */
    private static final int SOLVE_SECONDS = 5;
    private static final Duration WAIT = Duration.ofSeconds(10).plus(LEASE).plusSeconds(2 * SOLVE_SECONDS);
    /** JVMs starting at once on a busy shared 2-core machine (seen: over 60 s at a load of 15). */
    private static final Duration START = Duration.ofSeconds(240);

    @TempDir
    Path dir;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private ChildProcess worker(String name, int redisPort, String prefix, Duration lease, int threads)
            throws Exception {
        ChildProcess worker = ChildProcess.bookingopt(name, dir, List.of("--role", "worker",
                "--spring.data.redis.timeout=2s",
                "--bookingopt.backend=redis", "--spring.data.redis.port=" + redisPort,
                "--bookingopt.redis.key-prefix=" + prefix, "--bookingopt.jobs.worker-name=" + name,
                "--bookingopt.jobs.workers=" + threads, "--bookingopt.jobs.solver-threads=1",
                "--bookingopt.jobs.lease=" + lease.toMillis() + "ms",
                "--bookingopt.jobs.heartbeat=" + HEARTBEAT.toMillis() + "ms"));
        toClose.add(worker);
        return worker;
    }

    private static String largeProblem(String problemId) {
        ObjectNode problem = (ObjectNode) Json.MAPPER.readTree(
                HotelGenerator.generate(GeneratorSettings.of(150, 120, 0.9, 3, 1)).toJsonString());
        problem.put("ProblemId", problemId);
        problem.put("TimeLimitSeconds", SOLVE_SECONDS);
        return problem.toString();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Waits for every job to finish; returns them. */
    private static Map<String, Job> awaitAll(RedisNode api, List<String> ids) throws InterruptedException {
        Map<String, Job> done = new HashMap<>();
        for (String id : ids) {
            await("job " + id + " to finish", () -> api.jobs.get(id).isFinished());
            done.put(id, api.jobs.get(id));
        }
        return done;
    }

    @Test
    void aWorkerKilledMidSolveLosesNoJob() throws Exception {
        TestRedis redis = TestRedis.shared();
        String prefix = redis.newPrefix();
        RedisNode api = new RedisNode(redis.template(), prefix, "api", 3, LEASE, HEARTBEAT);
        toClose.add(api);
        Map<String, ChildProcess> workers = new HashMap<>();
        for (String name : List.of("w1", "w2")) {
            workers.put(name, worker(name, TestRedis.SHARED_PORT, prefix, LEASE, 1));
        }
        for (ChildProcess w : workers.values()) {
            w.awaitLog("job worker(s) started", START);
        }

        List<String> ids = new ArrayList<>();
        String large = api.jobs.submit(largeProblem("large"), "ann", JobPriority.HIGH).id();
        ids.add(large);
        await("the large job to be solving", () -> api.jobs.get(large).status() == JobStatus.RUNNING
                && api.jobs.get(large).progress() > 0);
        for (int i = 0; i < 4; i++) {
            ids.add(api.jobs.submit(Fixtures.withProblemId("sample1.json", "small-" + i).toString(), "bob").id());
        }
        String victim = api.jobs.get(large).worker();
        long killed = System.nanoTime();
        workers.get(victim).kill();

        Map<String, Job> done = awaitAll(api, ids);

        Job largeDone = done.get(large);
        System.out.printf("SIGKILL of %s to the large job done on %s: %d ms (lease %d ms, solve %d s)%n", victim,
                largeDone.worker(), Duration.ofNanos(System.nanoTime() - killed).toMillis(), LEASE.toMillis(),
                SOLVE_SECONDS);
        assertThat(done.values()).allSatisfy(job -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED));
        assertThat(largeDone.attempt()).as("run again once").isEqualTo(2);
        assertThat(largeDone.worker()).isNotEqualTo(victim);
        int duplicateRuns = done.values().stream().mapToInt(job -> job.attempt() - 1).sum();
        assertThat(duplicateRuns).as("only the killed run was repeated").isEqualTo(1);
        assertThat(api.queue.size()).isZero();
        assertThat(redis.template().opsForHash().size(prefix + "queue:entries")).as("every entry acknowledged")
                .isZero();
        assertThat(redis.template().hasKey(api.queue.deadLetterKey())).isFalse();
    }

    @Test
    void aRedisRestartUnderQueuedAndRunningJobsLosesNothing() throws Exception {
        RedisServerProcess server = new RedisServerProcess(dir);
        toClose.add(server);
        server.start();
        TestRedis redis = new TestRedis(server.port());
        toClose.add(redis);
        String prefix = redis.newPrefix();
        Duration lease = Duration.ofSeconds(5); // longer than the outage: the live worker keeps its job
        RedisNode api = new RedisNode(redis.template(), prefix, "api", 3, lease, HEARTBEAT);
        toClose.add(api);
        // Two worker threads: one solves the large job through the outage, the other polls the queue.
        ChildProcess worker = worker("w1", server.port(), prefix, lease, 2);
        worker.awaitLog("job worker(s) started", START);

        List<String> ids = new ArrayList<>();
        String large = api.jobs.submit(largeProblem("large"), "ann", JobPriority.HIGH).id();
        ids.add(large);
        for (int i = 0; i < 4; i++) {
            ids.add(api.jobs.submit(Fixtures.withProblemId("sample1.json", "small-" + i).toString(), "bob").id());
        }
        await("the large job to be solving", () -> api.jobs.get(large).status() == JobStatus.RUNNING);

        server.kill();
        Thread.sleep(2000); // longer than the worker's command timeout: its polls, heartbeats and writes fail
        server.start();

        Map<String, Job> done = awaitAll(api, ids);

        assertThat(done.values()).allSatisfy(job -> assertThat(job.status()).isEqualTo(JobStatus.COMPLETED));
        assertThat(done.get(large).attempt()).as("the live worker kept its job").isEqualTo(1);
        assertThat(worker.isAlive()).isTrue();
        await("every entry to be acknowledged", () -> redis.template().opsForHash()
                .size(prefix + "queue:entries") == 0);
        String afterRestart = api.jobs.submit(Fixtures.withProblemId("sample1.json", "after").toString(), "bob").id();
        assertThat(awaitAll(api, List.of(afterRestart)).get(afterRestart).status()).as("consumer resumed")
                .isEqualTo(JobStatus.COMPLETED);
        assertThat(worker.log()).as("the worker's connection really broke").contains("Reconnected to");
    }
}
