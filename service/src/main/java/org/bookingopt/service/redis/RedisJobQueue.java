package org.bookingopt.service.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bookingopt.service.job.JobPriority;
import org.bookingopt.service.job.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The job queue as Redis Streams, one per priority ({@code queue:high}, {@code queue:normal},
 * {@code queue:low} under the prefix), read by the consumer group {@code workers}; each process is a
 * consumer named after its worker name.
 * <ul>
 * <li>A worker takes an entry with {@code XREADGROUP}: it stays in the group's pending list, owned by that
 * worker, until {@link #done} acknowledges and deletes it.</li>
 * <li>The lease is the entry's idle time: {@link #renew} resets it ({@code XCLAIM … JUSTID}, only while
 * this worker still owns the entry). An entry idle longer than the lease belongs to a worker that died;
 * {@link #poll} takes it over with {@code XAUTOCLAIM} before reading new entries.</li>
 * <li>{@code queue:entries} maps job ids to their stream entries (for {@link #remove} and the lease);
 * {@code queue:dead} is the dead-letter stream.</li>
 * </ul>
 * Every step is a Lua script, so a take, a renewal or an acknowledgement is atomic. Polling is our own loop
 * of short non-blocking reads: an error (Redis restarting) fails one poll, never a subscription.
 */
public final class RedisJobQueue implements JobQueue {
    private static final Logger log = LoggerFactory.getLogger(RedisJobQueue.class);
    static final String GROUP = "workers";
    private static final Duration IDLE_PAUSE = Duration.ofMillis(20);
    /** Dead letters kept (approximately). */
    private static final int DEAD_LETTERS_KEPT = 10_000;

    /** Waiting entries: each stream's length minus its pending (taken) entries. KEYS 1–3: the streams. ARGV: group. */
    private static final String WAITING = """
            local waiting = 0
            for i = 1, 3 do
              local len = redis.call('XLEN', KEYS[i])
              if len > 0 then waiting = waiting + len - redis.call('XPENDING', KEYS[i], ARGV[1])[1] end
            end
            """;

    private static final RedisScript<Long> SIZE = RedisScript.of(WAITING + "return waiting", Long.class);

    /** Waiting entries of one stream. KEYS: the stream. ARGV: group. */
    private static final RedisScript<Long> SIZE_OF = RedisScript.of("""
            local len = redis.call('XLEN', KEYS[1])
            if len == 0 then return 0 end
            return len - redis.call('XPENDING', KEYS[1], ARGV[1])[1]
            """, Long.class);

    /**
     * KEYS: the three streams, entries, the target stream. ARGV: group, capacity, job id, priority.
     * Returns 1 if added, 0 if full.
     */
    private static final RedisScript<Long> OFFER = RedisScript.of(WAITING + """
            if waiting >= tonumber(ARGV[2]) then return 0 end
            local entry = redis.call('XADD', KEYS[5], '*', 'job', ARGV[3])
            redis.call('HSET', KEYS[4], ARGV[3], ARGV[4] .. ' ' .. entry)
            return 1
            """, Long.class);

    /**
     * Takes one entry: first one whose lease ran out (if asked to look, high priority first), then a new one
     * (high first). KEYS: the three streams. ARGV: group, consumer, lease millis, look for expired (1 | 0),
     * then the three XAUTOCLAIM cursors. Returns {job id, how (new | reclaimed), cursor, cursor, cursor}, or
     * {'', '', cursors…} if there is nothing.
     */
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local cursors = {ARGV[5], ARGV[6], ARGV[7]}
            if ARGV[4] == '1' then
              for i = 1, 3 do
                local r = redis.call('XAUTOCLAIM', KEYS[i], ARGV[1], ARGV[2], ARGV[3], cursors[i], 'COUNT', 1)
                cursors[i] = r[1]
                local entry = r[2][1]
                if entry and entry[2] then
                  return {entry[2][2], 'reclaimed', cursors[1], cursors[2], cursors[3]}
                end
              end
            end
            for i = 1, 3 do
              local r = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[i], '>')
              if r then
                return {r[1][2][1][2][2], 'new', cursors[1], cursors[2], cursors[3]}
              end
            end
            return {'', '', cursors[1], cursors[2], cursors[3]}
            """, List.class);

    /**
     * Finds the job's entry and whether this consumer owns it, in the script that acts on it (no round trip of
     * its own). KEYS: the three streams, entries. ARGV: group, job id, consumer, the priorities of the three
     * streams. Returns -1 when the job has no entry.
     */
    private static final String OWNED = """
            local where = redis.call('HGET', KEYS[4], ARGV[2])
            if not where then return -1 end
            local space = string.find(where, ' ', 1, true)
            local priority, entry = string.sub(where, 1, space - 1), string.sub(where, space + 1)
            local stream
            for i = 1, 3 do if ARGV[3 + i] == priority then stream = KEYS[i] end end
            local p = redis.call('XPENDING', stream, ARGV[1], entry, entry, 1)
            local owned = p[1] ~= nil and p[1][2] == ARGV[3]
            """;

    /**
     * As {@link #OWNED}, then ARGV[7]: the idle millis to set (0: renew the lease; very long: give it up).
     * Returns 1 if done, 0 if another consumer owns the entry.
     */
    private static final RedisScript<Long> RENEW = RedisScript.of(OWNED + """
            if not owned then return 0 end
            redis.call('XCLAIM', stream, ARGV[1], ARGV[3], 0, entry, 'IDLE', ARGV[7], 'JUSTID')
            return 1
            """, Long.class);
    /** An idle time beyond any lease: the entry is free for the next worker that looks. */
    private static final long RELEASED_IDLE_MILLIS = Duration.ofDays(365).toMillis();

    /**
     * As {@link #OWNED}. Acknowledges and deletes the entry if this consumer owns it; forgets the mapping unless
     * another consumer owns the entry now.
     */
    private static final RedisScript<Long> DONE = RedisScript.of(OWNED + """
            if owned then
              redis.call('XACK', stream, ARGV[1], entry)
              redis.call('XDEL', stream, entry)
              redis.call('HDEL', KEYS[4], ARGV[2])
              return 1
            end
            if p[1] == nil then redis.call('HDEL', KEYS[4], ARGV[2]) end
            return 0
            """, Long.class);

    /** KEYS: stream, entries. ARGV: group, entry, job id. Deletes the entry unless a worker has taken it. */
    private static final RedisScript<Long> REMOVE = RedisScript.of("""
            local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
            if p[1] ~= nil then return 0 end
            local deleted = redis.call('XDEL', KEYS[1], ARGV[2])
            redis.call('HDEL', KEYS[2], ARGV[3])
            return deleted
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final int capacity;
    private final String consumer;
    private final Duration lease;
    private final Clock clock;
    private final List<String> streams = new ArrayList<>();
    /** Where each stream's scan for expired leases goes on; "0-0" starts over. */
    private final String[] cursors = {"0-0", "0-0", "0-0"};
    private long nextReclaimScan;

    /**
     * @param consumer this process's name in the consumer group
     * @param lease    an entry not renewed for this long is handed to another worker
     */
    public RedisJobQueue(StringRedisTemplate redis, String prefix, int capacity, String consumer, Duration lease,
                         Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.capacity = capacity;
        this.consumer = consumer;
        this.lease = lease;
        this.clock = clock;
        for (JobPriority p : JobPriority.values()) {
            streams.add(streamKey(p.apiName()));
        }
    }

    private String streamKey(String priority) {
        return prefix + "queue:" + priority;
    }

    private String entriesKey() {
        return prefix + "queue:entries";
    }

    /** The dead-letter stream: entries {@code job}, {@code reason}, {@code worker}. */
    public String deadLetterKey() {
        return prefix + "queue:dead";
    }

    /** Creates the streams and the consumer group where missing (a Redis without persistence lost them). */
    public void createGroups() {
        for (String stream : streams) {
            try {
                redis.opsForStream().createGroup(stream, ReadOffset.from("0-0"), GROUP);
            } catch (DataAccessException e) {
                if (!String.valueOf(rootMessage(e)).contains("BUSYGROUP")) {
                    throw e;
                }
            }
        }
    }

    /** Runs a step, creating the group first if Redis has lost it (restarted without persistence). */
    private <T> T withGroups(Supplier<T> step) {
        try {
            return step.get();
        } catch (DataAccessException e) {
            if (!String.valueOf(rootMessage(e)).contains("NOGROUP")) {
                throw e;
            }
            log.warn("The job queue's consumer group is missing (Redis lost its data?): creating it");
            createGroups();
            return step.get();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public boolean offer(String jobId, JobPriority priority) {
        List<String> keys = streamsAndEntries();
        keys.add(streamKey(priority.apiName()));
        Long added = withGroups(() -> redis.execute(OFFER, keys, GROUP, Integer.toString(capacity), jobId,
                priority.apiName()));
        return added != null && added == 1;
    }

    @Override
    public String poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String id = take();
            if (id != null) {
                return id;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Thread.sleep(Duration.ofNanos(Math.min(left, IDLE_PAUSE.toNanos())));
        }
    }

    private String take() {
        boolean scan;
        long now = clock.millis();
        synchronized (cursors) {
            // Expired leases are looked for at most every tenth of a lease per process (and always within 1 s).
            scan = now >= nextReclaimScan;
            if (scan) {
                nextReclaimScan = now + Math.min(1000, lease.toMillis() / 10);
            }
        }
        List<?> r;
        synchronized (cursors) {
            String[] at = cursors.clone();
            r = withGroups(() -> redis.execute(TAKE, streams, GROUP, consumer, Long.toString(lease.toMillis()),
                    scan ? "1" : "0", at[0], at[1], at[2]));
            for (int i = 0; i < 3; i++) {
                cursors[i] = String.valueOf(r.get(2 + i));
            }
        }
        String id = String.valueOf(r.get(0));
        if (id.isEmpty()) {
            return null;
        }
        if ("reclaimed".equals(r.get(1))) {
            log.warn("Job {}: its worker's lease ran out; taken over by {}", id, consumer);
        }
        return id;
    }

    /** The job's stream and entry id, or null if it has none. */
    private String[] entry(String jobId) {
        Object value = redis.opsForHash().get(entriesKey(), jobId);
        if (value == null) {
            return null;
        }
        String[] parts = value.toString().split(" ", 2);
        return new String[] {streamKey(parts[0]), parts[1]};
    }

    @Override
    public boolean remove(String jobId) {
        String[] entry = entry(jobId);
        if (entry == null) {
            return false;
        }
        Long removed = withGroups(() -> redis.execute(REMOVE, List.of(entry[0], entriesKey()), GROUP, entry[1],
                jobId));
        return removed != null && removed == 1;
    }

    /** {@code queue:entries} maps every waiting or taken, not yet acknowledged, id to its entry. */
    @Override
    public boolean contains(String jobId) {
        return redis.opsForHash().hasKey(entriesKey(), jobId);
    }

    @Override
    public void done(String jobId) {
        withGroups(() -> redis.execute(DONE, streamsAndEntries(), ownedArguments(jobId)));
    }

    @Override
    public boolean renew(String jobId) {
        return setIdle(jobId, 0);
    }

    @Override
    public boolean release(String jobId) {
        return setIdle(jobId, RELEASED_IDLE_MILLIS);
    }

    private boolean setIdle(String jobId, long idleMillis) {
        Object[] args = Arrays.copyOf(ownedArguments(jobId), 7);
        args[6] = Long.toString(idleMillis);
        Long done = withGroups(() -> redis.execute(RENEW, streamsAndEntries(), args));
        return done != null && done == 1;
    }

    /** The keys of {@link #OWNED}: the three streams, then entries. */
    private List<String> streamsAndEntries() {
        List<String> keys = new ArrayList<>(streams);
        keys.add(entriesKey());
        return keys;
    }

    /** The arguments of {@link #OWNED}: group, job id, consumer, the priorities of the streams. */
    private Object[] ownedArguments(String jobId) {
        JobPriority[] priorities = JobPriority.values();
        return new Object[] {GROUP, jobId, consumer, priorities[0].apiName(), priorities[1].apiName(),
                priorities[2].apiName()};
    }

    @Override
    public void deadLetter(String jobId, String reason) {
        redis.opsForStream().add(deadLetterKey(), Map.of("job", jobId, "reason", reason, "worker", consumer));
        redis.opsForStream().trim(deadLetterKey(), DEAD_LETTERS_KEPT, true);
    }

    @Override
    public int size() {
        Long waiting = withGroups(() -> redis.execute(SIZE, streams, GROUP));
        return waiting == null ? 0 : waiting.intValue();
    }

    @Override
    public int size(JobPriority priority) {
        Long waiting = withGroups(() -> redis.execute(SIZE_OF, List.of(streamKey(priority.apiName())), GROUP));
        return waiting == null ? 0 : waiting.intValue();
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
