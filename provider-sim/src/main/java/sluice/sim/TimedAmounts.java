package sluice.sim;

/**
 * A growable ring of (time, amount) pairs in arrival order, optionally capped: when full, the
 * oldest pair is dropped. Primitive arrays, so a busy key costs no object per request.
 */
final class TimedAmounts {

    private static final int INITIAL_CAPACITY = 64;

    private final int maxSize;
    private long[] times = new long[INITIAL_CAPACITY];
    private long[] amounts = new long[INITIAL_CAPACITY];
    private int head;
    private int size;

    /** @param maxSize most pairs kept; {@link Integer#MAX_VALUE} for no cap */
    TimedAmounts(int maxSize) {
        this.maxSize = maxSize;
    }

    void add(long time, long amount) {
        if (size == maxSize) {
            removeFirst();
        }
        if (size == times.length) {
            grow();
        }
        int tail = (head + size) % times.length;
        times[tail] = time;
        amounts[tail] = amount;
        size++;
    }

    int size() {
        return size;
    }

    /** @return the time of the i-th oldest pair */
    long time(int i) {
        return times[(head + i) % times.length];
    }

    /** @return the amount of the i-th oldest pair */
    long amount(int i) {
        return amounts[(head + i) % amounts.length];
    }

    void removeFirst() {
        head = (head + 1) % times.length;
        size--;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    private void grow() {
        // only called while size < maxSize, so the new capacity is always larger
        int capacity = (int) Math.min(times.length * 2L, maxSize);
        long[] newTimes = new long[capacity];
        long[] newAmounts = new long[capacity];
        for (int i = 0; i < size; i++) {
            newTimes[i] = time(i);
            newAmounts[i] = amount(i);
        }
        times = newTimes;
        amounts = newAmounts;
        head = 0;
    }
}
