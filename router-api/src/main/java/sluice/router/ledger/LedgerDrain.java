package sluice.router.ledger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.redisson.api.AutoClaimResult;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;
import sluice.keystore.UsageEvent;
import sluice.keystore.UsageLedgerWriter;
import sluice.keystore.UsagePartitions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Moves usage events from the Redis Stream outbox into the PostgreSQL ledger. Every replica runs
 * one drain in a consumer group: an entry is acknowledged (and deleted) only after its batch is
 * in PostgreSQL, and the ledger ignores a request id it already has, so nothing is lost and
 * nothing doubled — not when PostgreSQL is down for a while (entries wait in the stream), not
 * when a replica dies mid-batch (another claims its pending entries after {@link #CLAIM_IDLE}).
 * On a graceful shutdown the drain empties what it can first.
 */
@ApplicationScoped
public class LedgerDrain {
    static final String GROUP = "ledger";
    static final Duration CLAIM_IDLE = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(LedgerDrain.class);
    private static final int BATCH = 500;

    private final RStream<String, String> stream;
    private final RStream<String, String> deadLetters;
    private final UsageLedgerWriter writer;
    private final UsagePartitions partitions;
    private final String consumer = "replica-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 6);
    private volatile boolean running = true;
    private Thread thread;

    public LedgerDrain(RedissonClient redisson, UsageLedgerWriter writer, UsagePartitions partitions) {
        this.stream = redisson.getStream(UsageOutbox.STREAM, StringCodec.INSTANCE);
        this.deadLetters = redisson.getStream(UsageOutbox.DEAD_LETTERS, StringCodec.INSTANCE);
        this.writer = writer;
        this.partitions = partitions;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::loop, "sluice-ledger-drain");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        drainOnce(Duration.ZERO); // what arrived while stopping
    }

    private void loop() {
        ensureGroup();
        try {
            VertxContextSupport.subscribeAndAwait(partitions::ensureCurrentAndNextMonth);
        } catch (Throwable e) {
            LOG.warnf("ledger partitions not prepared yet: %s", e.getMessage());
        }
        long nextClaim = 0;
        while (running) {
            try {
                if (System.currentTimeMillis() >= nextClaim) {
                    claimAbandoned();
                    nextClaim = System.currentTimeMillis() + CLAIM_IDLE.toMillis() / 2;
                }
                drainOnce(Duration.ofSeconds(1));
            } catch (Throwable e) {
                LOG.debugf("ledger drain paused: %s", e.getMessage());
                ensureGroup();
                pause();
            }
        }
    }

    /** Own pending entries first (a failed write is retried), then new ones. */
    private void drainOnce(Duration block) {
        write(stream.readGroup(GROUP, consumer, StreamReadGroupArgs.greaterThan(new StreamMessageId(0, 0)).count(BATCH)));
        StreamReadGroupArgs fresh = StreamReadGroupArgs.neverDelivered().count(BATCH);
        write(stream.readGroup(GROUP, consumer, block.isZero() ? fresh : fresh.timeout(block)));
    }

    /** Entries a dead replica read but never acknowledged become this replica's. */
    private void claimAbandoned() {
        AutoClaimResult<String, String> claimed = stream.autoClaim(GROUP, consumer, CLAIM_IDLE.toMillis(),
                TimeUnit.MILLISECONDS, StreamMessageId.MIN, BATCH);
        write(claimed.getMessages());
    }

    private void write(Map<StreamMessageId, Map<String, String>> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        List<UsageEvent> events = new ArrayList<>(entries.size());
        List<StreamMessageId> ids = new ArrayList<>(entries.keySet());
        for (Map.Entry<StreamMessageId, Map<String, String>> entry : entries.entrySet()) {
            try {
                events.add(UsageEvent.fromFields(entry.getValue()));
            } catch (RuntimeException malformed) {
                LOG.errorf("usage event %s is malformed, moved to %s: %s", entry.getKey(), UsageOutbox.DEAD_LETTERS,
                        malformed.getMessage());
                deadLetters.add(StreamAddArgs.entries(entry.getValue()));
            }
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> writer.writeBatch(events));
        } catch (Throwable e) {
            throw new IllegalStateException("ledger write failed: " + e.getMessage(), e);
        }
        StreamMessageId[] done = ids.toArray(StreamMessageId[]::new);
        stream.ack(GROUP, done);
        stream.remove(done);
    }

    private void ensureGroup() {
        try {
            stream.createGroup(StreamCreateGroupArgs.name(GROUP).id(StreamMessageId.ALL).makeStream());
        } catch (RuntimeException exists) {
            // BUSYGROUP: created by another replica or an earlier start
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
