package org.bookingopt.service.job;

/** The job cannot be cancelled: it has already finished. */
public class JobFinishedException extends RuntimeException {
    public JobFinishedException(Job job) {
        super("Job " + job.id() + " cannot be cancelled: it has already finished (" + job.status().apiName() + ")");
    }
}
