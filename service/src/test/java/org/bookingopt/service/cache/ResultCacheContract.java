package org.bookingopt.service.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.bookingopt.core.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** What every {@link ResultCache} does; each implementation's test extends this. */
public abstract class ResultCacheContract {
    protected ResultCache cache;

    /** A fresh, empty cache whose entries live a minute; {@link #expire()} lets that minute pass. */
    protected abstract ResultCache newCache();

    protected abstract void expire();

    @BeforeEach
    void setUp() {
        cache = newCache();
    }

    protected static ObjectNode wrapper(String problemId) {
        ObjectNode wrapper = Json.NODES.objectNode().put("success", true).put("problem_id", problemId);
        wrapper.putObject("result").put("ProblemId", problemId).put("SolverStatus", "OPTIMAL");
        return wrapper;
    }

    @Test
    void aResultPutIsFoundUnderItsKeyAndNoOther() {
        cache.put("k1", wrapper("a"));

        assertThat(cache.find("k1")).contains(wrapper("a"));
        assertThat(cache.find("k2")).isEmpty();
    }

    @Test
    void whatFindAnswersCanBeChangedWithoutChangingTheCache() {
        cache.put("k1", wrapper("a"));

        cache.find("k1").orElseThrow().put("problem_id", "b");

        assertThat(cache.find("k1")).contains(wrapper("a"));
    }

    @Test
    void entriesExpireAfterTheTtl() {
        cache.put("k1", wrapper("a"));

        expire();

        assertThat(cache.find("k1")).isEmpty();
    }

    @Test
    void deleteRemovesOneEntryAndSaysWhetherThereWasOne() {
        cache.put("k1", wrapper("a"));
        cache.put("k2", wrapper("b"));

        assertThat(cache.delete("k1")).isTrue();
        assertThat(cache.delete("k1")).isFalse();
        assertThat(cache.find("k1")).isEmpty();
        assertThat(cache.find("k2")).isPresent();
    }

    @Test
    void clearRemovesEveryEntryAndCountsThem() {
        cache.put("k1", wrapper("a"));
        cache.put("k2", wrapper("b"));

        assertThat(cache.clear()).isEqualTo(2);
        assertThat(cache.find("k2")).isEmpty();
        assertThat(cache.clear()).isZero();
    }
}
