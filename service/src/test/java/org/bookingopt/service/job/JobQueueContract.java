package org.bookingopt.service.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueue} must do: priorities, order, capacity, removal, exactly-once hand-out. A test class per implementation extends this and supplies a fresh,
 * empty queue of the given capacity.
 */
public abstract class JobQueueContract {
    private static final Duration SHORT = Duration.ofMillis(50);

    protected abstract JobQueue newQueue(int capacity);

    @Test
    void firstInFirstOut() throws InterruptedException {
        JobQueue queue = newQueue(10);
        queue.offer("a");
        queue.offer("b");
        queue.offer("c");

        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.poll(SHORT)).isEqualTo("a");
        assertThat(queue.poll(SHORT)).isEqualTo("b");
        assertThat(queue.poll(SHORT)).isEqualTo("c");
        assertThat(queue.size()).isZero();
    }

    @Test
    void highPriorityIsServedFirstThenNormalThenLowEachInOrder() throws InterruptedException {
        JobQueue queue = newQueue(10);
        queue.offer("low-1", JobPriority.LOW);
        queue.offer("normal-1", JobPriority.NORMAL);
        queue.offer("high-1", JobPriority.HIGH);
        queue.offer("low-2", JobPriority.LOW);
        queue.offer("normal-2");
        queue.offer("high-2", JobPriority.HIGH);

        assertThat(queue.size()).isEqualTo(6);
        for (String expected : new String[] {"high-1", "high-2", "normal-1", "normal-2", "low-1", "low-2"}) {
            assertThat(queue.poll(SHORT)).isEqualTo(expected);
        }
        assertThat(queue.poll(SHORT)).isNull();
    }

    @Test
    void eachPriorityCountsItsWaitingIdsOnly() throws InterruptedException {
        JobQueue queue = newQueue(10);
        queue.offer("high-1", JobPriority.HIGH);
        queue.offer("low-1", JobPriority.LOW);
        queue.offer("low-2", JobPriority.LOW);

        assertThat(queue.size(JobPriority.HIGH)).isEqualTo(1);
        assertThat(queue.size(JobPriority.NORMAL)).isZero();
        assertThat(queue.size(JobPriority.LOW)).isEqualTo(2);
        assertThat(queue.poll(SHORT)).as("taken: no longer waiting").isEqualTo("high-1");
        assertThat(queue.remove("low-1")).isTrue();
        assertThat(queue.size(JobPriority.HIGH)).isZero();
        assertThat(queue.size(JobPriority.LOW)).isEqualTo(1);
    }

    @Test
    void theCapacityCoversEveryPriority() throws InterruptedException {
        JobQueue queue = newQueue(2);

        assertThat(queue.offer("a", JobPriority.LOW)).isTrue();
        assertThat(queue.offer("b", JobPriority.HIGH)).isTrue();
        assertThat(queue.offer("c", JobPriority.HIGH)).isFalse();
        assertThat(queue.remove("a")).isTrue();
        assertThat(queue.offer("c", JobPriority.NORMAL)).isTrue();
        assertThat(queue.poll(SHORT)).isEqualTo("b");
    }

    @Test
    void aPollWaitingOnAnEmptyQueueGetsAnIdOfferedMeanwhile() throws Exception {
        JobQueue queue = newQueue(2);
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            queue.offer("late", JobPriority.LOW);
        });
        producer.start();

        assertThat(queue.poll(Duration.ofSeconds(5))).isEqualTo("late");
        producer.join();
    }

    @Test
    void containsAnIdWaitingOrTakenUntilItIsDoneOrRemoved() throws InterruptedException {
        JobQueue queue = newQueue(10);
        assertThat(queue.contains("a")).isFalse();
        queue.offer("a");
        queue.offer("b", JobPriority.LOW);
        assertThat(queue.contains("a")).as("waiting").isTrue();

        assertThat(queue.poll(SHORT)).isEqualTo("a");
        assertThat(queue.contains("a")).as("taken, not done").isTrue();
        queue.done("a");
        assertThat(queue.contains("a")).as("done").isFalse();
        queue.remove("b");
        assertThat(queue.contains("b")).as("removed").isFalse();
    }

    @Test
    void aDoneIdIsNeverHandedOutAgain() throws InterruptedException {
        JobQueue queue = newQueue(2);
        queue.offer("a");
        assertThat(queue.poll(SHORT)).isEqualTo("a");

        queue.done("a");

        assertThat(queue.remove("a")).isFalse();
        assertThat(queue.poll(SHORT)).isNull();
        assertThat(queue.size()).isZero();
    }

    @Test
    void refusesOffersWhenFull() throws InterruptedException {
        JobQueue queue = newQueue(2);

        assertThat(queue.offer("a")).isTrue();
        assertThat(queue.offer("b")).isTrue();
        assertThat(queue.offer("c")).isFalse();
        assertThat(queue.capacity()).isEqualTo(2);

        queue.poll(SHORT);
        assertThat(queue.offer("c")).isTrue();
    }

    @Test
    void pollWaitsAtMostTheTimeoutWhenEmpty() throws InterruptedException {
        JobQueue queue = newQueue(2);
        long started = System.nanoTime();

        assertThat(queue.poll(SHORT)).isNull();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(SHORT.minusMillis(5), Duration.ofSeconds(5));
    }

    @Test
    void removeTakesAWaitingIdOut() throws InterruptedException {
        JobQueue queue = newQueue(10);
        queue.offer("a");
        queue.offer("b");
        queue.offer("c", JobPriority.LOW);

        assertThat(queue.remove("b")).isTrue();
        assertThat(queue.remove("b")).isFalse();
        assertThat(queue.remove("never")).isFalse();

        assertThat(queue.poll(SHORT)).isEqualTo("a");
        assertThat(queue.poll(SHORT)).isEqualTo("c");
        assertThat(queue.poll(SHORT)).isNull();
        assertThat(queue.remove("a")).as("taken by a worker: no longer waiting").isFalse();
    }

    @Test
    void concurrentConsumersTakeEachIdExactlyOnce() throws Exception {
        JobQueue queue = newQueue(1000);
        int ids = 400;
        Set<String> taken = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger produced = new AtomicInteger();

        JobStoreContract.runConcurrently(6, () -> {
            // Every thread produces and consumes until every id is taken.
            while (taken.size() < ids) {
                int n = produced.getAndIncrement();
                if (n < ids) {
                    assertThat(queue.offer("id-" + n, JobPriority.values()[n % 3])).isTrue();
                }
                String id = queue.poll(SHORT);
                if (id != null && !taken.add(id)) {
                    duplicates.incrementAndGet();
                }
            }
            return null;
        });

        assertThat(duplicates).hasValue(0);
        assertThat(taken).hasSize(ids);
        assertThat(queue.size()).isZero();
    }
}
