package sluice.router.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WeightedRoundRobinTest {

    @Test
    void tenThousandPicksFollowTheWeightsWithinTwoPercent() {
        WeightedRoundRobin<String> spread = new WeightedRoundRobin<>(List.of("glm", "kimi", "qwen"), List.of(5, 3, 2));
        int[] counts = new int[3];

        for (int i = 0; i < 10_000; i++) {
            counts[spread.nextIndex()]++;
        }

        double[] expectedShares = {0.5, 0.3, 0.2};
        for (int i = 0; i < 3; i++) {
            double share = counts[i] / 10_000.0;
            assertTrue(Math.abs(share - expectedShares[i]) <= 0.02,
                    spread.items().get(i) + " got " + share + ", weight share " + expectedShares[i]);
        }
    }

    @Test
    void picksAreSpreadSmoothlyNotInBursts() {
        WeightedRoundRobin<String> spread = new WeightedRoundRobin<>(List.of("a", "b", "c"), List.of(5, 1, 1));
        StringBuilder order = new StringBuilder();

        for (int i = 0; i < 14; i++) {
            order.append(spread.next());
        }

        assertEquals("aabacaaaabacaa", order.toString());
    }

    @Test
    void evenlyIsPlainRoundRobin() {
        WeightedRoundRobin<String> spread = WeightedRoundRobin.evenly(List.of("a", "b", "c"));

        assertEquals(List.of("a", "b", "c", "a"), List.of(spread.next(), spread.next(), spread.next(), spread.next()));
    }

    @Test
    void concurrentPickersGetExactlyTheWeightedShares() throws Exception {
        WeightedRoundRobin<String> spread = new WeightedRoundRobin<>(List.of("glm", "kimi"), List.of(2, 1));
        AtomicIntegerArray counts = new AtomicIntegerArray(2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> pickers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                pickers.add(pool.submit(() -> {
                    for (int i = 0; i < 30_000; i++) {
                        counts.incrementAndGet(spread.nextIndex());
                    }
                }));
            }
            for (Future<?> picker : pickers) {
                picker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(160_000, counts.get(0));
        assertEquals(80_000, counts.get(1));
    }

    @Test
    void rejectsWeightsThatCannotBeScheduled() {
        assertThrows(IllegalArgumentException.class, () -> new WeightedRoundRobin<>(List.of("a"), List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> new WeightedRoundRobin<>(List.of("a", "b"), List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new WeightedRoundRobin<>(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new WeightedRoundRobin<>(List.of("a", "b"), List.of(6_000, 5_000)));
    }
}
