package org.bookingopt.service.job;

/** The job exists but has no result: still queued or running, or it failed or was cancelled. */
public class ResultNotAvailableException extends RuntimeException {
    public ResultNotAvailableException(Job job) {
        super(switch (job.status()) {
            case QUEUED, RUNNING -> "Job " + job.id() + " is " + job.status().apiName()
                    + ": its result is not ready yet (" + job.progress() + "% done)";
            default -> "Job " + job.id() + " " + job.status().apiName() + " without a result"
                    + (job.error() == null ? "" : ": " + job.error());
        });
    }

    /** A completed job read from the history: the result is kept, but not the problem its chart needs. */
    public static ResultNotAvailableException noProblemKept(Job job) {
        return new ResultNotAvailableException("Job " + job.id() + " completed more than bookingopt.jobs.result-ttl "
                + "ago: its chart needs the problem, which is no longer kept; its result is at /api/v1/jobs/"
                + job.id() + "/result");
    }

    /** {@code plot.png?plan=initial} of a result without an initial plan (no current plan was given). */
    public static ResultNotAvailableException noInitialPlan(Job job) {
        return new ResultNotAvailableException("Job " + job.id() + " has no initial plan to draw: its problem did not "
                + "give every stay a room; plan=optimized draws its plan");
    }

    private ResultNotAvailableException(String message) {
        super(message);
    }
}
