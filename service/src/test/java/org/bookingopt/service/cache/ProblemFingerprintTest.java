package org.bookingopt.service.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProblemFingerprintTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private static String key(String json) {
        return ProblemFingerprint.of(json, "1.0", MINUTE, 2);
    }

    @Test
    void keyOrderWhiteSpaceAndNumberSpellingDoNotMatter() {
        assertThat(key("{\"a\": 1, \"b\": [2.50, 1e2, -0.0], \"c\": {\"y\": true, \"x\": null}}"))
                .isEqualTo(key("{\"c\":{\"x\":null,\"y\":true},\"b\":[2.5,100,0],\"a\":1.0}"));
    }

    @Test
    void theProblemIdIsLeftOutButNestedIdsAndArrayOrderCount() {
        assertThat(key("{\"ProblemId\": \"a\", \"Rooms\": [1, 2]}"))
                .isEqualTo(key("{\"ProblemId\": 7, \"Rooms\": [1, 2]}"));
        assertThat(key("{\"Rooms\": [1, 2]}")).isNotEqualTo(key("{\"Rooms\": [2, 1]}"));
        assertThat(key("{\"X\": {\"ProblemId\": 1}}")).isNotEqualTo(key("{\"X\": {\"ProblemId\": 2}}"));
    }

    @Test
    void theOptimizerVersionTimeLimitAndThreadsArePartOfTheKey() {
        String problem = "{\"Rooms\": []}";
        String base = key(problem);

        assertThat(ProblemFingerprint.of(problem, "1.1", MINUTE, 2)).isNotEqualTo(base);
        assertThat(ProblemFingerprint.of(problem, "1.0", Duration.ofSeconds(30), 2)).isNotEqualTo(base);
        assertThat(ProblemFingerprint.of(problem, "1.0", MINUTE, 1)).isNotEqualTo(base);
        assertThat(base).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void canonicalTextSortsKeysAndWritesNumbersByValue() {
        assertThat(ProblemFingerprint.canonical("{\"b\": 1.50, \"a\": [\"\\u00e9\", 1E+3, 0.0]}"))
                .isEqualTo("{\"a\":[\"é\",1e3,0],\"b\":15e-1}");
        assertThat(ProblemFingerprint.canonical("1e999999999")).as("never expanded").isEqualTo("1e999999999");
    }
}
