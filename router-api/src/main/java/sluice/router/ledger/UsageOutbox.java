package sluice.router.ledger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;
import sluice.keystore.UsageEvent;
import sluice.quota.StreamAppend;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * The durable outbox of usage events: one Redis Stream entry per completed request, written
 * before the client's response ends, so a replica killed a moment later loses nothing. The
 * {@link LedgerDrain} of any replica moves the entries into PostgreSQL, exactly once.
 */
@ApplicationScoped
public class UsageOutbox {
    /** The stream; its own hash tag, apart from any key's quota state. */
    public static final String STREAM = "sluice:{ledger}:events";
    /** Entries the ledger can never accept (malformed), kept for an operator. */
    public static final String DEAD_LETTERS = "sluice:{ledger}:dead";
    private static final Logger LOG = Logger.getLogger(UsageOutbox.class);

    private final RStream<String, String> stream;
    private final LongAdder failures = new LongAdder();

    public UsageOutbox(RedissonClient redisson) {
        this.stream = redisson.getStream(STREAM, StringCodec.INSTANCE);
    }

    /**
     * Appends the event. The future completes on the caller's context once Redis has it — or
     * once writing failed (logged and counted: answering the client never fails for it).
     */
    public Future<Void> append(UsageEvent event) {
        CompletionStage<Void> added;
        try {
            added = stream.addAsync(StreamAddArgs.entries(event.toFields())).thenApply(id -> null);
        } catch (RuntimeException error) {
            added = CompletableFuture.failedFuture(error);
        }
        return written(event, added);
    }

    /** The event as an entry the quota store sends together with its settlements. */
    public StreamAppend entryOf(UsageEvent event) {
        return new StreamAppend(STREAM, event.toFields());
    }

    /**
     * Follows the event's write, wherever it was sent: the future completes on the caller's context
     * once Redis has it, or once it failed (logged and counted, never failing the answer).
     */
    public Future<Void> written(UsageEvent event, CompletionStage<Void> added) {
        Promise<Void> written = Vertx.currentContext() instanceof ContextInternal ctx ? ctx.promise() : Promise.promise();
        added.whenComplete((v, error) -> {
            if (error != null) {
                failures.increment();
                LOG.warnf("usage event of request %s not recorded: %s", event.requestId(), error.getMessage());
            }
            written.tryComplete();
        });
        return written.future();
    }

    /** Events that could not be written (Redis down), for a metric. */
    public LongAdder failures() {
        return failures;
    }
}
