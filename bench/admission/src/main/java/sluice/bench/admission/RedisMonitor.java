package sluice.bench.admission;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells the commands clients send (round trips) from the commands Lua scripts run inside Redis,
 * which {@code INFO commandstats} counts alike: {@code MONITOR} prints each command with its
 * origin, {@code [0 127.0.0.1:port]} for a client, {@code [0 lua]} for a script. Costly for Redis
 * (it formats every command), so it is attached only to a small probe, never to a timed window.
 * A phase ends with an {@code ECHO} marker sent on the benchmark's own line: once the marker comes
 * back through the monitor, every command before it has been counted.
 */
final class RedisMonitor implements AutoCloseable {
    private static final String MARKER = "admission-bench-marker-";

    private final Socket socket;
    private final RedisInfo own;
    private final String ownAddress;
    private final Thread reader;
    private final BlockingQueue<Map<String, Long>> phases = new ArrayBlockingQueue<>(16);
    private final AtomicInteger markers = new AtomicInteger();
    private Map<String, Long> current = new TreeMap<>();

    RedisMonitor(int port, RedisInfo own) {
        this.own = own;
        this.ownAddress = own.localAddress();
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(0);
            OutputStream out = socket.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String ok = in.readLine();
            if (ok == null || !ok.startsWith("+OK")) {
                throw new IllegalStateException("MONITOR answered " + ok);
            }
            reader = new Thread(() -> read(in), "redis-monitor");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot MONITOR redis on port " + port, e);
        }
    }

    /**
     * Ends the current phase.
     *
     * @return "client command" / "lua command" → count since the previous mark (this benchmark's
     *         own line left out)
     */
    Map<String, Long> mark() throws InterruptedException {
        own.call("ECHO " + MARKER + markers.incrementAndGet());
        Map<String, Long> phase = phases.poll(30, TimeUnit.SECONDS);
        if (phase == null) {
            throw new IllegalStateException("the MONITOR marker did not come back within 30 s");
        }
        return phase;
    }

    // +1700000000.123456 [0 127.0.0.1:54321] "evalsha" "3f2a..." "4" "sluice:{k:a}:state" ...
    // +1700000000.123460 [0 lua] "hmget" "sluice:{k:a}:min" "head" ...
    private void read(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                int open = line.indexOf('[');
                int close = open < 0 ? -1 : line.indexOf(']', open);
                if (close < 0) {
                    continue;
                }
                String[] source = line.substring(open + 1, close).split(" ", 2);
                String origin = source.length == 2 ? source[1] : source[0];
                int q1 = line.indexOf('"', close);
                int q2 = q1 < 0 ? -1 : line.indexOf('"', q1 + 1);
                if (q2 < 0) {
                    continue;
                }
                String command = line.substring(q1 + 1, q2).toLowerCase(Locale.ROOT);
                if (origin.equals(ownAddress)) {
                    if (command.equals("echo") && line.contains(MARKER)) {
                        phases.put(current);
                        current = new TreeMap<>();
                    }
                    continue;
                }
                String key = (origin.equals("lua") ? "lua " : "client ") + command;
                current.merge(key, 1L, Long::sum);
            }
        } catch (IOException | InterruptedException closed) {
            // the monitor connection was closed: done
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        reader.interrupt();
    }
}
