package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;

/**
 * One closed-loop load run: {@code concurrency} clients, each sending its next request as soon as
 * the previous one has ended, for a warm-up and then a measured window. Client {@code i} always
 * calls {@code urls[i % urls.size()]}.
 *
 * @param maxRequests     hard bound on requests sent, whatever the time
 * @param requestTimeoutMs a request idle longer than this fails
 * @param auths           client keys, used in turn request after request (many tenants), or none
 * @param tags            free labels copied into the result (scenario, target, latency...)
 */
record LoadSpec(String label, List<String> urls, int concurrency, boolean stream, long warmupMs,
                long durationMs, long maxRequests, long requestTimeoutMs, List<String> auths, String model,
                int maxTokens, JsonObject tags) {

    static final long MAX_DURATION_MS = 15 * 60 * 1000L;

    LoadSpec {
        if (concurrency < 1 || concurrency > 2000) {
            throw new IllegalArgumentException("concurrency must be 1..2000");
        }
        if (warmupMs < 0 || durationMs < 0 || warmupMs + durationMs > MAX_DURATION_MS) {
            throw new IllegalArgumentException("warm-up + duration must be within 15 minutes");
        }
        urls.forEach(LoadSpec::requireLoopback);
    }

    /** The benchmark only ever talks to servers on this machine. */
    static String requireLoopback(String url) {
        String host = java.net.URI.create(url).getHost();
        if (host == null || !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("loopback targets only, got " + url);
        }
        return url;
    }

    static LoadSpec from(Args args) {
        JsonObject tags = new JsonObject();
        for (String tag : args.all("tag")) {
            int eq = tag.indexOf('=');
            tags.put(tag.substring(0, eq), tag.substring(eq + 1));
        }
        return new LoadSpec(args.string("label"), Arrays.asList(args.string("url").split(",")),
                args.integer("concurrency", 16), args.flag("stream", false),
                (long) (Double.parseDouble(args.string("warmup-s", "5")) * 1000),
                (long) (Double.parseDouble(args.string("duration-s", "10")) * 1000),
                args.number("max-requests", 5_000_000), args.number("request-timeout-ms", 30_000),
                auths(args), args.string("model", "gpt-4o-mini"), args.integer("max-tokens", 0), tags);
    }

    /** {@code --auth KEY}, or {@code --auth-file FILE} with one client key per line (one tenant each). */
    private static List<String> auths(Args args) {
        String file = args.string("auth-file", "");
        if (file.isEmpty()) {
            String one = args.string("auth", "");
            return one.isEmpty() ? List.of() : List.of(one);
        }
        try {
            List<String> keys = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file)).stream()
                    .map(String::trim).filter(k -> !k.isEmpty()).toList();
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no client key in " + file);
            }
            return keys;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read --auth-file " + file, e);
        }
    }

    /** The client key of the {@code n}-th request sent, or null when there are none. */
    String authFor(long n) {
        return auths.isEmpty() ? null : auths.get((int) (n % auths.size()));
    }

    /** A small OpenAI chat body, identical for every target. */
    String body() {
        StringBuilder b = new StringBuilder("{\"model\":\"").append(model)
                .append("\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in one short sentence.\"}]");
        if (maxTokens > 0) {
            b.append(",\"max_tokens\":").append(maxTokens);
        }
        if (stream) {
            b.append(",\"stream\":true");
        }
        return b.append('}').toString();
    }
}
