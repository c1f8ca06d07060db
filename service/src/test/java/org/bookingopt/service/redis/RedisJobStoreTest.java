package org.bookingopt.service.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobStore;
import org.bookingopt.service.job.JobStoreContract;
import org.bookingopt.service.testing.TestRedis;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** The job store contract against the real shared Redis, plus what only Redis does (the TTL). */
class RedisJobStoreTest extends JobStoreContract {
    private static final TestRedis redis = TestRedis.shared();
    private String prefix;

    @Override
    protected JobStore newStore() {
        prefix = redis.newPrefix();
        return new RedisJobStore(redis.template(), prefix, Duration.ofMinutes(5));
    }

    @Test
    void aFinishedJobExpiresInRedisAfterTheTtlAndLeavesTheActiveSet() {
        Job job = store.create(queued("ann"), 1).orElseThrow();
        String key = prefix + "job:" + job.id();
        assertThat(redis.template().getExpire(key)).as("no TTL while active").isEqualTo(-1);

        store.update(job.id(), j -> j.failed("boom", j.createdAt()));

        assertThat(redis.template().getExpire(key)).isBetween(290L, 300L);
        assertThat(redis.template().opsForSet().size(prefix + "active:ann")).isZero();
        assertThat(store.find(job.id()).orElseThrow().input()).as("the input goes with the run").isNull();
        assertThat(redis.template().opsForHash().hasKey(key, "input")).isFalse();
    }

    @Test
    void jobsRedisExpiredAreLeftOutOfListings() {
        Job gone = store.create(queued("ann"), 10).orElseThrow();
        Job kept = store.create(queued("ann"), 10).orElseThrow();
        redis.template().delete(prefix + "job:" + gone.id()); // as the TTL does

        assertThat(store.list("ann", null, Long.MAX_VALUE, 10)).extracting(Job::id).containsExactly(kept.id());
        assertThat(redis.template().opsForZSet().size(prefix + "owner:ann")).isEqualTo(1);
    }

    @Test
    void twoStoresOnOneRedisSeeTheSameJobs() {
        JobStore other = new RedisJobStore(redis.template(), prefix, Duration.ofMinutes(5));
        Job job = store.create(queued("ann"), 10).orElseThrow();

        other.update(job.id(), j -> j.started(j.createdAt(), "w1").withProgress(42, "assign"));

        Job seen = store.find(job.id()).orElseThrow();
        assertThat(seen.progress()).isEqualTo(42);
        assertThat(seen.worker()).isEqualTo("w1");
        assertThat(seen.attempt()).isEqualTo(1);
    }

    @Test
    void anActiveJobWhoseRecordIsGoneNoLongerHoldsItsOwnersPlace() {
        Job lost = store.create(queued("ann"), 1).orElseThrow();
        assertThat(store.create(queued("ann"), 1)).as("at the limit").isEmpty();
        redis.template().delete(prefix + "job:" + lost.id()); // evicted, or deleted by hand

        assertThat(store.create(queued("ann"), 1)).isPresent();
        assertThat(redis.template().opsForSet().members(prefix + "active:ann")).doesNotContain(lost.id());
    }

    @Test
    void aJobWrittenBeforeTheCacheFieldsExistedReadsAsNotCached() {
        Job job = store.create(queued("ann"), 10).orElseThrow();
        String key = prefix + "job:" + job.id();
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree((String) redis.template().opsForHash().get(key, "json"));
        assertThat(json.has("cached")).isTrue();
        json.remove("cacheKey");
        json.remove("cached");
        redis.template().opsForHash().put(key, "json", json.toString());

        Job read = store.find(job.id()).orElseThrow();

        assertThat(read.cached()).isFalse();
        assertThat(read.cacheKey()).isNull();
    }
}
