package org.bookingopt.service.job;

class InMemoryJobQueueTest extends JobQueueContract {
    @Override
    protected JobQueue newQueue(int capacity) {
        return new InMemoryJobQueue(capacity);
    }
}
