package sluice.router.health;

import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Provider health as Redis holds it, every key under the {@code {health}} hash tag (one slot):
 * explicit down records, IP-level rate-limit flags, and the per-second buckets of passive call
 * counts every replica adds to. Background use only, except {@link #keyRateLimited} (the 429 path).
 */
final class SharedHealthRecords {
    static final String DOWN = "sluice:{health}:down";
    static final String RATE_LIMITED = "sluice:{health}:rate-limited";
    static final String CALLS_PREFIX = "sluice:{health}:calls:";
    static final String RECENT_429_PREFIX = "sluice:{health}:429:";

    private final RedissonClient redisson;
    private final RMap<String, String> down;
    private final RMap<String, String> rateLimited;
    private final String addCalls = lua("add_calls");
    private final String rateLimitedEverywhere = lua("rate_limited_everywhere");

    /** A timed record: down or rate limited until a time, since a time, and why. */
    record Flag(long untilMillis, long sinceMillis, String reason) {
        String encode() {
            return untilMillis + "|" + sinceMillis + "|" + reason;
        }

        static Flag parse(String value) {
            String[] parts = value == null ? new String[0] : value.split("\\|", 3);
            try {
                return parts.length == 3 ? new Flag(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]) : null;
            } catch (NumberFormatException malformed) {
                return null;
            }
        }
    }

    /** What one read brings back: the flags and each provider's calls over the window. */
    record Snapshot(Map<String, Flag> down, Map<String, Flag> rateLimited, Map<String, TrafficCounts> calls) {
    }

    SharedHealthRecords(RedissonClient redisson) {
        this.redisson = redisson;
        this.down = redisson.getMap(DOWN, StringCodec.INSTANCE);
        this.rateLimited = redisson.getMap(RATE_LIMITED, StringCodec.INSTANCE);
    }

    CompletionStage<Boolean> putDown(String provider, Flag flag) {
        return down.fastPutAsync(provider, flag.encode());
    }

    CompletionStage<Long> removeDown(String provider) {
        return down.fastRemoveAsync(provider);
    }

    /** Forgets everything known about a provider's health, its counts in the buckets of {@code [fromSecond, toSecond]} too. */
    void forget(String provider, long fromSecond, long toSecond) {
        RBatch batch = redisson.createBatch();
        batch.getMap(DOWN, StringCodec.INSTANCE).fastRemoveAsync(provider);
        batch.getMap(RATE_LIMITED, StringCodec.INSTANCE).fastRemoveAsync(provider);
        batch.getKeys().deleteAsync(RECENT_429_PREFIX + provider);
        String[] fields = new String[TrafficCounts.SIZE];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = provider + "|" + TrafficCounts.NAMES[i];
        }
        for (long s = fromSecond; s <= toSecond; s++) {
            batch.getMap(CALLS_PREFIX + s, StringCodec.INSTANCE).fastRemoveAsync((Object[]) fields);
        }
        batch.execute();
    }

    /**
     * Notes a 429 on a key; flags the provider when all its keys answered 429 within the window.
     *
     * @return the flag's deadline when the provider is flagged now, else 0
     */
    CompletionStage<Long> keyRateLimited(String provider, String keyId, int activeKeys, long windowMillis,
                                         long pauseMillis, String reason) {
        List<Object> keys = List.of(RECENT_429_PREFIX + provider, RATE_LIMITED);
        return redisson.getScript(StringCodec.INSTANCE).<Long>evalAsync(keys.get(0).toString(), RScript.Mode.READ_WRITE,
                rateLimitedEverywhere, RScript.ReturnType.INTEGER, keys, keyId, provider, Integer.toString(activeKeys),
                Long.toString(windowMillis), Long.toString(pauseMillis), reason);
    }

    /** Adds finished seconds of this replica's counts: by second, provider, counter name. */
    void addCalls(Map<Long, Map<String, Map<String, Long>>> seconds, long ttlMillis) {
        if (seconds.isEmpty()) {
            return;
        }
        List<Object> keys = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(ttlMillis));
        seconds.forEach((second, providers) -> {
            keys.add(CALLS_PREFIX + second);
            List<String> pairs = new ArrayList<>();
            providers.forEach((provider, counters) -> counters.forEach((name, n) -> {
                pairs.add(provider + "|" + name);
                pairs.add(Long.toString(n));
            }));
            args.add(Integer.toString(pairs.size() / 2));
            args.addAll(pairs);
        });
        redisson.getScript(StringCodec.INSTANCE).eval(keys.get(0).toString(), RScript.Mode.READ_WRITE, addCalls,
                RScript.ReturnType.INTEGER, keys, args.toArray());
    }

    /** Reads the flags and the buckets of {@code [fromSecond, toSecond]} in one round trip (batched). */
    @SuppressWarnings("unchecked")
    Snapshot read(long fromSecond, long toSecond) {
        RBatch batch = redisson.createBatch();
        RFuture<Map<String, String>> downs = batch.<String, String>getMap(DOWN, StringCodec.INSTANCE).readAllMapAsync();
        RFuture<Map<String, String>> limited = batch.<String, String>getMap(RATE_LIMITED, StringCodec.INSTANCE)
                .readAllMapAsync();
        List<RFuture<Map<String, String>>> buckets = new ArrayList<>();
        for (long s = fromSecond; s <= toSecond; s++) {
            buckets.add(batch.<String, String>getMap(CALLS_PREFIX + s, StringCodec.INSTANCE).readAllMapAsync());
        }
        BatchResult<?> done = batch.execute();
        List<Object> replies = (List<Object>) done.getResponses();
        Map<String, TrafficCounts> calls = new HashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            ((Map<String, String>) replies.get(2 + i)).forEach((field, n) -> count(calls, field, n));
        }
        return new Snapshot(flags((Map<String, String>) replies.get(0)), flags((Map<String, String>) replies.get(1)),
                calls);
    }

    private static void count(Map<String, TrafficCounts> calls, String field, String amount) {
        int bar = field.lastIndexOf('|');
        int index = bar < 0 ? -1 : TrafficCounts.indexOf(field.substring(bar + 1));
        if (index >= 0) {
            calls.computeIfAbsent(field.substring(0, bar), p -> new TrafficCounts()).add(index, Long.parseLong(amount));
        }
    }

    private static Map<String, Flag> flags(Map<String, String> raw) {
        Map<String, Flag> parsed = new HashMap<>();
        raw.forEach((provider, value) -> {
            Flag f = Flag.parse(value);
            if (f != null) {
                parsed.put(provider, f);
            }
        });
        return parsed;
    }

    private static String lua(String name) {
        String path = "sluice/router/health/" + name + ".lua";
        try (InputStream in = SharedHealthRecords.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
