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
 * @param tags            free labels copied into the result (scenario, target, latency...)
 */
record LoadSpec(String label, List<String> urls, int concurrency, boolean stream, long warmupMs,
                long durationMs, long maxRequests, long requestTimeoutMs, String auth, String model,
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
                args.string("auth", ""), args.string("model", "gpt-4o-mini"), args.integer("max-tokens", 0), tags);
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
