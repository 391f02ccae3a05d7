package sluice.quota;

import java.util.List;

/** The answer of {@link QuotaEngine#admitAny}: one key admitted, or every attempt refused. */
public sealed interface PoolAdmission permits PoolAdmission.Granted, PoolAdmission.Refused {

    /** Keys actually tried (admission round trips), for the attempts response header. */
    int attempts();

    /**
     * @param admitted the admission on the chosen key ({@code admitted.reservation().keyId()})
     * @param refusals the keys that refused before it
     */
    record Granted(Admitted admitted, List<KeyDenial> refusals) implements PoolAdmission {
        @Override
        public int attempts() {
            return refusals.size() + 1;
        }
    }

    /**
     * @param refusals              every key tried and its denial (empty when this replica's
     *                              cache knew every drawn key blocked)
     * @param earliestRetryAtMillis the soonest any tried or skipped key frees up
     *                              ({@link Denied#NEVER} when none will by itself)
     */
    record Refused(List<KeyDenial> refusals, long earliestRetryAtMillis) implements PoolAdmission {
        @Override
        public int attempts() {
            return refusals.size();
        }

        /** True when the shared store was unreachable and the policy is to fail closed. */
        public boolean storeUnavailable() {
            return refusals.stream().anyMatch(r -> r.denied().reason() == DenyReason.STORE_UNAVAILABLE);
        }
    }
}
