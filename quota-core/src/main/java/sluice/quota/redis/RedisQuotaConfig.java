package sluice.quota.redis;

import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.EqualJitterDelay;

/**
 * A Redisson configuration fit for the hot path: short timeouts (a dead Redis is noticed in about
 * a second, never waited on), one retry, reconnection retried at most every 2 s, small pools, few
 * threads, {@code EVALSHA} with automatic reload after a Redis restart, strings instead of Kryo.
 */
public final class RedisQuotaConfig {
    private RedisQuotaConfig() {
    }

    /** @param redisUri {@code redis://host:port} or {@code rediss://...} */
    public static RedissonClient client(String redisUri) {
        return Redisson.create(config(redisUri));
    }

    /** The configuration {@link #client} uses, for callers that adjust it (cluster, sentinel, TLS). */
    public static Config config(String redisUri) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setReferenceEnabled(false); // no Redisson objects stored inside others: skip the per-argument reference check
        config.setUseScriptCache(true);
        config.setNettyThreads(4);
        config.setThreads(2);
        config.useSingleServer()
                .setAddress(redisUri)
                .setConnectTimeout(2000)
                .setTimeout(1000)
                .setRetryAttempts(1)
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(400)))
                .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .setConnectionPoolSize(32)
                .setConnectionMinimumIdleSize(8)
                .setSubscriptionConnectionPoolSize(2)
                .setSubscriptionConnectionMinimumIdleSize(1)
                .setPingConnectionInterval(1000)
                .setKeepAlive(true)
                .setTcpNoDelay(true);
        return config;
    }
}
