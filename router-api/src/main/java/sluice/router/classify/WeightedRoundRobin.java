package sluice.router.classify;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Smooth weighted round robin without locks. The smooth schedule (nginx's algorithm: weights 5,1,1
 * give a a b a c a a, not a a a a a b c) is computed once for one full cycle of
 * {@code sum(weights)} picks; a pick is one atomic increment and an array read, so concurrent
 * callers never block and over any whole number of cycles each item is picked exactly in
 * proportion to its weight.
 *
 * @param <T> what is picked
 */
public final class WeightedRoundRobin<T> {

    /** Upper bound on the sum of weights, which is the schedule's length. */
    public static final int MAX_TOTAL_WEIGHT = 10_000;

    private final List<T> items;
    private final int[] schedule;
    private final AtomicLong cursor = new AtomicLong();

    /**
     * @throws IllegalArgumentException when sizes differ, the list is empty, a weight is &lt; 1 or the
     *                                  weights sum to more than {@link #MAX_TOTAL_WEIGHT}
     */
    public WeightedRoundRobin(List<T> items, List<Integer> weights) {
        if (items.isEmpty() || items.size() != weights.size()) {
            throw new IllegalArgumentException("need one weight per item and at least one item, got "
                    + items.size() + " items and " + weights.size() + " weights");
        }
        long total = 0;
        for (int weight : weights) {
            if (weight < 1) {
                throw new IllegalArgumentException("weights must be >= 1, got " + weight);
            }
            total += weight;
        }
        if (total > MAX_TOTAL_WEIGHT) {
            throw new IllegalArgumentException("weights sum to " + total + ", more than " + MAX_TOTAL_WEIGHT);
        }
        this.items = List.copyOf(items);
        this.schedule = smoothSchedule(weights, (int) total);
    }

    /** Plain round robin: every item weight 1. */
    public static <T> WeightedRoundRobin<T> evenly(List<T> items) {
        return new WeightedRoundRobin<>(items, java.util.Collections.nCopies(items.size(), 1));
    }

    /** The index of the next item in the schedule. */
    public int nextIndex() {
        long pick = cursor.getAndIncrement();
        return schedule[(int) Math.floorMod(pick, (long) schedule.length)];
    }

    public T next() {
        return items.get(nextIndex());
    }

    public List<T> items() {
        return items;
    }

    private static int[] smoothSchedule(List<Integer> weights, int total) {
        int[] current = new int[weights.size()];
        int[] schedule = new int[total];
        for (int slot = 0; slot < total; slot++) {
            int best = 0;
            for (int i = 0; i < current.length; i++) {
                current[i] += weights.get(i);
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            schedule[slot] = best;
        }
        return schedule;
    }
}
