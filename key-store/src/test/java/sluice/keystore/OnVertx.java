package sluice.keystore;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Runs reactive key-store calls on a fresh Vert.x duplicated context and blocks the test for the result. */
final class OnVertx {

    private OnVertx() {
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static <E extends Throwable> E awaitFailure(Class<E> expected, Supplier<Uni<?>> work) {
        return assertThrows(expected, () -> await(() -> work.get().map(item -> (Object) item)));
    }
}
