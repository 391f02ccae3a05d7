package sluice.quota.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import sluice.quota.AdmissionRequest;
import sluice.quota.Admitted;
import sluice.quota.KeyLimits;
import sluice.quota.FailoverMode;
import sluice.quota.FailoverQuotaStore;
import sluice.quota.LocalQuotaStore;
import sluice.quota.QuotaStore;
import sluice.quota.Reservation;
import sluice.quota.Settled;
import sluice.quota.Settlement;
import sluice.quota.StreamAppend;
import sluice.quota.SystemTimeSource;
import sluice.quota.WindowSpec;
import sluice.quota.WindowCount;
import sluice.testsupport.TestServers;

/** Settling a request's reservations and appending its stream entry take one round trip, not three. */
class SettlementBatchIT {
    private static final KeyLimits TPM = KeyLimits.perMinute(0, 1_000_000);
    private static CountingProxy proxy;
    private static RedissonClient client;
    private static RedissonClient direct;

    @BeforeAll
    static void connect() throws Exception {
        proxy = new CountingProxy(TestServers.redis().port());
        client = proxy.client();
        direct = RedisQuotaConfig.client(TestServers.redis().uri());
    }

    @AfterAll
    static void disconnect() throws Exception {
        client.shutdown();
        direct.shutdown();
        proxy.close();
    }

    private RedissonQuotaStore store;
    private String stream;
    private Reservation key;
    private Reservation tenant;

    /** A request's two reservations: its key's and its tenant's, different hash tags. */
    @BeforeEach
    void admitKeyAndTenant() throws Exception {
        store = new RedissonQuotaStore(client);
        stream = "test:{events}:" + UUID.randomUUID();
        key = admit(store, "key-" + UUID.randomUUID(), 500);
        tenant = admit(store, "tenant:" + UUID.randomUUID(), 500);
    }

    @Test
    void twoReconcilesAndTheStreamAddAreOnePipelinedWrite() throws Exception {

        long before = proxy.clientWrites();
        Settled settled = store.settle(List.of(new Settlement(key, 120), new Settlement(tenant, 120)),
                new StreamAppend(stream, Map.of("request_id", "r-1")));
        awaitAll(settled);
        assertEquals(1, proxy.clientWrites() - before, "one write to Redis for the whole settlement");

        assertEquals(new WindowCount(1, 120), get(store.state(key.keyId())).minute());
        assertEquals(new WindowCount(1, 120), get(store.state(tenant.keyId())).minute());
        assertEquals(0, get(store.state(key.keyId())).inFlight(), "the lease is released");
        assertEquals(List.of("r-1"), direct.<String, String>getStream(stream, StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX)
                .values().stream().map(fields -> fields.get("request_id")).toList());

        Reservation again = admit(store, key.keyId(), 500);
        long separately = proxy.clientWrites();
        get(store.reconcile(again, 100));
        get(store.reconcile(admit(store, tenant.keyId(), 500), 100));
        assertEquals(3, proxy.clientWrites() - separately, "unbatched, a write per call: reconcile, admit, reconcile");
    }

    @Test
    void afterRedisLostItsScriptsEachReconcileRunsOnceAndTheEntryIsWritten() throws Exception {
        direct.getScript(StringCodec.INSTANCE).scriptFlush();

        awaitAll(store.settle(List.of(new Settlement(key, 70), new Settlement(tenant, 0)),
                new StreamAppend(stream, Map.of("request_id", "r-2"))));

        assertEquals(new WindowCount(1, 70), get(store.state(key.keyId())).minute(), "settled once, not twice");
        assertEquals(new WindowCount(1, 0), get(store.state(tenant.keyId())).minute());
        assertEquals(1, direct.getStream(stream, StringCodec.INSTANCE).size());
    }

    @Test
    void aLocalReservationSettlesLocallyAndLeavesTheEntryToTheCaller() throws Exception {
        LocalQuotaStore local = new LocalQuotaStore(SystemTimeSource.INSTANCE, WindowSpec.MINUTE, () -> 1);
        QuotaStore failover = new FailoverQuotaStore(new RedissonQuotaStore(client), local, FailoverMode.FAIL_OPEN_LOCAL);
        Reservation localOne = get(local.admit(request("key-" + UUID.randomUUID(), 500))) instanceof Admitted a
                ? a.reservation() : null;

        Settled settled = failover.settle(List.of(new Settlement(localOne, 40)),
                new StreamAppend(stream, Map.of("request_id", "r-3")));
        awaitAll(settled);

        assertNull(settled.appended(), "the caller writes the entry itself");
        assertEquals(new WindowCount(1, 40), get(local.state(localOne.keyId())).minute());
    }

    private static Reservation admit(QuotaStore store, String keyId, long tokens) throws Exception {
        return ((Admitted) get(store.admit(request(keyId, tokens)))).reservation();
    }

    private static AdmissionRequest request(String keyId, long tokens) {
        return new AdmissionRequest(keyId, TPM, tokens, "req-" + UUID.randomUUID(), Duration.ofMinutes(5).toMillis());
    }

    private static void awaitAll(Settled settled) throws Exception {
        for (CompletionStage<Void> each : settled.settlements()) {
            get(each);
        }
        if (settled.appended() != null) {
            get(settled.appended());
        }
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
