package sluice.quota.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import sluice.quota.Admission;
import sluice.quota.AdmissionRequest;
import sluice.quota.Admitted;
import sluice.quota.Denied;
import sluice.quota.DenyReason;
import sluice.quota.KeyLimits;
import sluice.quota.QuotaStoreUnavailableException;
import sluice.quota.Settled;
import sluice.quota.Settlement;
import sluice.quota.StreamAppend;
import sluice.quota.WindowCount;
import sluice.testsupport.TestServers;

/**
 * Commands issued on one event loop during one pass go to Redis as one pipelined write, each still
 * its own atomic script with its own answer; off a loop each goes at once, alone.
 */
class LoopPipelineIT {
    private static final KeyLimits RPM_5 = KeyLimits.perMinute(5, 0);
    private static CountingProxy proxy;
    private static RedissonClient client;
    private static RedissonClient direct;
    private static DefaultEventLoop loop;

    @BeforeAll
    static void connect() throws Exception {
        proxy = new CountingProxy(TestServers.redis().port());
        client = proxy.client();
        direct = RedisQuotaConfig.client(TestServers.redis().uri());
        loop = new DefaultEventLoop();
    }

    @AfterAll
    static void disconnect() throws Exception {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        client.shutdown();
        direct.shutdown();
        proxy.close();
    }

    @Test
    void admissionsOfManyRequestsInOneLoopPassAreOneWriteEachAnsweredOnItsOwn() throws Exception {
        RedissonQuotaStore store = new RedissonQuotaStore(client);
        String base = "key-" + UUID.randomUUID();

        long before = proxy.clientWrites();
        List<Admission> answers = onLoop(() -> {
            List<CompletionStage<Admission>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(store.admit(request(base + "-" + (i % 4), 100)));
            }
            return sent;
        });
        assertEquals(1, proxy.clientWrites() - before, "20 admissions sent in one write");

        long admitted = answers.stream().filter(Admitted.class::isInstance).count();
        assertEquals(20, admitted, "4 keys × 5 rpm: every one of the 20 fits");
        for (int i = 0; i < 4; i++) {
            assertEquals(new WindowCount(5, 500), get(store.state(base + "-" + i)).minute(), "key " + i);
        }
        long batches = store.pipelineBatches();

        long alone = proxy.clientWrites();
        for (int i = 0; i < 3; i++) {
            get(store.admit(request("key-" + UUID.randomUUID(), 100)));
        }
        assertEquals(3, proxy.clientWrites() - alone, "off a loop, a write per call");
        assertEquals(batches + 3, store.pipelineBatches());
    }

    @Test
    void aScriptRedisForgotRunsExactlyOnceInsideABatchAndTheLimitHolds() throws Exception {
        RedissonQuotaStore store = new RedissonQuotaStore(client);
        String keyId = "key-" + UUID.randomUUID();
        direct.getScript(StringCodec.INSTANCE).scriptFlush();

        List<Admission> answers = onLoop(() -> {
            List<CompletionStage<Admission>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(store.admit(request(keyId, 10)));
            }
            return sent;
        });

        assertEquals(5, answers.stream().filter(Admitted.class::isInstance).count(), "rpm 5: five admitted");
        answers.stream().filter(a -> !(a instanceof Admitted))
                .forEach(a -> assertEquals(DenyReason.RPM, assertInstanceOf(Denied.class, a).reason()));
        assertEquals(new WindowCount(5, 50), get(store.state(keyId)).minute(), "each script ran once");
    }

    @Test
    void aSettlementJoinsTheAdmissionsOfTheSamePass() throws Exception {
        RedissonQuotaStore store = new RedissonQuotaStore(client);
        String keyId = "key-" + UUID.randomUUID();
        Admitted first = (Admitted) get(store.admit(request(keyId, 100)));
        String stream = "test:{events}:" + UUID.randomUUID();

        long before = proxy.clientWrites();
        List<Object> answers = onLoop(() -> {
            List<CompletionStage<?>> sent = new ArrayList<>();
            Settled settled = store.settle(List.of(new Settlement(first.reservation(), 40)),
                    new StreamAppend(stream, Map.of("request_id", "r-1")));
            sent.addAll(settled.settlements());
            sent.add(settled.appended());
            sent.add(store.admit(request(keyId, 100)));
            return sent;
        });

        assertEquals(1, proxy.clientWrites() - before, "reconcile, XADD and a new admission in one write");
        assertInstanceOf(Admitted.class, answers.get(2));
        assertEquals(new WindowCount(2, 140), get(store.state(keyId)).minute());
        assertEquals(1, direct.getStream(stream, StringCodec.INSTANCE).size());
    }

    @Test
    void aPassRedisDoesNotAnswerFailsAsUnavailableAtTheDeadlineAndTheNextPassWorks() throws Exception {
        RedissonQuotaStore store = new RedissonQuotaStore(client,
                RedisQuotaSettings.defaults().withCallDeadline(Duration.ofMillis(300)));
        String keyId = "key-" + UUID.randomUUID();
        get(store.admit(request(keyId, 1))); // connections open before the hold
        CompletableFuture<List<CompletionStage<Admission>>> issued = new CompletableFuture<>();
        proxy.hold(true);
        long started = System.nanoTime();
        try {
            loop.execute(() -> issued.complete(List.of(store.admit(request(keyId, 1)), store.admit(request(keyId, 1)))));
            for (CompletionStage<Admission> each : issued.get(10, TimeUnit.SECONDS)) {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> get(each));
                assertInstanceOf(QuotaStoreUnavailableException.class, failed.getCause());
                assertTrue(failed.getCause().getMessage().contains("no answer within 300 ms"), failed.getCause().getMessage());
            }
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(waitedMs >= 300 && waitedMs < 3_000, "failed at the deadline, not before nor long after: " + waitedMs);
        } finally {
            proxy.hold(false);
        }
        List<Admission> after = onLoop(() -> List.of(store.admit(request("key-" + UUID.randomUUID(), 1))));
        assertInstanceOf(Admitted.class, after.get(0));
    }

    /** Runs {@code calls} as one task of the loop (one pass) and waits for every answer. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> onLoop(Supplier<List<? extends CompletionStage<?>>> calls) throws Exception {
        CompletableFuture<List<? extends CompletionStage<?>>> issued = new CompletableFuture<>();
        loop.execute(() -> issued.complete(calls.get()));
        List<T> answers = new ArrayList<>();
        for (CompletionStage<?> each : issued.get(10, TimeUnit.SECONDS)) {
            answers.add((T) get(each));
        }
        return answers;
    }

    private static AdmissionRequest request(String keyId, long tokens) {
        return new AdmissionRequest(keyId, RPM_5, tokens, "req-" + UUID.randomUUID(), Duration.ofMinutes(5).toMillis());
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
