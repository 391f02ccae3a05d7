package sluice.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sluice.quota.KeyChoice;
import sluice.quota.KeyHeadroomCache;
import sluice.quota.KeySelector;
import sluice.quota.ManualTimeSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Choosing a key from a provider's pool ({@link KeySelector}, two random choices over the local
 * {@link KeyHeadroomCache}) with 10, 1,000 and 10,000 keys, one in ten known blocked: the cost
 * must not grow with the pool.
 */
@State(Scope.Benchmark)
public class KeySelectionBench {
    @Param({"10", "1000", "10000"})
    public int keys;

    private List<String> pool;
    private KeySelector selector;

    @Setup
    public void setUp() {
        ManualTimeSource clock = new ManualTimeSource(1_700_000_000_000L);
        KeyHeadroomCache cache = new KeyHeadroomCache(clock);
        pool = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            String id = "key-" + i;
            pool.add(id);
            if (i % 10 == 3) {
                cache.recordBlocked(id, clock.nowMillis() + 60_000);
            }
        }
        selector = new KeySelector(cache);
    }

    @Benchmark
    public KeyChoice choose() {
        return selector.choose(pool, Set.of());
    }
}
