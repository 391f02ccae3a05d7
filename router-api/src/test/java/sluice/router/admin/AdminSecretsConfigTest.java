package sluice.router.admin;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin secrets from files or values, and the verification key SmallRye JWT gets from them. */
class AdminSecretsConfigTest {
    private static final String SECRET = "from-a-file-0123456789-0123456789";

    @Test
    void secretsAreReadFromFilesWithoutTheTrailingNewline(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt"), SECRET + "\n");
        Path token = Files.writeString(dir.resolve("bootstrap"), "bootstrap-from-file\n");
        SmallRyeConfig config = config(Map.of("sluice.admin.jwt-secret-file", secret.toString(),
                "sluice.admin.bootstrap-token-file", token.toString()));
        assertEquals(SECRET, config.getRawValue("sluice.admin.jwt-secret"));
        assertEquals("bootstrap-from-file", config.getRawValue("sluice.admin.bootstrap-token"));
        assertEquals(AdminSecretsConfigFactory.jwk(SECRET), config.getRawValue("smallrye.jwt.verify.secretkey"));
    }

    @Test
    void aValueSetDirectlyWinsOverTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt"), "from-a-file");
        SmallRyeConfig config = config(Map.of("sluice.admin.jwt-secret-file", secret.toString(),
                "sluice.admin.jwt-secret", "from-the-environment-0123456789abcdef"));
        assertEquals("from-the-environment-0123456789abcdef", config.getRawValue("sluice.admin.jwt-secret"));
        assertEquals(AdminSecretsConfigFactory.jwk("from-the-environment-0123456789abcdef"),
                config.getRawValue("smallrye.jwt.verify.secretkey"));
    }

    @Test
    void noSecretNoVerificationKey() {
        assertNull(config(Map.of()).getRawValue("smallrye.jwt.verify.secretkey"));
    }

    @Test
    void anUnreadableFileStopsTheStartNamingThePropertyOnly(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> config(Map.of("sluice.admin.bootstrap-token-file", missing.toString())));
        String message = messages(e);
        assertTrue(message.contains("sluice.admin.bootstrap-token-file"), message);
    }

    @Test
    void aTokenSignedWithTheSecretVerifiesWithTheGeneratedKey() throws Exception {
        String token = Jwt.issuer("sluice").subject("alice").groups(Set.of("viewer")).expiresIn(60).signWithSecret(SECRET);
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setSecretKeyContent(AdminSecretsConfigFactory.jwk(SECRET));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        context.setIssuedBy("sluice");
        JsonWebToken jwt = new DefaultJWTParser(context).parse(token);
        assertEquals("alice", jwt.getSubject());
        assertEquals(Set.of("viewer"), jwt.getGroups());
        String forged = Jwt.issuer("sluice").subject("alice").groups(Set.of("admin")).expiresIn(60)
                .signWithSecret(SECRET + "-but-another-one");
        assertThrows(Exception.class, () -> new DefaultJWTParser(context).parse(forged));
        assertFalse(AdminSecretsConfigFactory.jwk(SECRET).contains(SECRET), "the key is encoded, not pasted");
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 300))
                .withSources(new AdminSecretsConfigFactory())
                .build();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
