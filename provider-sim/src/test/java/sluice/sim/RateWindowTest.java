package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Limit semantics of each window policy, with explicit times. */
class RateWindowTest {

    private static final long T0 = ManualClock.START; // a whole minute

    private final RateWindow fixed = RateWindow.perMinute(WindowPolicy.FIXED_MINUTE, 3);
    private final RateWindow rolling = RateWindow.perMinute(WindowPolicy.ROLLING_60S, 3);
    private final RateWindow bucket = RateWindow.perMinute(WindowPolicy.TOKEN_BUCKET, 60);

    @Test
    void fixedFullWindowWaitsForTheNextMinuteBoundaryThenResets() {
        fill(fixed, 3, T0 + 45_000);
        assertEquals(15_000, fixed.waitMillis(1, T0 + 45_000));
        assertEquals(1, fixed.waitMillis(1, T0 + 59_999));
        assertEquals(0, fixed.waitMillis(1, T0 + 60_000));
        assertEquals(3, fixed.remaining(T0 + 60_000));
    }

    @Test
    void fixedAllowsAFullBurstOnEachSideOfABoundary() {
        fill(fixed, 3, T0 + 59_000);
        fill(fixed, 3, T0 + 60_000);
        assertEquals(3, fixed.used(T0 + 60_000));
        assertEquals(60_000, fixed.waitMillis(1, T0 + 60_000));
    }

    @Test
    void rollingCountsEverythingInTheLastSixtySecondsExactly() {
        rolling.record(1, T0);
        rolling.record(1, T0 + 20_000);
        rolling.record(1, T0 + 40_000);
        assertEquals(3, rolling.used(T0 + 59_999));
        assertEquals(1, rolling.waitMillis(1, T0 + 59_999));
        assertEquals(2, rolling.used(T0 + 60_000));
        assertEquals(0, rolling.waitMillis(1, T0 + 60_000));
    }

    @Test
    void rollingWaitsUntilEnoughOldAmountsExpire() {
        RateWindow tokens = RateWindow.perMinute(WindowPolicy.ROLLING_60S, 100);
        tokens.record(30, T0);
        tokens.record(30, T0 + 10_000);
        tokens.record(30, T0 + 20_000);
        assertEquals(0, tokens.waitMillis(10, T0 + 30_000));
        assertEquals(40_000, tokens.waitMillis(50, T0 + 30_000)); // needs 2 expiries
        assertEquals(60_000, tokens.waitMillis(101, T0 + 30_000)); // can never fit
        assertEquals(50_000, tokens.resetMillis(T0 + 30_000));
    }

    @Test
    void bucketRefillsLimitPerMinuteContinuously() {
        fill(bucket, 60, T0);
        assertEquals(1_000, bucket.waitMillis(1, T0));
        assertEquals(0, bucket.waitMillis(1, T0 + 1_000));
        bucket.record(1, T0 + 1_000);
        assertEquals(500, bucket.waitMillis(1, T0 + 1_500));
        assertEquals(30, bucket.remaining(T0 + 31_000));
        assertEquals(60, bucket.remaining(T0 + 120_000)); // capped at capacity
    }

    @Test
    void bucketDebtFromAnUnconditionalChargeDelaysRefill() {
        bucket.record(90, T0); // 30 below empty
        assertEquals(31_000, bucket.waitMillis(1, T0));
        assertEquals(90_000, bucket.resetMillis(T0));
    }

    @Test
    void dailyWindowResetsAtUtcMidnight() {
        FixedWindow day = new FixedWindow(2, RateWindow.DAY_MILLIS);
        long tenPm = T0 + 14 * 3_600_000L; // T0 is 08:00 UTC
        fill(day, 2, tenPm);
        assertEquals(2 * 3_600_000L, day.waitMillis(1, tenPm));
        assertEquals(2 * 3_600_000L, day.untilNextBoundary(tenPm));
        assertEquals(0, day.waitMillis(1, tenPm + 2 * 3_600_000L));
    }

    private static void fill(RateWindow window, int requests, long now) {
        for (int i = 0; i < requests; i++) {
            assertEquals(0, window.waitMillis(1, now), "request " + i + " should fit");
            window.record(1, now);
        }
    }
}
