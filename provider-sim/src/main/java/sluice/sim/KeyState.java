package sluice.sim;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated API key: its limits, windows, faults and counters. Every check-and-charge runs
 * under this object's lock, with the time read under the lock, so decisions per key are atomic
 * and the usage log stays in time order.
 */
final class KeyState {

    private static final long CONCURRENCY_RETRY_MILLIS = 1_000;

    private final String name;
    private final TimeSource clock;
    private final TpmCharge tpmCharge;
    private final long seed;
    private final long[] rejected = new long[RejectReason.values().length];
    private final UsageLog usage = new UsageLog();

    private KeyLimits limits;
    private WindowPolicy policy;
    private Faults ownFaults = Faults.inherit();
    private volatile EffectiveFaults faults;
    private RateWindow rpm;
    private RateWindow tpm;
    private FixedWindow rpd;
    private SplittableRandom random;
    private long exhaustedUntil;
    private int inFlight;
    private int maxInFlight;
    private long accepted;
    private long promptTokens;
    private long completionTokens;

    KeyState(String name, TimeSource clock, TpmCharge tpmCharge, long seed) {
        this.name = name;
        this.clock = clock;
        this.tpmCharge = tpmCharge;
        this.seed = seed;
        this.random = newRandom();
    }

    /**
     * Sets the limits. Windows restart only when a limit or the window policy changes.
     *
     * @param defaultPolicy the simulator's policy, used when the limits name none
     */
    synchronized void configure(KeyLimits newLimits, WindowPolicy defaultPolicy) {
        WindowPolicy newPolicy = newLimits.window() != null ? newLimits.window() : defaultPolicy;
        boolean changed = limits == null || newPolicy != policy
                || newLimits.rpm() != limits.rpm() || newLimits.tpm() != limits.tpm()
                || newLimits.rpd() != limits.rpd();
        limits = newLimits;
        policy = newPolicy;
        if (changed) {
            buildWindows();
        }
    }

    /** Sets this key's own faults ({@code null} fields inherit {@code global}). */
    synchronized void setFaults(Faults own, Faults global) {
        ownFaults = own;
        faults = EffectiveFaults.resolve(own.over(global));
    }

    /** Re-resolves this key's faults after the global faults changed. */
    synchronized void applyGlobalFaults(Faults global) {
        faults = EffectiveFaults.resolve(ownFaults.over(global));
    }

    EffectiveFaults faults() {
        return faults;
    }

    /**
     * Checks every limit and, if all pass, charges them and takes an in-flight slot.
     *
     * @param prompt prompt tokens of the request
     * @param maxTokens the request's max_tokens, or -1 when absent
     */
    synchronized Admission admit(long prompt, int maxTokens) {
        long now = clock.nowMillis();
        if (exhaustedUntil > now) {
            return deny(RejectReason.EXHAUSTED, exhaustedUntil - now, limits.rpd(), 0, 1, now);
        }
        if (rpd != null && rpd.waitMillis(1, now) > 0) {
            return deny(RejectReason.RPD, rpd.untilNextBoundary(now), rpd.limit(),
                    rpd.used(now), 1, now);
        }
        if (limits.concurrency() > 0 && inFlight >= limits.concurrency()) {
            return deny(RejectReason.CONCURRENCY, CONCURRENCY_RETRY_MILLIS,
                    limits.concurrency(), inFlight, 1, now);
        }
        long rpmWait = rpm == null ? 0 : rpm.waitMillis(1, now);
        if (rpmWait > 0) {
            return deny(RejectReason.RPM, rpmWait, rpm.limit(), rpm.used(now), 1, now);
        }
        long charge = arrivalCharge(prompt, maxTokens);
        long needed = tpmCharge == TpmCharge.PROMPT_PLUS_ACTUAL ? 1 : charge;
        long tpmWait = tpm == null ? 0 : tpm.waitMillis(needed, now);
        if (tpmWait > 0) {
            return deny(RejectReason.TPM, tpmWait, tpm.limit(), tpm.used(now), charge, now);
        }
        return commit(prompt, charge, now);
    }

    /** Counts a request that was refused before admission (fault or bad request). */
    synchronized void reject(RejectReason reason) {
        rejected[reason.ordinal()]++;
    }

    /** @return true with probability {@code rate}, from this key's seeded random sequence */
    synchronized boolean roll(double rate) {
        if (rate <= 0) {
            return false;
        }
        return rate >= 1 || random.nextDouble() < rate;
    }

    /** Marks the key exhausted until the next UTC midnight. */
    synchronized void exhaust() {
        long now = clock.nowMillis();
        exhaustedUntil = now + untilUtcMidnight(now);
    }

    /** Clears counters, windows, stats and exhaustion; keeps limits, faults and in-flight. */
    synchronized void reset() {
        buildWindows();
        Arrays.fill(rejected, 0);
        usage.clear();
        random = newRandom();
        exhaustedUntil = 0;
        maxInFlight = inFlight;
        accepted = 0;
        promptTokens = 0;
        completionTokens = 0;
    }

    synchronized KeyStats stats() {
        Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            byReason.put(reason, rejected[reason.ordinal()]);
        }
        long[] max = usage.maxInAnyWindow(RateWindow.MINUTE_MILLIS);
        return new KeyStats(limits, accepted, byReason, promptTokens, completionTokens, inFlight,
                maxInFlight, max[0], max[1], usage.minuteBuckets());
    }

    /** Called once per accepted request by {@link AcceptedRequest#finish}. */
    synchronized void finish(long completion) {
        inFlight--;
        completionTokens += completion;
        if (tpmCharge == TpmCharge.PROMPT_PLUS_ACTUAL && completion > 0) {
            long now = clock.nowMillis();
            if (tpm != null) {
                tpm.record(completion, now);
            }
            usage.recordTokens(now, completion);
        }
    }

    /** @return milliseconds from {@code now} to the next UTC midnight */
    static long untilUtcMidnight(long now) {
        return RateWindow.DAY_MILLIS - Math.floorMod(now, RateWindow.DAY_MILLIS);
    }

    private long arrivalCharge(long prompt, int maxTokens) {
        if (tpmCharge == TpmCharge.PROMPT_PLUS_ACTUAL) {
            return prompt;
        }
        return prompt + (maxTokens >= 0 ? maxTokens : faults.completionTokens());
    }

    private Admission commit(long prompt, long charge, long now) {
        if (rpd != null) {
            rpd.record(1, now);
        }
        if (rpm != null) {
            rpm.record(1, now);
        }
        if (tpm != null) {
            tpm.record(charge, now);
        }
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        accepted++;
        promptTokens += prompt;
        usage.recordRequest(now, charge);
        AcceptedRequest request = new AcceptedRequest(this, faults);
        return Admission.accept(request, RateLimitSnapshot.of(rpm, tpm, now));
    }

    private Admission deny(RejectReason reason, long retryAfterMillis, long limit, long used,
                           long requested, long now) {
        rejected[reason.ordinal()]++;
        return Admission.deny(reason, retryAfterMillis, limit, used, requested,
                RateLimitSnapshot.of(rpm, tpm, now));
    }

    private void buildWindows() {
        rpm = limits.rpm() > 0 ? RateWindow.perMinute(policy, limits.rpm()) : null;
        tpm = limits.tpm() > 0 ? RateWindow.perMinute(policy, limits.tpm()) : null;
        rpd = limits.rpd() > 0 ? new FixedWindow(limits.rpd(), RateWindow.DAY_MILLIS) : null;
    }

    private SplittableRandom newRandom() {
        return new SplittableRandom(seed * 1_000_003L + name.hashCode());
    }
}
