package sluice.sim;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Records the body read events of one streamed answer, with their arrival times. */
final class StreamCapture implements Flow.Subscriber<List<ByteBuffer>> {

    /** One read event: what arrived and when (System.nanoTime). */
    record ReadEvent(long nanos, String text) {
    }

    private final List<ReadEvent> events = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile HttpResponse<?> response;

    void onResponse(HttpResponse<Flow.Publisher<List<ByteBuffer>>> received, Throwable error) {
        if (error != null) {
            done.completeExceptionally(error);
            return;
        }
        response = received;
        received.body().subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        StringBuilder text = new StringBuilder();
        for (ByteBuffer buffer : buffers) {
            text.append(StandardCharsets.UTF_8.decode(buffer));
        }
        synchronized (events) {
            events.add(new ReadEvent(System.nanoTime(), text.toString()));
        }
    }

    @Override
    public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    /** Waits for the end of the body; @return the error that ended it, or null if none. */
    Throwable await() throws InterruptedException {
        try {
            done.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("stream did not end within 10 s");
        }
    }

    HttpResponse<?> response() {
        return response;
    }

    List<ReadEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    String body() {
        StringBuilder all = new StringBuilder();
        events().forEach(event -> all.append(event.text()));
        return all.toString();
    }

    /** @return the payloads of the SSE {@code data:} messages, in order */
    List<String> dataMessages() {
        List<String> data = new ArrayList<>();
        for (String message : body().split("\n\n")) {
            if (message.startsWith("data: ")) {
                data.add(message.substring("data: ".length()));
            }
        }
        return data;
    }
}
