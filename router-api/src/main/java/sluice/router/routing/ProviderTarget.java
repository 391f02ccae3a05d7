package sluice.router.routing;

import sluice.keystore.ClearSecret;
import sluice.keystore.SealedSecret;
import sluice.keystore.SecretCipher;
import sluice.quota.KeyLimits;
import sluice.router.config.SluiceConfig;

import java.util.List;
import java.util.Map;

/**
 * One upstream provider as the router sees it: its connection settings and its pool of active
 * keys as last read from PostgreSQL. Secrets stay sealed here; a clear key exists only for the
 * moment a request is sent ({@link #openSecret}).
 *
 * @param id      provider id, e.g. {@code deepseek}
 * @param config  connection settings
 * @param keyIds  the ids of its active keys
 * @param limits  each key's limits
 * @param sealed  each key's sealed secret
 */
public record ProviderTarget(String id, SluiceConfig.Provider config, List<String> keyIds,
                             Map<String, KeyLimits> limits, Map<String, SealedSecret> sealed) {

    /** @return the model to send upstream: the requested one when the provider offers it */
    public String upstreamModel(String requested) {
        List<String> models = config.models();
        if (requested != null && models.contains(requested)) {
            return requested;
        }
        return models.isEmpty() ? requested : models.get(0);
    }

    /** Opens a key's secret for one upstream call. */
    public String openSecret(SecretCipher cipher, String keyId) {
        try (ClearSecret secret = cipher.open(keyId, sealed.get(keyId))) {
            return secret.reveal();
        }
    }

    @Override
    public String toString() {
        return "ProviderTarget[" + id + ", keys=" + keyIds.size() + "]";
    }
}
