package sluice.bench.admission;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's own line to Redis, apart from the Redisson client under test: one socket, inline
 * commands, a minimal RESP reader (status, error, integer and bulk replies: all that {@code INFO}
 * and {@code DBSIZE} answer). Its own commands ({@code info}, {@code dbsize}) show up in
 * {@code INFO commandstats}; {@link Stats} leaves them out.
 */
final class RedisInfo implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RedisInfo(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to redis on port " + port, e);
        }
    }

    /** @return {@code 127.0.0.1:port} as Redis names this connection (MONITOR, CLIENT LIST) */
    String localAddress() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    /** Sends one inline command and returns its reply as text (a bulk string's content, an integer's digits). */
    synchronized String call(String inline) {
        try {
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String head = readLine();
            if (head.isEmpty()) {
                throw new IllegalStateException("empty reply to " + inline);
            }
            char type = head.charAt(0);
            String rest = head.substring(1);
            switch (type) {
                case '+', ':' -> {
                    return rest;
                }
                case '-' -> throw new IllegalStateException("redis answered " + inline + " with " + head);
                case '$' -> {
                    int length = Integer.parseInt(rest);
                    if (length < 0) {
                        return null;
                    }
                    byte[] body = in.readNBytes(length);
                    if (body.length != length) {
                        throw new IOException("connection closed inside a bulk reply");
                    }
                    readLine(); // the CRLF after the bulk
                    return new String(body, StandardCharsets.UTF_8);
                }
                default -> throw new IllegalStateException("unexpected reply type to " + inline + ": " + head);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("redis did not answer " + inline, e);
        }
    }

    /** One {@code INFO section} as field → value. */
    Map<String, String> info(String section) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : call("INFO " + section).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return fields;
    }

    /** A snapshot of the server: per-command calls and time, CPU, memory, key count. */
    Stats snapshot() {
        Map<String, long[]> commands = new TreeMap<>();
        // cmdstat_evalsha:calls=123,usec=456,usec_per_call=3.71,rejected_calls=0,failed_calls=0
        for (Map.Entry<String, String> e : info("commandstats").entrySet()) {
            if (!e.getKey().startsWith("cmdstat_")) {
                continue;
            }
            long calls = 0;
            long usec = 0;
            for (String part : e.getValue().split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2 && kv[0].equals("calls")) {
                    calls = Long.parseLong(kv[1]);
                } else if (kv.length == 2 && kv[0].equals("usec")) {
                    usec = Long.parseLong(kv[1]);
                }
            }
            commands.put(e.getKey().substring("cmdstat_".length()), new long[] {calls, usec});
        }
        Map<String, String> cpu = info("cpu");
        double cpuSeconds = Double.parseDouble(cpu.getOrDefault("used_cpu_sys", "0"))
                + Double.parseDouble(cpu.getOrDefault("used_cpu_user", "0"));
        long usedMemory = Long.parseLong(info("memory").getOrDefault("used_memory", "0"));
        long keys = Long.parseLong(call("DBSIZE"));
        return new Stats(commands, cpuSeconds, usedMemory, keys, System.nanoTime());
    }

    /** {@code MEMORY USAGE key SAMPLES 0}: bytes, or 0 when the key does not exist. */
    long memoryUsage(String key) {
        String reply = call("MEMORY USAGE " + key + " SAMPLES 0");
        return reply == null ? 0 : Long.parseLong(reply);
    }

    String version() {
        return info("server").getOrDefault("redis_version", "?");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                int next = in.read();
                if (next == '\n' || next == -1) {
                    break;
                }
                line.write(c);
                line.write(next);
                continue;
            }
            line.write(c);
        }
        if (c == -1 && line.size() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /**
     * What Redis reported at one instant.
     *
     * @param commands   command name → {calls, usec} since the server started
     * @param cpuSeconds used_cpu_sys + used_cpu_user of the server process
     * @param usedMemory used_memory in bytes
     * @param keys       DBSIZE
     * @param atNanos    when it was taken (System.nanoTime)
     */
    record Stats(Map<String, long[]> commands, double cpuSeconds, long usedMemory, long keys, long atNanos) {
        /** Commands this benchmark itself sends on its own line, not part of any request. */
        static final java.util.Set<String> OWN = java.util.Set.of("info", "dbsize", "echo", "monitor", "memory");
        /** Commands that run a script: always sent by a client (a script cannot call them). */
        static final java.util.Set<String> SCRIPT_CALLS = java.util.Set.of("eval", "evalsha", "eval_ro", "evalsha_ro",
                "script", "fcall", "fcall_ro");
        /** Sent by Redisson on a timer on every pooled connection (pingConnectionInterval), not per request. */
        static final java.util.Set<String> BACKGROUND = java.util.Set.of("ping");

        /** The difference {@code this - earlier}. */
        Delta since(Stats earlier) {
            Map<String, long[]> diff = new TreeMap<>();
            for (Map.Entry<String, long[]> e : commands.entrySet()) {
                long[] before = earlier.commands.getOrDefault(e.getKey(), new long[2]);
                long calls = e.getValue()[0] - before[0];
                long usec = e.getValue()[1] - before[1];
                if (calls != 0) {
                    diff.put(e.getKey(), new long[] {calls, usec});
                }
            }
            return new Delta(diff, cpuSeconds - earlier.cpuSeconds, usedMemory - earlier.usedMemory,
                    keys - earlier.keys, (atNanos - earlier.atNanos) / 1e9);
        }
    }

    /** Differences between two snapshots (or their sum over several windows). */
    record Delta(Map<String, long[]> commands, double cpuSeconds, long memoryBytes, long keys, double seconds) {
        static final Delta ZERO = new Delta(Map.of(), 0, 0, 0, 0);

        Delta plus(Delta other) {
            Map<String, long[]> sum = new TreeMap<>();
            commands.forEach((k, v) -> sum.put(k, v.clone()));
            other.commands.forEach((k, v) -> sum.merge(k, v.clone(), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
            return new Delta(sum, cpuSeconds + other.cpuSeconds, memoryBytes + other.memoryBytes, keys + other.keys,
                    seconds + other.seconds);
        }

        /** Script calls (EVALSHA, EVAL, SCRIPT LOAD...): round trips by construction. */
        long scriptCalls() {
            return sum(Stats.SCRIPT_CALLS::contains, 0);
        }

        /** Redis-side execution time of the script calls, µs (the commands they run included). */
        long scriptUsec() {
            return sum(Stats.SCRIPT_CALLS::contains, 1);
        }

        /** Everything else on the request path: mostly the commands run inside the scripts. */
        long otherCalls() {
            return sum(c -> !Stats.SCRIPT_CALLS.contains(c) && !Stats.OWN.contains(c) && !Stats.BACKGROUND.contains(c), 0);
        }

        long backgroundCalls() {
            return sum(Stats.BACKGROUND::contains, 0);
        }

        private long sum(java.util.function.Predicate<String> which, int field) {
            return commands.entrySet().stream().filter(e -> which.test(e.getKey()))
                    .mapToLong(e -> e.getValue()[field]).sum();
        }

        /** e.g. {@code evalsha 1.000}: per request, of the commands {@code which} selects. */
        String perRequest(long requests, java.util.function.Predicate<String> which) {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, long[]> e : commands.entrySet()) {
                if (!which.test(e.getKey())) {
                    continue;
                }
                if (text.length() > 0) {
                    text.append(", ");
                }
                text.append(e.getKey()).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.4f", (double) e.getValue()[0] / requests));
            }
            return text.length() == 0 ? "none" : text.toString();
        }
    }
}
