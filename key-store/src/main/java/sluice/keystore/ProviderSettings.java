package sluice.keystore;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * How to reach a provider: its API dialect, base URL (e.g. {@code https://api.deepseek.com/v1}),
 * the models it serves, and the connect and whole-request timeouts.
 *
 * @throws InvalidKeyStoreInputException naming the field: missing kind, a base URL that is not an
 *         absolute http(s) URL (or carries user info or a query, where credentials could hide),
 *         a blank model name, a timeout that is not positive
 */
public record ProviderSettings(ProviderKind kind, String baseUrl, List<String> models,
                               Duration connectTimeout, Duration requestTimeout) {

    public ProviderSettings {
        if (kind == null) {
            throw new InvalidKeyStoreInputException("kind", "is required");
        }
        requireHttpUrl(baseUrl);
        if (models == null || models.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new InvalidKeyStoreInputException("models", "must be a list of non-blank model names");
        }
        models = List.copyOf(models);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
    }

    private static void requireHttpUrl(String baseUrl) {
        try {
            URI uri = new URI(baseUrl == null ? "" : baseUrl);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new InvalidKeyStoreInputException("baseUrl", "must be an absolute http or https URL");
            }
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
                // credentials belong in provider keys, which are encrypted; a URL is logged and shown
                throw new InvalidKeyStoreInputException("baseUrl", "must not carry credentials or a query string");
            }
        } catch (URISyntaxException e) {
            throw new InvalidKeyStoreInputException("baseUrl", "is not a valid URL");
        }
    }

    private static void requirePositive(String field, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidKeyStoreInputException(field, "must be a positive duration of at most " + Integer.MAX_VALUE + " ms");
        }
    }
}
