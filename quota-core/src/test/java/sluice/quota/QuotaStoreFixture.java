package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the store contract suites share: a fake clock, a fresh store and a fresh key id per test
 * (so no cleanup is needed), and small admission helpers.
 */
public abstract class QuotaStoreFixture {
    /** 2026-03-10T12:00:00Z: a whole second, so bucket edges fall on round numbers. */
    protected static final long T0 = Instant.parse("2026-03-10T12:00:00Z").toEpochMilli();
    protected static final long LEASE_TTL = 30_000;

    protected ManualTimeSource clock;
    protected QuotaStore store;
    protected String key;

    /** @return a store whose time is {@code clock} and whose window is {@link WindowSpec#MINUTE} */
    protected abstract QuotaStore newStore(ManualTimeSource clock);

    @BeforeEach
    void createStore() {
        clock = new ManualTimeSource(T0);
        store = newStore(clock);
        key = "key-" + UUID.randomUUID();
    }

    protected static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    protected Admission admit(String keyId, KeyLimits limits, long tokens) {
        return await(store.admit(new AdmissionRequest(keyId, limits, tokens, "req-" + UUID.randomUUID(), LEASE_TTL)));
    }

    protected Reservation admitted(KeyLimits limits, long tokens) {
        Admission admission = admit(key, limits, tokens);
        return assertInstanceOf(Admitted.class, admission, () -> "expected admission, got " + admission)
                .reservation();
    }

    protected Denied denied(KeyLimits limits, long tokens, DenyReason reason) {
        Admission admission = admit(key, limits, tokens);
        Denied denied = assertInstanceOf(Denied.class, admission, () -> "expected " + reason + " denial");
        assertEquals(reason, denied.reason(), denied.detail());
        return denied;
    }

    protected KeyState state() {
        return await(store.state(key));
    }

    protected static KeyLimits limits(long rpm, long tpm, long rpd, long tpd, int concurrent) {
        return new KeyLimits(rpm, tpm, rpd, tpd, concurrent, ZoneOffset.UTC);
    }
}
