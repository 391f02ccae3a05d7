package sluice.quota.redis;

import java.time.Duration;
import java.util.Objects;
import sluice.quota.SystemTimeSource;
import sluice.quota.TimeSource;
import sluice.quota.WindowSpec;

/**
 * How {@link RedissonQuotaStore} talks to Redis.
 *
 * @param window        the rolling window's length and bucket size
 * @param callDeadline  every Redis call fails with {@code QuotaStoreUnavailableException} after this
 * @param clockOverride null: scripts read Redis {@code TIME}, so every replica agrees (production);
 *                      a {@link TimeSource}: its time is passed to every script (tests, fake clock)
 * @param loopPipelining commands issued on a Netty event loop during one pass of it go to Redis as one
 *                      pipelined batch at the end of the pass ({@link LoopPipeline}); off a loop nothing changes
 */
public record RedisQuotaSettings(WindowSpec window, Duration callDeadline, TimeSource clockOverride,
                                 boolean loopPipelining) {

    public RedisQuotaSettings {
        Objects.requireNonNull(window, "window");
        if (callDeadline == null || callDeadline.isNegative() || callDeadline.isZero()) {
            throw new IllegalArgumentException("callDeadline must be positive");
        }
    }

    /** One-minute window in 100 ms buckets, 1.5 s per call, Redis {@code TIME}, loop pipelining on. */
    public static RedisQuotaSettings defaults() {
        return new RedisQuotaSettings(WindowSpec.MINUTE, Duration.ofMillis(1500), null, true);
    }

    public RedisQuotaSettings withClock(TimeSource clock) {
        return new RedisQuotaSettings(window, callDeadline, clock, loopPipelining);
    }

    public RedisQuotaSettings withWindow(WindowSpec spec) {
        return new RedisQuotaSettings(spec, callDeadline, clockOverride, loopPipelining);
    }

    public RedisQuotaSettings withCallDeadline(Duration deadline) {
        return new RedisQuotaSettings(window, deadline, clockOverride, loopPipelining);
    }

    public RedisQuotaSettings withLoopPipelining(boolean on) {
        return new RedisQuotaSettings(window, callDeadline, clockOverride, on);
    }

    /** The ARGV[1] every script takes: the override's now, or -1 for Redis TIME. */
    String nowArgument() {
        return clockOverride == null ? "-1" : Long.toString(clockOverride.nowMillis());
    }

    /** The clock Java uses to pick calendar days to offer to a script (the script picks its own). */
    TimeSource localClock() {
        return clockOverride == null ? SystemTimeSource.INSTANCE : clockOverride;
    }
}
