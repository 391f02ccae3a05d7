package sluice.router.keys;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sluice.keystore.ProviderKeyService;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Records what the gateway learned about a key where it must outlive Redis: a key the provider
 * rejected (401/403) is disabled in PostgreSQL with an audit entry, and a daily exhaustion is
 * kept there, so both can be restored if Redis loses its data. Writes run on a fresh duplicated
 * Vert.x context (what Hibernate Reactive requires); the request waits for them (bounded by
 * {@link #WRITE_TIMEOUT_MS}) so a replica killed right after still leaves the record behind. A
 * failed write is logged and never fails the request.
 */
@ApplicationScoped
public class DurableKeyStates {
    private static final Logger LOG = Logger.getLogger(DurableKeyStates.class);
    private static final String ACTOR = "gateway";
    static final long WRITE_TIMEOUT_MS = 2000;

    private final ProviderKeyService keys;
    private final Vertx vertx;

    public DurableKeyStates(ProviderKeyService keys, Vertx vertx) {
        this.keys = keys;
        this.vertx = vertx;
    }

    public Future<Void> disabled(String keyId, String reason) {
        return write(() -> keys.disable(keyId, reason, ACTOR).replaceWithVoid(), "disable", keyId);
    }

    public Future<Void> exhausted(String keyId, long untilMillis) {
        return write(() -> keys.markExhausted(keyId, Instant.ofEpochMilli(untilMillis)), "exhaustion", keyId);
    }

    /** @return completes (never fails) on the caller's context once the write ended or timed out */
    private Future<Void> write(Supplier<Uni<Void>> change, String what, String keyId) {
        Context caller = vertx.getOrCreateContext();
        Promise<Void> done = caller instanceof ContextInternal internal ? internal.promise() : Promise.promise();
        Context context = VertxContext.createNewDuplicatedContext(caller);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> {
            try {
                change.get().ifNoItem().after(Duration.ofMillis(WRITE_TIMEOUT_MS)).fail()
                        .subscribe().with(ignored -> done.tryComplete(), error -> {
                            failed(what, keyId, error);
                            done.tryComplete();
                        });
            } catch (RuntimeException error) {
                failed(what, keyId, error);
                done.tryComplete();
            }
        });
        return done.future();
    }

    private static void failed(String what, String keyId, Throwable error) {
        LOG.warnf("could not record the %s of key %s in PostgreSQL: %s", what, keyId, error.getMessage());
    }
}
