package sluice.quota.redis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import sluice.quota.ResetCalendar;
import sluice.quota.KeyRecordSnapshot;
import sluice.quota.QuotaStateRestorer;
import sluice.quota.WindowSpec;

/** {@link QuotaStateRestorer} for Redis: the epoch marker {@link RedisKeys#EPOCH} and {@code restore.lua}. */
public final class RedisQuotaStateRestorer implements QuotaStateRestorer {
    private final RedisCallRunner redis;
    private final RedisQuotaSettings settings;
    private final RBucket<String> epoch;

    public RedisQuotaStateRestorer(RedissonClient redisson, RedisQuotaSettings settings) {
        this.redis = new RedisCallRunner(redisson, settings.callDeadline(), new LongAdder());
        this.settings = settings;
        this.epoch = redisson.getBucket(RedisKeys.EPOCH, StringCodec.INSTANCE);
    }

    @Override
    public CompletionStage<Boolean> dataLost() {
        return redis.call(epoch::isExistsAsync).thenApply(exists -> !exists);
    }

    /** Sets the epoch marker if missing (first start with nothing to restore). */
    public CompletionStage<Boolean> markEpoch() {
        String value = Instant.now() + " " + UUID.randomUUID();
        return redis.call(() -> epoch.setIfAbsentAsync(value));
    }

    @Override
    public CompletionStage<Integer> restore(List<KeyRecordSnapshot> keys) {
        CompletableFuture<?>[] each = keys.stream()
                .map(key -> restoreOne(key).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(each)
                .thenCompose(all -> markEpoch())
                .thenApply(marked -> keys.size());
    }

    private CompletionStage<List<Object>> restoreOne(KeyRecordSnapshot key) {
        WindowSpec window = settings.window();
        long now = settings.localClock().nowMillis();
        long[] days = ResetCalendar.dayStartsAround(now, key.limits().dailyResetZone());
        long[] months = RedissonQuotaStore.monthStarts(now, key.limits());
        long monthTokens = key.limits().monthlyTokens() > 0 ? key.tokensThisMonth() : 0;
        String id = key.keyId();
        return redis.run(LuaScript.RESTORE,
                List.of(RedisKeys.state(id), RedisKeys.minute(id), RedisKeys.day(id), RedisKeys.month(id)),
                settings.nowArgument(), window.bucketMillis(), window.windowMillis(), key.limits().rpm(),
                key.limits().tpm(), key.disabled() ? "1" : "0", text(key.disabledReason()),
                key.exhaustedUntilMillis(), text(key.exhaustedReason()), key.requestsToday(), key.tokensToday(),
                days[0], days[1], days[2], days[3], monthTokens, months[0], months[1], months[2], months[3]);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
