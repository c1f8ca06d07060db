package org.bookingopt.service.redis;

import java.time.Clock;
import java.time.Duration;

import org.bookingopt.service.job.JobQueue;
import org.bookingopt.service.job.JobQueueContract;
import org.bookingopt.service.testing.TestRedis;

/** The job queue contract against the real shared Redis. */
class RedisJobQueueTest extends JobQueueContract {
    private static final TestRedis redis = TestRedis.shared();

    @Override
    protected JobQueue newQueue(int capacity) {
        RedisJobQueue queue = new RedisJobQueue(redis.template(), redis.newPrefix(), capacity, "test-worker",
                Duration.ofSeconds(30), Clock.systemUTC());
        queue.createGroups();
        return queue;
    }
}
