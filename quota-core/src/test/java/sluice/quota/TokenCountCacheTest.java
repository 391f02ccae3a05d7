package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Long texts sent again (an agent's history, its tools) are counted once; the counts stay exact. */
class TokenCountCacheTest {
    private static final String HISTORY = "The quota service admits each request atomically in Redis before the call. "
            .repeat(40);

    @Test
    void aLongTextSentAgainIsNotCountedAgainAndItsCountIsTheTokenizers() {
        TokenEstimator cached = new TokenEstimator(512);
        TokenEstimator uncached = new TokenEstimator(512, 0);
        long first = cached.countPrompt("gpt-4o", List.of(HISTORY, "next question"));
        assertEquals(1, cached.cachedCounts(), "only the long text is remembered");
        long again = cached.countPrompt("gpt-4o", List.of(HISTORY, "another question, longer"));
        assertEquals(uncached.countPrompt("gpt-4o", List.of(HISTORY, "next question")), first);
        assertEquals(uncached.countPrompt("gpt-4o", List.of(HISTORY, "another question, longer")), again);
        assertEquals(0, uncached.cachedCounts());
    }

    @Test
    void theTokenizerRunsOncePerDistinctTextAndEncoding() {
        TokenCountCache cache = new TokenCountCache(100);
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            cache.count("o200k_base", HISTORY, t -> { calls.incrementAndGet(); return 7; });
        }
        assertEquals(1, calls.get());
        cache.count("cl100k_base", HISTORY, t -> { calls.incrementAndGet(); return 9; });
        assertEquals(2, calls.get(), "another encoding counts another way");
        assertEquals(9, cache.count("cl100k_base", HISTORY, t -> 0));
        cache.count("o200k_base", HISTORY + "!", t -> calls.incrementAndGet());
        assertEquals(3, calls.get(), "one more character is another text");
    }

    @Test
    void shortTextsAreAlwaysCountedAndTheCacheStaysBounded() {
        TokenCountCache cache = new TokenCountCache(3);
        AtomicInteger calls = new AtomicInteger();
        cache.count("o200k_base", "short", t -> calls.incrementAndGet());
        cache.count("o200k_base", "short", t -> calls.incrementAndGet());
        assertEquals(2, calls.get());
        for (int i = 0; i < 10; i++) {
            cache.count("o200k_base", HISTORY + i, t -> t.length());
        }
        assertTrue(cache.size() <= 3, "bounded: " + cache.size());
        assertNotEquals(0, cache.size());
    }
}
