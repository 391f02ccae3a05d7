package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract on the in-memory store, plus its share-of-the-limit behaviour. */
class LocalQuotaStoreTest extends AbstractQuotaStoreContractTest {
    private final AtomicInteger replicas = new AtomicInteger(1);

    @Override
    protected QuotaStore newStore(ManualTimeSource clock) {
        return new LocalQuotaStore(clock, WindowSpec.MINUTE, replicas::get);
    }

    @Test
    void enforcesItsShareOfEachLimitAmongLiveReplicas() {
        replicas.set(4);
        KeyLimits limits = KeyLimits.perMinute(10, 0);
        assertInstanceOf(Admitted.class, admit(key, limits, 1));
        assertInstanceOf(Admitted.class, admit(key, limits, 1));
        Denied denied = assertInstanceOf(Denied.class, admit(key, limits, 1));
        assertEquals(DenyReason.RPM, denied.reason(), "10 / 4 replicas = 2 per replica");
    }

    @Test
    void aShareNeverRoundsDownToUnlimited() {
        replicas.set(50);
        KeyLimits limits = KeyLimits.perMinute(10, 0);
        assertInstanceOf(Admitted.class, admit(key, limits, 1));
        assertInstanceOf(Denied.class, admit(key, limits, 1));
    }

    @Test
    void requestsAdmittedElsewhereCountAgainstTheLocalShare() {
        LocalQuotaStore local = (LocalQuotaStore) store;
        KeyLimits limits = KeyLimits.perMinute(5, 0);
        for (int i = 0; i < 3; i++) {
            local.absorb(new AdmissionRequest(key, limits, 10, "shared-" + i, LEASE_TTL));
        }
        assertInstanceOf(Admitted.class, admit(key, limits, 1));
        assertInstanceOf(Admitted.class, admit(key, limits, 1));
        assertInstanceOf(Denied.class, admit(key, limits, 1));
        assertEquals(2, state().inFlight(), "absorbed requests hold no lease here");
    }
}
