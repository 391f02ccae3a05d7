package sluice.quota.redis;

import java.util.List;

/**
 * Names of everything Sluice keeps in Redis (docs/adr/0004-redis-key-schema.md). All of one
 * provider key's state shares the hash tag {@code {k:<keyId>}}, so each script touches one slot
 * and Redis Cluster works unchanged.
 */
public final class RedisKeys {
    /** Set once when the state was (re)built; its absence means Redis lost its data. */
    public static final String EPOCH = "sluice:{meta}:epoch";
    /** ZSET replica id → heartbeat expiry. */
    public static final String REPLICAS = "sluice:{replicas}:live";

    private RedisKeys() {
    }

    /** HASH: disabled, cooldown/exhaustion deadlines and reasons, the mirrored provider view. */
    public static String state(String keyId) {
        return prefix(keyId) + "state";
    }

    /** HASH: the sliding minute window (head, sums, per-bucket fields). */
    public static String minute(String keyId) {
        return prefix(keyId) + "min";
    }

    /** HASH: the current calendar day's counters. */
    public static String day(String keyId) {
        return prefix(keyId) + "day";
    }

    /** HASH: the current calendar month's counters (only for limits with a monthly token limit). */
    public static String month(String keyId) {
        return prefix(keyId) + "month";
    }

    /** ZSET: lease id → expiry (epoch ms). */
    public static String leases(String keyId) {
        return prefix(keyId) + "leases";
    }

    /** A leader-only job's lock. */
    public static String leaderLock(String job) {
        return "sluice:{leader:" + job + "}:lock";
    }

    /** The five keys of one provider key, in the order the admission and state scripts take them. */
    static List<String> all(String keyId) {
        return List.of(state(keyId), minute(keyId), day(keyId), leases(keyId), month(keyId));
    }

    /** The part between the first '{' and the next '}', as Redis Cluster hashes it. */
    public static String hashTag(String redisKey) {
        int open = redisKey.indexOf('{');
        int close = open < 0 ? -1 : redisKey.indexOf('}', open + 1);
        return close > open + 1 ? redisKey.substring(open + 1, close) : redisKey;
    }

    private static String prefix(String keyId) {
        return "sluice:{k:" + keyId + "}:";
    }
}
