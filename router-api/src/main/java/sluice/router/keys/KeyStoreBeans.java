package sluice.router.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import sluice.keystore.MasterKeyRing;
import sluice.keystore.SecretCipher;
import sluice.router.config.SluiceConfig;

/** The secret cipher, from the master key ring in configuration (never from the database). */
@ApplicationScoped
public class KeyStoreBeans {

    @Produces
    @ApplicationScoped
    SecretCipher secretCipher(SluiceConfig config) {
        SluiceConfig.Secrets secrets = config.secrets();
        if (secrets.masterKeys().isPresent()) {
            return new SecretCipher(MasterKeyRing.parse(secrets.masterKeys().get()));
        }
        if (secrets.masterKeyFile().isPresent()) {
            return new SecretCipher(MasterKeyRing.fromFile(secrets.masterKeyFile().get()));
        }
        throw new IllegalStateException("no master key: set sluice.secrets.master-keys (env SLUICE_SECRETS_MASTER_KEYS)"
                + " or sluice.secrets.master-key-file to seal provider keys at rest");
    }
}
