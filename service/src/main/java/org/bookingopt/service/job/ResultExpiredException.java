package org.bookingopt.service.job;

/** The job completed, but its result is gone: deleted after the history's retention. */
public class ResultExpiredException extends RuntimeException {
    public ResultExpiredException(Job job) {
        super("Job " + job.id() + " completed at " + job.completedAt() + "; its result was deleted after the "
                + "history's retention (bookingopt.history.retention). Submit the problem again to solve it again.");
    }
}
