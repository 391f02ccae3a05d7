package sluice.quota;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Rebuilds quota state after the shared store lost its data (docs/adr/0003-redis-down-policy.md).
 * Meant for a leader-only start-up job: check {@link #dataLost()}, then {@link #restore} from the
 * durable records.
 */
public interface QuotaStateRestorer {

    /**
     * @return true when the store's epoch marker is missing: the data was lost, or this is the
     *         store's first use (restoring then is harmless)
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Boolean> dataLost();

    /**
     * Re-applies each key's disabled flag and exhaustion deadline, starts its minute window full
     * (nothing admitted until one window has passed) and its daily counters at the supplied
     * conservative values, then sets the epoch marker.
     *
     * @return the number of keys restored
     * @throws QuotaStoreUnavailableException (in the stage) when the store is unreachable
     */
    CompletionStage<Integer> restore(List<KeyRecordSnapshot> keys);
}
