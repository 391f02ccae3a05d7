package sluice.quota.redis;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.ArrayList;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import sluice.quota.Admission;
import sluice.quota.AdmissionRequest;
import sluice.quota.Admitted;
import sluice.quota.ResetCalendar;
import sluice.quota.Denied;
import sluice.quota.DenyReason;
import sluice.quota.KeyLimits;
import sluice.quota.KeyState;
import sluice.quota.KeyUsage;
import sluice.quota.RandomIds;
import sluice.quota.ProviderRateView;
import sluice.quota.QuotaStore;
import sluice.quota.Reservation;
import sluice.quota.Settled;
import sluice.quota.Settlement;
import sluice.quota.StreamAppend;
import sluice.quota.WindowCount;
import sluice.quota.WindowSpec;

/**
 * The shared {@link QuotaStore}: every operation is one Lua script, one round trip, atomic in
 * Redis (scripts in {@code sluice/quota/redis/lua/}); {@link #settle} pipelines several in one, and
 * the commands one event loop issues in one pass share a batch ({@link LoopPipeline}). Thread-safe; one instance per replica.
 */
public final class RedissonQuotaStore implements QuotaStore {
    private final RedisCallRunner redis;
    private final RedisQuotaSettings settings;
    private final WindowSpec window;
    private static final long[] NO_MONTHS = new long[4];

    private final LongAdder unavailableErrors = new LongAdder();

    /** Uses Redis {@code TIME} and the default window. */
    public RedissonQuotaStore(RedissonClient redisson) {
        this(redisson, RedisQuotaSettings.defaults());
    }

    public RedissonQuotaStore(RedissonClient redisson, RedisQuotaSettings settings) {
        this.settings = settings;
        this.window = settings.window();
        this.redis = new RedisCallRunner(redisson, settings.callDeadline(), unavailableErrors, settings.loopPipelining());
    }

    /** Writes the hot path made to Redis since start: a batch of one or more commands each ({@link LoopPipeline}). */
    public long pipelineBatches() {
        return redis.pipeline().batchesSent();
    }

    /** Commands those writes carried; commands ÷ batches is how many requests shared a write. */
    public long pipelinedCommands() {
        return redis.pipeline().commandsSent();
    }

    /** Redis failures seen (timeouts, refused connections, ...), for a metrics gauge. */
    public LongAdder unavailableErrors() {
        return unavailableErrors;
    }

    @Override
    public CompletionStage<Admission> admit(AdmissionRequest request) {
        KeyLimits limits = request.limits();
        String leaseId = request.requestId() + "#" + RandomIds.hex8();
        long now = settings.localClock().nowMillis();
        long[] days = ResetCalendar.dayStartsAround(now, limits.dailyResetZone());
        long[] months = monthStarts(now, limits);
        return redis.run(LuaScript.ADMIT, RedisKeys.all(request.keyId()), settings.nowArgument(),
                        window.bucketMillis(), window.windowMillis(), limits.rpm(), limits.tpm(), limits.rpd(),
                        limits.tpd(), limits.maxConcurrent(), request.estimatedTokens(), leaseId,
                        request.leaseTtlMillis(), days[0], days[1], days[2], days[3], limits.monthlyTokens(),
                        months[0], months[1], months[2], months[3])
                .thenApply(reply -> toAdmission(request, leaseId, new ScriptReply(reply)));
    }

    /** The month starts a script needs, or zeros (not computed) when there is no monthly limit. */
    static long[] monthStarts(long nowMillis, KeyLimits limits) {
        return limits.monthlyTokens() > 0 ? ResetCalendar.monthStartsAround(nowMillis, limits.dailyResetZone())
                : NO_MONTHS;
    }

    private static Admission toAdmission(AdmissionRequest request, String leaseId, ScriptReply reply) {
        if (reply.longAt(0) == 0) {
            DenyReason reason = DenyReason.valueOf(reply.stringAt(2));
            return new Denied(reason, reply.timeAt(3), reply.stringAt(4));
        }
        Reservation reservation = new Reservation(request.keyId(), request.requestId(), leaseId,
                request.estimatedTokens(), reply.longAt(1), reply.longAt(2), reply.longAt(3), reply.longAt(9), false);
        KeyUsage usage = new KeyUsage(request.limits(), reply.longAt(4), reply.longAt(5), reply.longAt(6),
                reply.longAt(7), (int) reply.longAt(8), reply.longAt(10));
        return new Admitted(reservation, usage);
    }

    @Override
    public CompletionStage<Void> reconcile(Reservation reservation, long actualTokens) {
        Settlement settlement = new Settlement(reservation, actualTokens);
        return redis.run(LuaScript.RECONCILE, reconcileKeys(reservation), reconcileArgs(settlement))
                .thenApply(reply -> null);
    }

    /** {@code reconcile.lua} with actual 0 and request delta -1. */
    @Override
    public CompletionStage<Void> cancel(Reservation reservation) {
        return redis.run(LuaScript.RECONCILE, reconcileKeys(reservation),
                reconcileArgs(reservation, -reservation.reservedTokens(), -1)).thenApply(reply -> null);
    }

    /**
     * The settlements' {@code EVALSHA}s and the stream's {@code XADD} in one pipelined batch, not
     * atomic (the keys live in different hash slots; in a cluster Redisson sends one batch per node):
     * on an event loop with the rest of its pass ({@link LoopPipeline}), elsewhere a batch of their
     * own. Each part answers on its own; a reconcile Redis answers {@code NOSCRIPT} (not run) is run
     * once more alone.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Settled settle(List<Settlement> settlements, StreamAppend alongside) {
        List<LoopPipeline.Op<?>> ops = new ArrayList<>(settlements.size() + 1);
        settlements.forEach(s -> ops.add(redis.script(LuaScript.RECONCILE, RScript.ReturnType.MULTI,
                reconcileKeys(s.reservation()), reconcileArgs(s))));
        LoopPipeline.Op<StreamMessageId> append = batch -> (batch == null
                ? redis.redisson().<String, String>getStream(alongside.stream(), HeapStringCodec.INSTANCE)
                : batch.<String, String>getStream(alongside.stream(), HeapStringCodec.INSTANCE))
                .addAsync(StreamAddArgs.entries(alongside.fields()));
        ops.add(append);
        List<CompletionStage<?>> sent = redis.pipeline().sendAll(ops);
        List<CompletionStage<Void>> settled = new ArrayList<>(settlements.size());
        for (int i = 0; i < settlements.size(); i++) {
            settled.add(redis.bounded((CompletionStage<Object>) sent.get(i)).thenApply(reply -> null));
        }
        CompletionStage<Void> appended = redis.bounded((CompletionStage<Object>) sent.get(settlements.size()))
                .thenApply(id -> null);
        return new Settled(settled, appended);
    }

    private static List<String> reconcileKeys(Reservation reservation) {
        String keyId = reservation.keyId();
        return List.of(RedisKeys.minute(keyId), RedisKeys.day(keyId), RedisKeys.leases(keyId),
                RedisKeys.month(keyId));
    }

    private Object[] reconcileArgs(Settlement settlement) {
        Reservation reservation = settlement.reservation();
        return reconcileArgs(reservation, settlement.actualTokens() - reservation.reservedTokens(), 0);
    }

    private Object[] reconcileArgs(Reservation reservation, long tokenDelta, int requestDelta) {
        return new Object[] {settings.nowArgument(), window.bucketMillis(), window.windowMillis(),
                reservation.minuteBucket(), reservation.dayStartMillis(), tokenDelta, reservation.leaseId(),
                reservation.monthStartMillis(), requestDelta};
    }

    @Override
    public CompletionStage<Void> release(Reservation reservation) {
        return reconcile(reservation, 0);
    }

    @Override
    public CompletionStage<Boolean> renewLease(Reservation reservation, long ttlMillis) {
        if (ttlMillis <= 0) {
            throw new IllegalArgumentException("ttlMillis must be > 0");
        }
        return redis.runForLong(LuaScript.RENEW_LEASE, List.of(RedisKeys.leases(reservation.keyId())),
                settings.nowArgument(), reservation.leaseId(), ttlMillis).thenApply(renewed -> renewed == 1L);
    }

    @Override
    public CompletionStage<Long> cooldown(String keyId, long untilMillis, String reason) {
        return setDeadline(keyId, "cooldown", untilMillis, reason);
    }

    @Override
    public CompletionStage<Long> markExhausted(String keyId, long untilMillis, String reason) {
        return setDeadline(keyId, "exhausted", untilMillis, reason);
    }

    private CompletionStage<Long> setDeadline(String keyId, String kind, long untilMillis, String reason) {
        return redis.runForLong(LuaScript.SET_DEADLINE, List.of(RedisKeys.state(keyId)),
                settings.nowArgument(), kind, untilMillis, reason == null ? "" : reason);
    }

    @Override
    public CompletionStage<Void> disable(String keyId, String reason) {
        return redis.runForLong(LuaScript.SET_DISABLED, List.of(RedisKeys.state(keyId)),
                settings.nowArgument(), "1", reason == null ? "" : reason).thenApply(done -> null);
    }

    @Override
    public CompletionStage<Void> enable(String keyId) {
        return redis.runForLong(LuaScript.SET_DISABLED, List.of(RedisKeys.state(keyId)),
                settings.nowArgument(), "0", "").thenApply(done -> null);
    }

    @Override
    public CompletionStage<Void> clearCooldown(String keyId) {
        return clearDeadline(keyId, "cooldown");
    }

    @Override
    public CompletionStage<Void> clearExhausted(String keyId) {
        return clearDeadline(keyId, "exhausted");
    }

    private CompletionStage<Void> clearDeadline(String keyId, String kind) {
        return redis.runForLong(LuaScript.CLEAR_DEADLINE, List.of(RedisKeys.state(keyId)),
                settings.nowArgument(), kind).thenApply(removed -> null);
    }

    @Override
    public CompletionStage<Void> mirrorProviderView(String keyId, ProviderRateView view) {
        return redis.runForLong(LuaScript.MIRROR_VIEW, List.of(RedisKeys.state(keyId)),
                settings.nowArgument(), view.remainingRequests(), view.requestsResetAtMillis(),
                view.remainingTokens(), view.tokensResetAtMillis()).thenApply(done -> null);
    }

    @Override
    public CompletionStage<KeyState> state(String keyId) {
        return redis.run(LuaScript.STATE, RedisKeys.all(keyId), settings.nowArgument(),
                window.bucketMillis(), window.windowMillis())
                .thenApply(reply -> toState(keyId, new ScriptReply(reply)));
    }

    private static KeyState toState(String keyId, ScriptReply r) {
        ProviderRateView view = new ProviderRateView(r.longAt(7), r.longAt(8), r.longAt(9), r.longAt(10));
        return new KeyState(keyId, r.longAt(1) == 1, r.stringAt(2), r.longAt(3), r.stringAt(4), r.longAt(5),
                r.stringAt(6), new WindowCount(r.longAt(11), r.longAt(12)),
                new WindowCount(r.longAt(13), r.longAt(14)), new WindowCount(r.longAt(16), r.longAt(17)),
                (int) r.longAt(15), view, r.longAt(0));
    }
}
