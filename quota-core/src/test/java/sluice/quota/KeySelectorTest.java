package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeySelectorTest {
    private final ManualTimeSource clock = new ManualTimeSource(1_000_000);
    private final KeyHeadroomCache cache = new KeyHeadroomCache(clock, 60_000);
    private final KeySelector selector = new KeySelector(cache);

    private static List<String> pool(int size) {
        return IntStream.range(0, size).mapToObj(i -> "key-" + i).toList();
    }

    /** Mean cache reads per choice over many choices, a third of the pool known blocked. */
    private double lookupsPerChoice(List<String> keys) {
        for (int i = 0; i < keys.size(); i += 3) {
            cache.recordBlocked(keys.get(i), clock.nowMillis() + 30_000);
        }
        int choices = 2000;
        long before = cache.lookups();
        long worst = 0;
        for (int i = 0; i < choices; i++) {
            long start = cache.lookups();
            assertTrue(selector.choose(keys, Set.of()).keyId().isPresent());
            worst = Math.max(worst, cache.lookups() - start);
        }
        assertTrue(worst <= 2 * 16 + 2, "one choice read the cache " + worst + " times");
        return (double) (cache.lookups() - before) / choices;
    }

    @Test
    void cacheReadsPerChoiceDoNotGrowWithThePoolSize() {
        double small = lookupsPerChoice(pool(10));
        double large = lookupsPerChoice(pool(10_000));
        assertTrue(large < small + 1.0, "10 keys: " + small + " reads per choice, 10,000 keys: " + large);
        assertTrue(large < 6, "10,000 keys: " + large + " reads per choice");
    }

    @Test
    void prefersTheKeyWithMoreHeadroom() {
        KeyLimits rpm10 = KeyLimits.perMinute(10, 0);
        cache.recordUsage("busy", new KeyUsage(rpm10, 9, 0, 0, 0, 0, 0));
        cache.recordUsage("idle", new KeyUsage(rpm10, 1, 0, 0, 0, 0, 0));
        for (int i = 0; i < 50; i++) {
            assertEquals("idle", selector.choose(List.of("busy", "idle"), Set.of()).keyId().orElseThrow());
        }
    }

    @Test
    void neverChoosesAKeyKnownBlockedOrAlreadyTried() {
        List<String> keys = pool(10);
        cache.recordBlocked("key-0", clock.nowMillis() + 10_000);
        Set<String> tried = Set.of("key-1", "key-2", "key-3", "key-4", "key-5", "key-6", "key-7", "key-8");
        for (int i = 0; i < 50; i++) {
            assertEquals("key-9", selector.choose(keys, tried).keyId().orElseThrow(), "the only usable key");
        }
    }

    @Test
    void aBlockedKeyComesBackWhenItsBlockEndsAndTheSoonestEndIsReported() {
        List<String> keys = List.of("a", "b");
        cache.recordBlocked("a", clock.nowMillis() + 5_000);
        cache.recordBlocked("b", clock.nowMillis() + 9_000);
        KeyChoice none = selector.choose(keys, Set.of());
        assertFalse(none.keyId().isPresent());
        assertEquals(clock.nowMillis() + 5_000, none.soonestUnblockMillis());
        clock.advanceMillis(5_000);
        assertEquals("a", selector.choose(keys, Set.of()).keyId().orElseThrow());
    }

    @Test
    void aBlockIsNeverTrustedLongerThanTheSkipLimit() {
        cache.recordBlocked("disabled-elsewhere", Denied.NEVER);
        clock.advanceMillis(60_000);
        assertFalse(cache.isBlocked("disabled-elsewhere"), "re-checked against Redis after a minute");
    }

    @Test
    void spreadsLoadOverAPoolOfUnknownKeys() {
        List<String> keys = pool(4);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            chosen.add(selector.choose(keys, Set.of()).keyId().orElseThrow());
        }
        for (String key : keys) {
            long times = chosen.stream().filter(key::equals).count();
            assertTrue(times > 50, key + " chosen " + times + " of 400 times");
        }
    }
}
