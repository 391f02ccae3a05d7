package sluice.quota;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What {@link QuotaStore#settle} started: one stage per settlement, in order, and the stream
 * entry's stage, or null when the store did not take the entry (the caller writes it itself).
 */
public record Settled(List<CompletionStage<Void>> settlements, CompletionStage<Void> appended) {
    public Settled {
        settlements = List.copyOf(settlements);
    }

    /** Each settlement on its own, the entry left to the caller: what a store without streams does. */
    public static Settled separately(QuotaStore store, List<Settlement> settlements) {
        return new Settled(settlements.stream()
                .map(s -> store.reconcile(s.reservation(), s.actualTokens())).toList(), null);
    }
}
