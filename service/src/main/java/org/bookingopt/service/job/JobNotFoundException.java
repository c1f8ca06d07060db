package org.bookingopt.service.job;

/** No such job for this caller: never submitted, expired, or someone else's (for changes). */
public class JobNotFoundException extends RuntimeException {
    private final String jobId;

    public JobNotFoundException(String jobId) {
        super("No job with id '" + jobId + "': it does not exist, or its result expired");
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
