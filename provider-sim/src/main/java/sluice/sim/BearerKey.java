package sluice.sim;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Reads the API key of {@code Authorization: Bearer <key>}. */
final class BearerKey {

    private static final String PREFIX = "Bearer ";

    private BearerKey() {
    }

    /** @return the presented key, or {@code null} when the header is missing or not Bearer */
    static String of(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String key = header.substring(PREFIX.length()).trim();
        return key.isEmpty() ? null : key;
    }
}
