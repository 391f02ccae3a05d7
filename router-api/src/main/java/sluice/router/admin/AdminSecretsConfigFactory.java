package sluice.router.admin;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Prepares the admin secrets for the libraries that only read configuration:
 * <ul>
 *   <li>reads {@code sluice.admin.jwt-secret-file} and {@code sluice.admin.bootstrap-token-file}
 *       (e.g. mounted Kubernetes secrets; trailing line breaks dropped) into
 *       {@code sluice.admin.jwt-secret} / {@code sluice.admin.bootstrap-token}; a value set
 *       directly (environment, system property) wins over a file;</li>
 *   <li>gives SmallRye JWT the HMAC secret as the JWK it expects in {@code smallrye.jwt.verify.secretkey}
 *       ({@code {"kty":"oct","k":base64url(UTF-8 bytes)}}), the same key that
 *       {@code Jwt...signWithSecret(secret)} signs with.</li>
 * </ul>
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 *
 * @throws IllegalArgumentException at start when a named file cannot be read (the message names
 *         the property and the path, never the content)
 */
public class AdminSecretsConfigFactory implements ConfigSourceFactory {
    static final String JWT_SECRET = "sluice.admin.jwt-secret";
    static final String BOOTSTRAP_TOKEN = "sluice.admin.bootstrap-token";
    static final String VERIFY_KEY = "smallrye.jwt.verify.secretkey";
    /** Below environment variables (300) and system properties (400), above application.properties (250). */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> values = new HashMap<>();
        String jwtSecret = valueOrFile(context, JWT_SECRET, values);
        valueOrFile(context, BOOTSTRAP_TOKEN, values);
        if (jwtSecret != null) {
            values.put(VERIFY_KEY, jwk(jwtSecret));
        }
        if (values.isEmpty()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(values, "sluice admin secrets", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The HMAC secret as a JSON Web Key of type {@code oct}. */
    static String jwk(String secret) {
        String k = Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        return "{\"kty\":\"oct\",\"k\":\"" + k + "\"}";
    }

    /** @return the value set directly, else the content of {@code <property>-file} (put into {@code into}), else null */
    private static String valueOrFile(ConfigSourceContext context, String property, Map<String, String> into) {
        ConfigValue direct = context.getValue(property);
        if (direct != null && direct.getValue() != null && !direct.getValue().isBlank()) {
            return direct.getValue();
        }
        ConfigValue file = context.getValue(property + "-file");
        if (file == null || file.getValue() == null || file.getValue().isBlank()) {
            return null;
        }
        Path path = Path.of(file.getValue().trim());
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                return null;
            }
            into.put(property, content);
            return content;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(property + "-file: cannot read " + path);
        }
    }
}
