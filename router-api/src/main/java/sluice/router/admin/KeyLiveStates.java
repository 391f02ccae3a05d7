package sluice.router.admin;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sluice.keystore.ProviderKeyView;
import sluice.quota.KeyState;
import sluice.quota.QuotaEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins keys as PostgreSQL holds them with their live state in Redis (one read per key, all in
 * flight at once). A key whose state cannot be read is shown without it rather than failing the
 * whole list: the admin API is most needed when something is wrong.
 */
@ApplicationScoped
public class KeyLiveStates {
    private static final Logger LOG = Logger.getLogger(KeyLiveStates.class);

    private final QuotaEngine engine;

    public KeyLiveStates(QuotaEngine engine) {
        this.engine = engine;
    }

    public Uni<AdminKeyView> withState(ProviderKeyView key) {
        return Uni.createFrom().completionStage(() -> engine.store().state(key.id()))
                .map(state -> LiveKeyState.of(state, key.limits()))
                .onFailure().recoverWithItem(error -> unreadable(key.id(), error))
                .map(live -> AdminKeyView.of(key, live));
    }

    public Uni<List<AdminKeyView>> withStates(List<ProviderKeyView> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<AdminKeyView>> reads = new ArrayList<>(keys.size());
        keys.forEach(key -> reads.add(withState(key)));
        return Uni.join().all(reads).andFailFast();
    }

    /** @return the raw state, or {@code null} when Redis cannot be read */
    public Uni<KeyState> rawState(String keyId) {
        return Uni.createFrom().completionStage(() -> engine.store().state(keyId))
                .onFailure().recoverWithItem(error -> {
                    unreadable(keyId, error);
                    return null;
                });
    }

    private static LiveKeyState unreadable(String keyId, Throwable error) {
        LOG.debugf("live state of key %s not readable: %s", keyId, error.getMessage());
        return null;
    }
}
