package org.bookingopt.service.api;

import java.io.IOException;
import java.time.Duration;

import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobEvents;
import org.bookingopt.service.job.JobService;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's SSE stream of a job: an event {@code status} with the job (without its result) now and on
 * every change, ending when the job finishes. Stale or repeated states are dropped by the job's version.
 */
final class JobEventStream {
    /** A stream lasts at most this long; browsers' EventSource reconnects by itself. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    private AutoCloseable subscription;
    private long lastVersion = -1;
    private boolean done;

    private JobEventStream() {
    }

    static SseEmitter open(String jobId, JobService jobs, JobEvents events) {
        JobEventStream stream = new JobEventStream();
        stream.subscription = events.subscribe(jobId, stream::send);
        Runnable close = stream::close;
        stream.emitter.onCompletion(close);
        stream.emitter.onTimeout(() -> {
            close.run();
            stream.emitter.complete();
        });
        stream.emitter.onError(e -> close.run());
        try {
            stream.send(jobs.get(jobId)); // subscribed first, so no change after this read is missed
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return stream.emitter;
    }

    private synchronized void send(Job job) {
        if (done || job.version() <= lastVersion) {
            return;
        }
        lastVersion = job.version();
        try {
            emitter.send(SseEmitter.event().name("status").id(Long.toString(job.version()))
                    .data(JobView.Summary.of(job), MediaType.APPLICATION_JSON));
            if (job.isFinished()) {
                done = true;
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            done = true; // the client went away
            close();
        }
    }

    private void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // unsubscribing cannot fail
        }
    }
}
