package org.bookingopt.service.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bookingopt.core.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/**
 * What every {@link JobStore} must do. A test class per implementation extends this and supplies a fresh,
 * empty store.
 */
public abstract class JobStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    protected JobStore store;

    /** A new store with no jobs. */
    protected abstract JobStore newStore();

    @BeforeEach
    protected void setUp() {
        store = newStore();
    }

    protected static Job queued(String owner) {
        return Job.queued(UUID.randomUUID().toString(), owner, Json.NODES.stringNode("p-" + owner), "{\"x\": 1}", T0);
    }

    @Test
    void createdJobsAreFoundWithEveryFieldAndIncreasingSeq() {
        Job a = store.create(queued("ann"), NO_LIMIT).orElseThrow();
        Job b = store.create(queued("ann"), NO_LIMIT).orElseThrow();

        assertThat(b.seq()).isGreaterThan(a.seq());
        assertThat(store.find(a.id())).contains(a);
        assertThat(a.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(a.input()).isEqualTo("{\"x\": 1}");
        assertThat(a.createdAt()).isEqualTo(T0);
        assertThat(store.find("no-such-id")).isEmpty();
    }

    @Test
    void everyFieldSurvivesAnUpdate() {
        Job a = store.create(queued("ann"), NO_LIMIT).orElseThrow();
        ObjectNode wrapper = Json.NODES.objectNode().put("success", true);
        wrapper.putObject("result").put("Objective", 33.5).putArray("List").add(1).add("two");

        Job done = store.update(a.id(), j -> j.started(T0.plusSeconds(1)).withProgress(40, "assign")
                .completed(wrapper, T0.plusSeconds(2))).orElseThrow();

        Job found = store.find(a.id()).orElseThrow();
        assertThat(found).isEqualTo(done);
        assertThat(found.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(found.result()).isEqualTo(wrapper);
        assertThat(found.problemId()).isEqualTo(Json.NODES.stringNode("p-ann"));
        assertThat(found.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(found.completedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(found.input()).as("kept with the result, for charts").isEqualTo(a.input());
        assertThat(found.seq()).isEqualTo(a.seq());
    }

    @Test
    void anUpdateBumpsTheVersionAndReturningTheSameJobChangesNothing() {
        Job a = store.create(queued("ann"), NO_LIMIT).orElseThrow();

        Job same = store.update(a.id(), j -> j).orElseThrow();
        Job changed = store.update(a.id(), j -> j.withProgress(5, "validate")).orElseThrow();

        assertThat(same.version()).isEqualTo(a.version());
        assertThat(changed.version()).isEqualTo(a.version() + 1);
        assertThat(changed.progress()).isEqualTo(5);
        assertThat(store.update("no-such-id", j -> j.withProgress(5, "x"))).isEmpty();
    }

    @Test
    void anUpdateFromAnOutdatedCopyAppliesTheChangeToTheJobAsStored() {
        Job a = store.create(queued("ann"), NO_LIMIT).orElseThrow();
        Job current = store.update(a.id(), j -> j.withProgress(5, "validate")).orElseThrow();

        Job fromOutdated = store.update(a, j -> j.withProgress(j.progress() + 1, "assign")).orElseThrow();
        Job fromCurrent = store.update(fromOutdated, j -> j.withProgress(j.progress() + 1, "assign")).orElseThrow();
        // "No change" for the outdated copy (progress 0) is not the answer: the job as stored has progress 7.
        Job decidedOnStored = store.update(a, j -> j.progress() > 0 ? j.withProgress(8, "restrictions") : j)
                .orElseThrow();

        assertThat(current.version()).isEqualTo(a.version() + 1);
        assertThat(fromOutdated.progress()).isEqualTo(6);
        assertThat(fromCurrent.progress()).isEqualTo(7);
        assertThat(fromCurrent.version()).isEqualTo(a.version() + 3);
        assertThat(decidedOnStored.progress()).isEqualTo(8);
        assertThat(store.find(a.id()).orElseThrow()).isEqualTo(decidedOnStored);
        store.delete(a.id());
        assertThat(store.update(fromCurrent, j -> j.withProgress(99, "gone"))).isEmpty();
    }

    @Test
    void concurrentUpdatesAreNeverLost() throws Exception {
        Job a = store.create(queued("ann"), NO_LIMIT).orElseThrow();
        int threads = 4;
        int each = 100;

        runConcurrently(threads, () -> {
            for (int i = 0; i < each; i++) {
                store.update(a.id(), j -> j.withProgress(j.progress() + 1, "count"));
            }
            return null;
        });

        Job after = store.find(a.id()).orElseThrow();
        assertThat(after.progress()).isEqualTo(threads * each);
        assertThat(after.version()).isEqualTo(a.version() + threads * each);
    }

    @Test
    void anOwnerAtTheLimitOfActiveJobsIsRefused() {
        Job first = store.create(queued("ann"), 2).orElseThrow();
        store.create(queued("ann"), 2).orElseThrow();

        assertThat(store.create(queued("ann"), 2)).isEmpty();
        assertThat(store.create(queued("bob"), 2)).isPresent();

        store.update(first.id(), j -> j.cancelled("stop", T0));
        assertThat(store.create(queued("ann"), 2)).isPresent();
        assertThat(store.list("ann", null, Long.MAX_VALUE, 10)).hasSize(3);
    }

    @Test
    void theLimitHoldsUnderConcurrentCreates() throws Exception {
        List<Optional<Job>> created = runConcurrently(8, () -> store.create(queued("ann"), 3));

        assertThat(created.stream().filter(Optional::isPresent).count()).isEqualTo(3);
        assertThat(store.list("ann", null, Long.MAX_VALUE, 100)).hasSize(3);
    }

    @Test
    void listsAnOwnersJobsNewestFirstByStatusAndInPages() {
        List<Job> ann = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ann.add(store.create(queued("ann"), NO_LIMIT).orElseThrow());
            store.create(queued("bob"), NO_LIMIT);
        }
        store.update(ann.get(1).id(), j -> j.started(T0));

        List<Job> page1 = store.list("ann", null, Long.MAX_VALUE, 2);
        List<Job> page2 = store.list("ann", null, page1.getLast().seq(), 2);
        List<Job> page3 = store.list("ann", null, page2.getLast().seq(), 2);

        assertThat(page1).extracting(Job::id).containsExactly(ann.get(4).id(), ann.get(3).id());
        assertThat(page2).extracting(Job::id).containsExactly(ann.get(2).id(), ann.get(1).id());
        assertThat(page3).extracting(Job::id).containsExactly(ann.get(0).id());
        assertThat(store.list("ann", JobStatus.RUNNING, Long.MAX_VALUE, 10)).extracting(Job::id)
                .containsExactly(ann.get(1).id());
        assertThat(store.list("nobody", null, Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void deletedJobsAreGoneFromFindAndList() {
        Job a = store.create(queued("ann"), NO_LIMIT).orElseThrow();

        store.delete(a.id());

        assertThat(store.find(a.id())).isEmpty();
        assertThat(store.list("ann", null, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(store.create(queued("ann"), 1)).isPresent();
    }

    @Test
    void deletesOnlyJobsFinishedAtOrBeforeTheCutoff() {
        Job old = store.create(queued("ann"), NO_LIMIT).orElseThrow();
        Job recent = store.create(queued("ann"), NO_LIMIT).orElseThrow();
        Job active = store.create(queued("ann"), NO_LIMIT).orElseThrow();
        store.update(old.id(), j -> j.failed("boom", T0.plusSeconds(10)));
        store.update(recent.id(), j -> j.cancelled("stop", T0.plusSeconds(11)));

        assertThat(store.deleteFinishedBefore(T0.plusSeconds(10))).isEqualTo(1);

        assertThat(store.find(old.id())).isEmpty();
        assertThat(store.find(recent.id())).isPresent();
        assertThat(store.find(active.id())).isPresent();
        assertThat(store.list("ann", null, Long.MAX_VALUE, 10)).hasSize(2);
    }

    public static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
