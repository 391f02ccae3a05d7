package sluice.sim;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server on one event loop. Instances listening on the same host and port share the
 * socket and Vert.x spreads connections over them; for a free port they all listen on -1,
 * Vert.x's "one shared random port" value.
 */
final class HttpServerVerticle extends AbstractVerticle {

    private final SimHttpHandler handler;
    private final String host;
    private final int port;
    private final AtomicInteger boundPort;

    /** @param boundPort receives the port actually bound */
    HttpServerVerticle(SimHttpHandler handler, String host, int port, AtomicInteger boundPort) {
        this.handler = handler;
        this.host = host;
        this.port = port;
        this.boundPort = boundPort;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setTcpNoDelay(true)
                .setCompressionSupported(false)
                // HTTP/1.1 only: one request per connection at a time, so a cut stream or a
                // closed hang ends exactly one request, as with providers behind HTTP/1.1
                .setHttp2ClearTextEnabled(false)
                .setHandle100ContinueAutomatically(true);
        HttpServer server = vertx.createHttpServer(options).requestHandler(handler);
        server.listen().onSuccess(s -> {
            boundPort.set(s.actualPort());
            started.complete();
        }).onFailure(started::fail);
    }
}
