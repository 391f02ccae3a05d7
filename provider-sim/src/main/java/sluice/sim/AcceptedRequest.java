package sluice.sim;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An admitted request holding one in-flight slot of its key. {@link #finish} gives the slot
 * back exactly once, whichever of answer, disconnect or hang limit comes first.
 */
final class AcceptedRequest {

    private final KeyState key;
    private final EffectiveFaults faults;
    private final AtomicBoolean finished = new AtomicBoolean();

    AcceptedRequest(KeyState key, EffectiveFaults faults) {
        this.key = key;
        this.faults = faults;
    }

    /** @return the faults in force for this request (read once, at admission) */
    EffectiveFaults faults() {
        return faults;
    }

    /** @return one fault draw for this request's key: true with probability {@code rate} */
    boolean roll(double rate) {
        return key.roll(rate);
    }

    /** Frees the in-flight slot and records the completion tokens produced; idempotent. */
    void finish(long completionTokens) {
        if (finished.compareAndSet(false, true)) {
            key.finish(completionTokens);
        }
    }
}
