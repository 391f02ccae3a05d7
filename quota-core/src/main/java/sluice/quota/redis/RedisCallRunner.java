package sluice.quota.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.RedisNoScriptException;
import sluice.quota.QuotaException;
import sluice.quota.QuotaStoreUnavailableException;

/**
 * Runs Redis calls with a deadline and maps their failures in this one place: an unreachable,
 * slow, loading or shut-down Redis becomes {@link QuotaStoreUnavailableException} (and is
 * counted); a failing script is a bug and becomes a plain {@link QuotaException}.
 */
final class RedisCallRunner {
    private final RedissonClient redisson;
    private final RScript script;
    private final long deadlineMillis;
    private final LongAdder unavailable;
    private final LoopPipeline pipeline;

    /** Every command sent at once, alone (the background jobs' runner). */
    RedisCallRunner(RedissonClient redisson, Duration deadline, LongAdder unavailable) {
        this(redisson, deadline, unavailable, false);
    }

    RedisCallRunner(RedissonClient redisson, Duration deadline, LongAdder unavailable, boolean loopPipelining) {
        this.redisson = redisson;
        this.script = redisson.getScript(HeapStringCodec.INSTANCE);
        this.deadlineMillis = deadline.toMillis();
        this.unavailable = unavailable;
        this.pipeline = new LoopPipeline(redisson, loopPipelining, deadlineMillis);
    }

    RedissonClient redisson() {
        return redisson;
    }

    LoopPipeline pipeline() {
        return pipeline;
    }

    /** Runs a script by {@code EVALSHA} (with the rest of this loop pass, see {@link LoopPipeline}); see {@link #evalSha}. */
    CompletionStage<List<Object>> run(LuaScript lua, List<String> keys, Object... args) {
        return mapped(() -> pipeline.send(script(lua, RScript.ReturnType.MULTI, keys, args)));
    }

    /** Runs a script whose reply is one integer. */
    CompletionStage<Long> runForLong(LuaScript lua, List<String> keys, Object... args) {
        return mapped(() -> pipeline.send(script(lua, RScript.ReturnType.INTEGER, keys, args)));
    }

    /**
     * The script's {@code EVALSHA} as a pipeline command: alone, or queued in a batch; a
     * {@code NOSCRIPT} answer (the script did not run) runs it once more on its own, with its source.
     */
    <R> LoopPipeline.Op<R> script(LuaScript lua, RScript.ReturnType type, List<String> keys, Object... args) {
        return batch -> evalSha(batch == null ? script : batch.getScript(HeapStringCodec.INSTANCE), lua, type, keys, args);
    }

    /** Maps the failures of a command the pipeline sent (the pipeline bounds it by the deadline). */
    <T> CompletionStage<T> bounded(CompletionStage<T> sent) {
        return mapped(() -> sent);
    }

    /**
     * {@code EVALSHA} with the script's digest computed once ({@link LuaScript#sha1}), not through
     * Redisson's script cache, which per call copies the keys and arguments, looks the digest up and
     * builds a truncated copy of the source for its error messages. When Redis answers
     * {@code NOSCRIPT} (its script cache is empty after a restart), the call is made once more with
     * the source, which Redisson loads: the same single atomic script, one extra round trip (on its
     * own, also when the first try was part of a batch).
     */
    @SuppressWarnings("unchecked")
    private <R> CompletionStage<R> evalSha(RScriptAsync first, LuaScript lua, RScript.ReturnType type,
                                           List<String> keys, Object[] args) {
        List<Object> keyList = (List<Object>) (List<?>) keys;
        return first.<R>evalShaAsync(keys.get(0), RScript.Mode.READ_WRITE, lua.sha1(), type, keyList, args)
                .exceptionallyCompose(error -> isNoScript(error)
                        ? script.<R>evalAsync(keys.get(0), RScript.Mode.READ_WRITE, lua.source(), type, keyList, args)
                        : CompletableFuture.failedFuture(error));
    }

    private static boolean isNoScript(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof RedisNoScriptException
                || (cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT"));
    }

    /** Any Redisson call, bounded by the deadline, failures mapped. */
    <T> CompletionStage<T> call(Supplier<? extends CompletionStage<T>> operation) {
        return mapped(() -> {
            CompletionStage<T> started = operation.get();
            return started.toCompletableFuture().copy().orTimeout(deadlineMillis, TimeUnit.MILLISECONDS);
        });
    }

    /** A call that is bounded already (by the pipeline), its failures mapped. */
    private <T> CompletionStage<T> mapped(Supplier<? extends CompletionStage<T>> operation) {
        CompletionStage<T> started;
        try {
            started = operation.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(translate(e));
        }
        return started.handle((value, failure) -> {
            if (failure != null) {
                throw translate(failure);
            }
            return value;
        });
    }

    /** Blocking form for the few synchronous APIs (leader lock); same deadline and mapping. */
    <T> T await(Supplier<? extends CompletionStage<T>> operation) {
        try {
            return call(operation).toCompletableFuture().get(deadlineMillis + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            throw translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaStoreUnavailableException("interrupted while waiting for Redis", e);
        }
    }

    private QuotaException translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof QuotaException known) {
            return known;
        }
        if (isScriptError(cause)) {
            return new QuotaException("quota script failed: " + brief(cause.getMessage()), cause);
        }
        if (cause instanceof RedisException || cause instanceof TimeoutException) {
            unavailable.increment();
            String what = cause instanceof TimeoutException
                    ? "no answer within " + deadlineMillis + " ms" : brief(cause.getMessage());
            return new QuotaStoreUnavailableException("Redis unavailable: " + what, cause);
        }
        return new QuotaException("quota store call failed: " + cause, cause);
    }

    /** Redisson's messages quote the whole command (a Lua source here): keep the first sentence. */
    private static String brief(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.length();
        for (String marker : new String[] {"Node source", "command:", "\n"}) {
            int at = message.indexOf(marker);
            cut = at > 0 ? Math.min(cut, at) : cut;
        }
        return message.substring(0, Math.min(cut, 300)).trim();
    }

    private static boolean isScriptError(Throwable cause) {
        String message = cause.getMessage();
        return cause instanceof RedisException && message != null
                && message.startsWith("ERR") && message.contains("script");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
