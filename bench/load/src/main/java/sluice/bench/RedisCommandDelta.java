package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redis commands executed during the measured window, from {@code INFO commandstats} read at its
 * start and end. Our own INFO calls are left out; everything else (the gateways' admission and
 * reconcile scripts, heartbeats, pings) counts. Redis counts the commands a Lua script runs
 * inside it too, so the total is work done in Redis, not round trips; script calls
 * ({@code EVALSHA}...) are counted apart (pipelined ones share a write: the round-trip probe counts writes).
 */
final class RedisCommandDelta {
    /** Commands that run a script: each is one round trip, whatever the script calls inside. */
    static final Set<String> SCRIPT_CALLS = Set.of("eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro");

    private final String hostPort;
    private Map<String, Long> before;
    private Map<String, Long> after;

    RedisCommandDelta(String hostPort) {
        this.hostPort = hostPort;
    }

    void start() throws IOException {
        try (RespClient redis = new RespClient(hostPort)) {
            before = redis.commandCalls();
        }
    }

    void stop() throws IOException {
        try (RespClient redis = new RespClient(hostPort)) {
            after = redis.commandCalls();
        }
    }

    /** After {@link #stop()}: commands per request over the window, in total and per command name. */
    JsonObject finish(long requests) {
        long total = 0;
        long scripts = 0;
        Map<String, Long> delta = new TreeMap<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            String name = e.getKey();
            if (name.equals("info")) {
                continue;
            }
            long d = e.getValue() - before.getOrDefault(name, 0L);
            if (d > 0) {
                delta.put(name, d);
                total += d;
                if (SCRIPT_CALLS.contains(name)) {
                    scripts += d;
                }
            }
        }
        JsonObject perCommand = new JsonObject();
        delta.forEach((name, d) -> perCommand.put(name, requests == 0 ? 0.0 : (double) d / requests));
        return new JsonObject()
                .put("commands", total)
                .put("perRequest", requests == 0 ? 0.0 : (double) total / requests)
                .put("scriptsPerRequest", requests == 0 ? 0.0 : (double) scripts / requests)
                .put("perCommandPerRequest", perCommand);
    }
}
