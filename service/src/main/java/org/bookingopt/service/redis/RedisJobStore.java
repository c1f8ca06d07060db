package org.bookingopt.service.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.bookingopt.core.json.Json;
import org.bookingopt.service.job.Job;
import org.bookingopt.service.job.JobStatus;
import org.bookingopt.service.job.JobStore;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Jobs in Redis, shared by every API and worker process. Keys, all under the configured prefix:
 * <ul>
 * <li>{@code job:<id>} — a hash: {@code seq}, {@code v} (the version: every write is a compare-and-set on
 * it), {@code json} (the job without its input) and {@code input} (the problem, until the job finishes);
 * a finished job expires after the result TTL</li>
 * <li>{@code seq} — the counter that orders jobs</li>
 * <li>{@code owner:<owner>} — sorted set of the owner's job ids by seq (listing)</li>
 * <li>{@code active:<owner>} — set of the owner's queued and running job ids (the limit, checked atomically)</li>
 * <li>{@code finished} — sorted set of {@code "<id> <owner>"} by completion time (expiry)</li>
 * </ul>
 */
public final class RedisJobStore implements JobStore {
    private static final ObjectWriter WRITER = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    /**
     * KEYS: active, seq, owner index, job. ARGV: limit, id, json, input, job key prefix. Returns the seq, or 0 at
     * the limit. At the limit, ids whose job is gone (deleted or evicted behind the store's back) are dropped from
     * the active set first: they must not hold the owner's places for ever. Every other way a job ends (completed,
     * failed, dead-lettered, cancelled, deleted) leaves the set in the same script that ends it.
     */
    private static final RedisScript<Long> CREATE = RedisScript.of("""
            local limit = tonumber(ARGV[1])
            if redis.call('SCARD', KEYS[1]) >= limit then
              for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
                if redis.call('EXISTS', ARGV[5] .. id) == 0 then redis.call('SREM', KEYS[1], id) end
              end
              if redis.call('SCARD', KEYS[1]) >= limit then return 0 end
            end
            local seq = redis.call('INCR', KEYS[2])
            redis.call('HSET', KEYS[4], 'seq', seq, 'v', 1, 'json', ARGV[3], 'input', ARGV[4])
            redis.call('ZADD', KEYS[3], seq, ARGV[2])
            redis.call('SADD', KEYS[1], ARGV[2])
            return seq
            """, Long.class);

    /**
     * KEYS: job, active, finished. ARGV: expected version, json, input action (keep | drop | set), input,
     * active (1 | 0), id, finished member, completed-at millis, ttl millis.
     * Returns the new version, or 0 if the version moved on (or the job is gone).
     */
    private static final RedisScript<Long> UPDATE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
            local v = redis.call('HINCRBY', KEYS[1], 'v', 1)
            redis.call('HSET', KEYS[1], 'json', ARGV[2])
            if ARGV[3] == 'drop' then redis.call('HDEL', KEYS[1], 'input')
            elseif ARGV[3] == 'set' then redis.call('HSET', KEYS[1], 'input', ARGV[4]) end
            if ARGV[5] == '1' then
              redis.call('SADD', KEYS[2], ARGV[6])
              redis.call('ZREM', KEYS[3], ARGV[7])
              redis.call('PERSIST', KEYS[1])
            else
              redis.call('SREM', KEYS[2], ARGV[6])
              redis.call('ZADD', KEYS[3], ARGV[8], ARGV[7])
              redis.call('PEXPIRE', KEYS[1], ARGV[9])
            end
            return v
            """, Long.class);

    /** KEYS: job, owner index, active, finished. ARGV: id, finished member. */
    private static final RedisScript<Long> DELETE = RedisScript.of("""
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('SREM', KEYS[3], ARGV[1])
            redis.call('ZREM', KEYS[4], ARGV[2])
            return redis.call('DEL', KEYS[1])
            """, Long.class);

    private static final List<Object> FIELDS = List.of("seq", "v", "json", "input");

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    /**
     * @param prefix every key starts with it
     * @param ttl    how long Redis keeps a finished job (the service also deletes them by its own clock)
     */
    public RedisJobStore(StringRedisTemplate redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
    }

    private String jobKey(String id) {
        return prefix + "job:" + id;
    }

    private String ownerKey(String owner) {
        return prefix + "owner:" + owner;
    }

    private String activeKey(String owner) {
        return prefix + "active:" + owner;
    }

    private String finishedKey() {
        return prefix + "finished";
    }

    private static String finishedMember(Job job) {
        return job.id() + " " + job.owner(); // ids are UUIDs: the first space ends the id
    }

    @Override
    public Optional<Job> create(Job job, int maxActivePerOwner) {
        Long seq = redis.execute(CREATE,
                List.of(activeKey(job.owner()), prefix + "seq", ownerKey(job.owner()), jobKey(job.id())),
                Integer.toString(maxActivePerOwner), job.id(), encode(job), Objects.requireNonNullElse(job.input(), ""),
                prefix + "job:");
        return seq == null || seq == 0 ? Optional.empty() : Optional.of(job.stored(seq, 1));
    }

    @Override
    public Optional<Job> find(String id) {
        List<Object> fields = redis.opsForHash().multiGet(jobKey(id), FIELDS);
        if (fields.get(2) == null) {
            return Optional.empty();
        }
        Job stored = Json.MAPPER.readValue((String) fields.get(2), Job.class);
        String input = (String) fields.get(3); // absent once finished; "" stands for a job created without one
        return Optional.of(stored.withInput(input == null || input.isEmpty() ? null : input).stored(Long.parseLong((String) fields.get(0)),
                Long.parseLong((String) fields.get(1))));
    }

    @Override
    public Optional<Job> update(String id, UnaryOperator<Job> change) {
        return update(id, null, change);
    }

    /** Tries the caller's copy first: a job written moments ago by the same worker costs no read. */
    @Override
    public Optional<Job> update(Job known, UnaryOperator<Job> change) {
        return update(known.id(), known, change);
    }

    private Optional<Job> update(String id, Job known, UnaryOperator<Job> change) {
        Job guess = known;
        while (true) {
            Optional<Job> found = guess != null ? Optional.of(guess) : find(id);
            boolean guessed = guess != null;
            guess = null;
            if (found.isEmpty()) {
                return found;
            }
            Job old = found.get();
            Job changed = change.apply(old);
            if (changed == old) {
                if (guessed) {
                    continue; // "no change" is only an answer for the job as stored: read it
                }
                return found;
            }
            String inputAction = Objects.equals(changed.input(), old.input()) ? "keep"
                    : changed.input() == null ? "drop" : "set";
            boolean active = changed.status().isActive();
            Instant completed = changed.completedAt();
            Long version = redis.execute(UPDATE, List.of(jobKey(id), activeKey(old.owner()), finishedKey()),
                    Long.toString(old.version()), encode(changed), inputAction,
                    "set".equals(inputAction) ? changed.input() : "", active ? "1" : "0", id, finishedMember(old),
                    Long.toString(completed == null ? 0 : completed.toEpochMilli()), Long.toString(ttl.toMillis()));
            if (version != null && version != 0) {
                return Optional.of(changed.stored(old.seq(), version));
            }
            Thread.onSpinWait(); // another writer came first: read again and reapply
        }
    }

    @Override
    public List<Job> list(String owner, JobStatus status, long beforeSeq, int limit) {
        List<Job> page = new ArrayList<>();
        double max = beforeSeq == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : beforeSeq - 1;
        int batch = Math.max(limit, 20);
        long offset = 0;
        while (page.size() < limit) {
            Set<String> ids = redis.opsForZSet().reverseRangeByScore(ownerKey(owner), Double.NEGATIVE_INFINITY, max,
                    offset, batch);
            if (ids == null || ids.isEmpty()) {
                break;
            }
            for (String id : ids) {
                Optional<Job> job = find(id);
                if (job.isEmpty()) {
                    redis.opsForZSet().remove(ownerKey(owner), id); // expired in Redis: drop it from the index
                    offset--;
                } else if (status == null || job.get().status() == status) {
                    page.add(job.get().withInput(null));
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
            offset += ids.size();
        }
        return page;
    }

    @Override
    public void delete(String id) {
        find(id).ifPresent(job -> redis.execute(DELETE,
                List.of(jobKey(id), ownerKey(job.owner()), activeKey(job.owner()), finishedKey()), id,
                finishedMember(job)));
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        Set<String> members = redis.opsForZSet().rangeByScore(finishedKey(), Double.NEGATIVE_INFINITY,
                cutoff.toEpochMilli());
        if (members == null) {
            return 0;
        }
        for (String member : members) {
            int space = member.indexOf(' ');
            String id = member.substring(0, space);
            String owner = member.substring(space + 1);
            redis.execute(DELETE, List.of(jobKey(id), ownerKey(owner), activeKey(owner), finishedKey()), id, member);
        }
        return members.size();
    }

    /** The job as JSON, without its input (kept in its own field, written once). */
    private static String encode(Job job) {
        return WRITER.writeValueAsString(job.withInput(null));
    }
}
