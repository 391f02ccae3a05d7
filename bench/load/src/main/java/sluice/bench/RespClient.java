package sluice.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny blocking Redis client (RESP2), enough for {@code INFO commandstats} and
 * {@code MONITOR}, so the benchmark needs no redis-cli.
 */
final class RespClient implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RespClient(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        socket = new Socket();
        socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1))), 2000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends one command and returns its reply (String, Long, List or null). */
    Object call(String... words) throws IOException {
        send(words);
        return read();
    }

    void send(String... words) throws IOException {
        StringBuilder b = new StringBuilder().append('*').append(words.length).append("\r\n");
        for (String w : words) {
            byte[] bytes = w.getBytes(StandardCharsets.UTF_8);
            b.append('$').append(bytes.length).append("\r\n").append(w).append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one reply; an error reply becomes an IOException. */
    Object read() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException("redis: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(length + 2);
                return new String(data, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("unexpected RESP type " + type);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            b.write(c);
        }
        in.read();
        return b.toString(StandardCharsets.UTF_8);
    }

    /** {@code INFO commandstats} as command → calls. */
    Map<String, Long> commandCalls() throws IOException {
        Map<String, Long> calls = new LinkedHashMap<>();
        String info = (String) call("INFO", "commandstats");
        for (String row : info.split("\r\n")) {
            if (!row.startsWith("cmdstat_")) {
                continue;
            }
            String name = row.substring("cmdstat_".length(), row.indexOf(':'));
            int at = row.indexOf("calls=") + "calls=".length();
            int end = row.indexOf(',', at);
            calls.put(name, Long.parseLong(row.substring(at, end < 0 ? row.length() : end)));
        }
        return calls;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
