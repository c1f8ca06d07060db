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
}
