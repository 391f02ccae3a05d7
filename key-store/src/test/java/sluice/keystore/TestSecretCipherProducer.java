package sluice.keystore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** What the application does from its master key configuration: here, a ring with version 1 only. */
@ApplicationScoped
public class TestSecretCipherProducer {

    @Produces
    @ApplicationScoped
    SecretCipher secretCipher() {
        return new SecretCipher(TestMasterKeys.version1());
    }
}
