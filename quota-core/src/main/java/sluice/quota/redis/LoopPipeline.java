package sluice.quota.redis;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchOptions.ExecutionMode;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;

/**
 * Sends the Redis commands that one Netty event loop issues during one pass of its loop as a
 * single pipelined batch at the end of that pass, so concurrent requests served by one loop share a
 * write and a read instead of a round trip each. Each command stays its own atomic script, answers
 * on its own, and is sent no later than it would have been: the flush runs as a task of the very
 * pass that queued it, after the I/O events that pass is handling. Nothing waits for more commands.
 *
 * <p>Off an event loop (a worker, a test thread) a command is sent at once, alone; a group of
 * commands ({@link #sendAll}) as one batch. Not atomic across commands ({@link ExecutionMode#IN_MEMORY}):
 * their keys live in different hash slots; in a Redis Cluster Redisson sends one batch per node.
 *
 * <p>Thread confinement instead of locks: each loop thread has its own queue, only it touches it.
 */
final class LoopPipeline {
    /** One Redis command that can be sent alone ({@code batch} null) or queued in a batch. */
    @FunctionalInterface
    interface Op<T> {
        CompletionStage<T> send(RBatch batch);
    }

    private final RedissonClient redisson;
    private final boolean enabled;
    private final long deadlineMillis;
    private final ThreadLocal<Pass> passes = ThreadLocal.withInitial(Pass::new);
    private final LongAdder batches = new LongAdder();
    private final LongAdder commands = new LongAdder();

    /**
     * @param deadlineMillis every answer fails with a {@link TimeoutException} after this long: on a
     *                       loop one timer per pass (a task of the loop's own, no other thread woken),
     *                       off a loop one per command
     */
    LoopPipeline(RedissonClient redisson, boolean enabled, long deadlineMillis) {
        this.redisson = redisson;
        this.enabled = enabled;
        this.deadlineMillis = deadlineMillis;
    }

    /** Sends {@code op} with the rest of this loop pass, or at once off a loop; the answer is bounded by the deadline. */
    <T> CompletionStage<T> send(Op<T> op) {
        EventExecutor loop = enabled ? ThreadExecutorMap.currentExecutor() : null;
        if (loop == null) {
            return alone(op);
        }
        return passes.get().add(op, loop);
    }

    /** Sends every op together: with the rest of this loop pass, or off a loop as one batch of their own. */
    List<CompletionStage<?>> sendAll(List<Op<?>> ops) {
        EventExecutor loop = enabled ? ThreadExecutorMap.currentExecutor() : null;
        List<CompletionStage<?>> sent = new ArrayList<>(ops.size());
        if (loop != null) {
            Pass pass = passes.get();
            ops.forEach(op -> sent.add(pass.add(op, loop)));
            return sent;
        }
        if (ops.size() == 1) {
            sent.add(alone(ops.get(0)));
            return sent;
        }
        RBatch batch = newBatch();
        ops.forEach(op -> sent.add(op.send(batch).toCompletableFuture().copy()
                .orTimeout(deadlineMillis, TimeUnit.MILLISECONDS)));
        execute(batch, ops.size());
        return sent;
    }

    /** Batches sent and the commands in them since start (a command sent alone is a batch of one). */
    long batchesSent() {
        return batches.sum();
    }

    long commandsSent() {
        return commands.sum();
    }

    private <T> CompletionStage<T> alone(Op<T> op) {
        counted(1);
        return op.send(null).toCompletableFuture().copy().orTimeout(deadlineMillis, TimeUnit.MILLISECONDS);
    }

    private RBatch newBatch() {
        return redisson.createBatch(BatchOptions.defaults().executionMode(ExecutionMode.IN_MEMORY));
    }

    /** One write to Redis carrying {@code size} commands. */
    private void counted(int size) {
        batches.increment();
        commands.add(size);
    }

    private void execute(RBatch batch, int size) {
        counted(size);
        // each command's own future answers (a failed batch fails them, and the caller's deadline
        // bounds every wait); the batch's overall result carries nothing more
        batch.executeAsync();
    }

    /** The commands one loop thread queued during its current pass. */
    private final class Pass {
        private List<Op<?>> ops = new ArrayList<>();
        private List<CompletableFuture<Object>> results = new ArrayList<>();

        <T> CompletionStage<T> add(Op<T> op, EventExecutor loop) {
            if (ops.isEmpty()) {
                loop.execute(() -> flush(loop));
            }
            CompletableFuture<Object> result = new CompletableFuture<>();
            ops.add(op);
            results.add(result);
            @SuppressWarnings("unchecked")
            CompletionStage<T> typed = (CompletionStage<T>) (CompletionStage<?>) result;
            return typed;
        }

        void flush(EventExecutor loop) {
            List<Op<?>> sending = ops;
            List<CompletableFuture<Object>> answering = results;
            ops = new ArrayList<>();
            results = new ArrayList<>();
            // one timer for the whole pass, on this loop: never cancelled (answered futures ignore it),
            // so no other thread is woken to arm or disarm it
            try {
                loop.schedule(() -> expire(answering), deadlineMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) { // nothing would bound the wait: send nothing
                answering.forEach(answer -> answer.completeExceptionally(shuttingDown));
                return;
            }
            if (sending.size() == 1) { // a batch of one costs more than the command alone
                counted(1);
                pipe(sending.get(0), null, answering.get(0));
                return;
            }
            RBatch batch = newBatch();
            for (int i = 0; i < sending.size(); i++) {
                pipe(sending.get(i), batch, answering.get(i));
            }
            execute(batch, sending.size());
        }

        private void expire(List<CompletableFuture<Object>> answering) {
            for (CompletableFuture<Object> answer : answering) {
                if (!answer.isDone()) {
                    answer.completeExceptionally(new TimeoutException("no answer within " + deadlineMillis + " ms"));
                }
            }
        }

        private void pipe(Op<?> op, RBatch batch, CompletableFuture<Object> result) {
            CompletionStage<?> sent;
            try {
                sent = op.send(batch);
            } catch (RuntimeException error) {
                result.completeExceptionally(error);
                return;
            }
            sent.whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        }
    }
}
