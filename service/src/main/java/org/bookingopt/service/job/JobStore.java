package org.bookingopt.service.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where jobs live between submission and expiry. The embedded default keeps them in memory
 * ({@link InMemoryJobStore}); every implementation must pass {@code JobStoreContract}.
 */
public interface JobStore {
    /**
     * Stores a new job unless its owner already has {@code maxActivePerOwner} queued or running jobs; the
     * check and the insert are one atomic step.
     *
     * @return the job as stored (with its {@code seq}), or empty when the owner is at the limit
     */
    Optional<Job> create(Job job, int maxActivePerOwner);

    Optional<Job> find(String id);

    /**
     * Applies {@code change} to the stored job atomically and stores what it returns (with the version
     * bumped), unless it returns the very same instance, which means "no change". The function may run more
     * than once, so it must have no side effects.
     *
     * @return the job as stored after the call, or empty if there is no such job
     */
    Optional<Job> update(String id, UnaryOperator<Job> change);

    /**
     * As {@link #update(String, UnaryOperator)}, starting from {@code known}: the job as its caller last read or
     * wrote it. A store may apply {@code change} to that copy and compare-and-set on its version without reading
     * the job first; when the version has moved on, or the change is "no change", it reads the job and goes on as
     * {@link #update(String, UnaryOperator)} does. The result is the same either way.
     */
    default Optional<Job> update(Job known, UnaryOperator<Job> change) {
        return update(known.id(), change);
    }

    /**
     * The owner's jobs, newest first.
     *
     * @param status    only jobs in this status, or null for all
     * @param beforeSeq only jobs created before the job with this {@code seq} (paging), or
     *                  {@link Long#MAX_VALUE} from the newest
     */
    List<Job> list(String owner, JobStatus status, long beforeSeq, int limit);

    void delete(String id);

    /** Deletes every finished job that finished at or before {@code cutoff}; returns how many. */
    int deleteFinishedBefore(Instant cutoff);
}
