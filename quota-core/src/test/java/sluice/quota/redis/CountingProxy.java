package sluice.quota.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * A loopback TCP proxy in front of Redis that counts the writes clients make (each a read of the
 * proxy's): separate commands arrive as separate writes, a pipelined batch as one.
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicLong clientWrites = new AtomicLong();
    private volatile boolean holding;

    CountingProxy(int redisPort) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(redisPort), "counting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String uri() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /** A Redisson client through this proxy, without keep-alive pings (no write inside a counted window but the test's). */
    RedissonClient client() {
        Config config = RedisQuotaConfig.config(uri());
        config.useSingleServer().setPingConnectionInterval(0);
        return Redisson.create(config);
    }

    /** While held, nothing the clients write reaches Redis (a hung server); released, it all goes on. */
    void hold(boolean on) {
        holding = on;
    }

    long clientWrites() {
        return clientWrites.get();
    }

    private void accept(int redisPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
                client.setTcpNoDelay(true);
                redis.setTcpNoDelay(true);
                pump(client, redis, true);
                pump(redis, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean counted) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (counted) {
                        clientWrites.incrementAndGet();
                    }
                    while (holding) { // Redis "does not answer": what clients wrote waits here
                        Thread.sleep(5);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ended) {
                // a side closed: the other pump ends too
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "counting-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
