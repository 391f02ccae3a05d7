package sluice.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the Redis round trips a gateway makes before it calls upstream. It watches Redis with
 * {@code MONITOR} while sending requests one at a time, spaced apart, to a gateway whose upstream
 * answers after a known delay: a command seen in the first half of that delay after a request
 * was sent happened before the upstream answer (admission); later ones belong to the rest of the
 * request (reconciliation). Commands a script runs inside Redis ({@code [0 lua]}) are not round
 * trips and are left out. Background traffic (heartbeats) is measured between requests and its
 * expected share subtracted; PINGs (the Redis client's per-connection keep-alive, which no
 * request waits for) are counted apart.
 *
 * <p>Round trips: commands the gateway pipelines arrive in one burst on one connection, Redis
 * running each as soon as the one before it ends; a command that waited for an earlier answer
 * comes at least a loopback exchange later. So a command before the upstream call starts a new
 * round trip unless it came on the same connection as the request's previous one and within
 * {@link #BURST_MICROS} of the line before it in the feed — that line is the previous command's
 * last step inside its script when it ran one ({@code MONITOR} slows scripts down: a script's
 * own steps may span hundreds of µs). Only the request's scripts ({@code EVALSHA}/{@code EVAL})
 * are counted, less the background scripts expected in the window, as for the counts.
 */
final class RedisRoundTripProbe {
    private record Seen(long micros, String text) {
    }

    /** Longest gap between a command and the end of the one before it when both came in one write. */
    static final long BURST_MICROS = 100;

    private record Sent(long startMicros, long endMicros, int status) {
    }

    static JsonObject run(Args args) throws Exception {
        String url = LoadSpec.requireLoopback(args.string("url"));
        int requests = args.integer("requests", 20);
        long upstreamMs = args.number("upstream-latency-ms", 200);
        long gapMs = args.number("gap-ms", 300);
        List<Seen> seen = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 3; i++) {
            send(http, url, args.string("auth", ""));
        }
        Thread.sleep(gapMs);
        List<Sent> sent = new ArrayList<>();
        long watchStart;
        long watchEnd;
        try (RespClient monitor = new RespClient(args.string("redis"))) {
            monitor.call("MONITOR");
            Thread reader = new Thread(() -> readAll(monitor, seen), "monitor");
            reader.setDaemon(true);
            reader.start();
            watchStart = micros();
            for (int i = 0; i < requests; i++) {
                long start = micros();
                int status = send(http, url, args.string("auth", ""));
                sent.add(new Sent(start, micros(), status));
                Thread.sleep(gapMs);
            }
            watchEnd = micros();
        }
        return classify(args.string("label", "probe"), seen, sent, upstreamMs, gapMs, watchEnd - watchStart);
    }

    private static JsonObject classify(String label, List<Seen> seenLive, List<Sent> sent, long upstreamMs,
                                       long gapMs, long watchedMicros) {
        List<Seen> seen;
        synchronized (seenLive) {
            seen = new ArrayList<>(seenLive);
        }
        long split = upstreamMs * 500;
        long tail = gapMs * 500;
        Map<String, Integer> before = new TreeMap<>();
        Map<String, Integer> after = new TreeMap<>();
        Map<String, Integer> outside = new TreeMap<>();
        int pings = 0;
        long tripsBefore = 0;
        Map<Sent, Seen> lastBefore = new java.util.HashMap<>();
        JsonArray gaps = new JsonArray(); // per later command before the call: µs after the feed's previous line
        JsonArray example = new JsonArray();
        Sent first = sent.get(0);
        long previousLine = Long.MIN_VALUE / 2;
        for (Seen s : seen) {
            long lineBefore = previousLine;
            previousLine = s.micros;
            if (s.text.contains(" lua] ") || s.text.contains("\"MONITOR\"")) {
                if (s.micros >= first.startMicros && s.micros - first.startMicros < split) {
                    example.add(String.format("+%.3f ms   %s", (s.micros - first.startMicros) / 1000.0, abbreviate(s.text)));
                }
                continue;
            }
            String name = commandName(s.text);
            if (name.equals("ping")) {
                pings++;
                continue;
            }
            Sent owner = null;
            for (Sent r : sent) {
                if (s.micros >= r.startMicros && s.micros <= r.endMicros + tail) {
                    owner = r;
                }
            }
            if (owner == null) {
                outside.merge(name, 1, Integer::sum);
            } else if (s.micros - owner.startMicros < split) {
                before.merge(name, 1, Integer::sum);
                Seen previous = name.startsWith("eval") ? lastBefore.put(owner, s) : null;
                boolean sameConnection = previous != null && client(previous.text).equals(client(s.text));
                if (previous != null) {
                    gaps.add((s.micros - lineBefore) + " µs" + (sameConnection ? "" : ", other connection"));
                }
                if (name.startsWith("eval") && (!sameConnection || s.micros - lineBefore > BURST_MICROS)) {
                    tripsBefore++;
                }
            } else {
                after.merge(name, 1, Integer::sum);
            }
            if (owner == first && !s.text.contains("\"MONITOR\"")) {
                example.add(String.format("+%.3f ms %s", (s.micros - first.startMicros) / 1000.0, abbreviate(s.text)));
            }
        }
        long inside = 0;
        for (Sent r : sent) {
            inside += r.endMicros + tail - r.startMicros;
        }
        double outsideSeconds = Math.max(0.001, (watchedMicros - inside) / 1e6);
        double beforeSeconds = split / 1e6;
        double afterSeconds = inside / 1e6 / sent.size() - beforeSeconds;
        JsonObject beforePer = perRequest(before, outside, outsideSeconds, beforeSeconds, sent.size());
        JsonObject afterPer = perRequest(after, outside, outsideSeconds, afterSeconds, sent.size());
        long okCount = sent.stream().filter(r -> r.status == 200).count();
        JsonObject background = new JsonObject();
        outside.forEach((name, n) -> background.put(name, n / outsideSeconds));
        return new JsonObject().put("type", "probe").put("label", label)
                .put("requests", sent.size()).put("ok", okCount)
                .put("upstreamLatencyMs", upstreamMs)
                .put("beforeUpstreamPerRequest", beforePer)
                .put("afterUpstreamPerRequest", afterPer)
                .put("beforeUpstream", total(beforePer))
                .put("roundTripsBeforeUpstream", roundTrips(tripsBefore, outside, outsideSeconds, beforeSeconds,
                        sent.size()))
                .put("gapsBeforeUpstream", gaps)
                .put("afterUpstream", total(afterPer))
                .put("backgroundPerSecond", background)
                .put("pingsPerSecond", pings / (watchedMicros / 1e6))
                .put("firstRequest", example);
    }

    /**
     * Per request, each command's count in a phase, less what background traffic (its rate
     * outside every request) would have put into a phase of that length.
     */
    private static JsonObject perRequest(Map<String, Integer> counts, Map<String, Integer> outside,
                                         double outsideSeconds, double phaseSeconds, int requests) {
        JsonObject out = new JsonObject();
        counts.forEach((name, n) -> {
            double expected = outside.getOrDefault(name, 0) / outsideSeconds * phaseSeconds * requests;
            double net = Math.max(0, n - expected) / requests;
            out.put(name, Math.round(net * 100) / 100.0);
        });
        return out;
    }

    /** Script round trips per request, less the background scripts a window that long would catch. */
    private static double roundTrips(long trips, Map<String, Integer> outside, double outsideSeconds,
                                     double phaseSeconds, int requests) {
        int background = outside.getOrDefault("evalsha", 0) + outside.getOrDefault("eval", 0);
        double expected = background / outsideSeconds * phaseSeconds * requests;
        return Math.round(Math.max(0, trips - expected) / requests * 100) / 100.0;
    }

    private static double total(JsonObject perRequest) {
        double sum = 0;
        for (String name : perRequest.fieldNames()) {
            sum += perRequest.getDouble(name);
        }
        return sum;
    }

    private static void readAll(RespClient monitor, List<Seen> seen) {
        try {
            while (true) {
                Object line = monitor.read();
                if (line instanceof String text && !text.equals("OK")) {
                    long micros = Math.round(Double.parseDouble(text.substring(0, text.indexOf(' '))) * 1e6);
                    synchronized (seen) {
                        seen.add(new Seen(micros, text));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the socket was closed: watching is over
        }
    }

    /** The client address of a MONITOR line: {@code [0 127.0.0.1:51234]}. */
    static String client(String text) {
        return text.substring(text.indexOf('['), text.indexOf(']') + 1);
    }

    /** The command name: the first quoted word after the client address. */
    static String commandName(String text) {
        int q = text.indexOf("] \"") + 3;
        return text.substring(q, text.indexOf('"', q)).toLowerCase();
    }

    /** Command and its first few words, shortened (script digests and long arguments cut). */
    static String abbreviate(String text) {
        String[] words = text.substring(text.indexOf("] ") + 2).split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(words.length, 5); i++) {
            String w = words[i].replace("\"", "");
            b.append(w.length() > 24 ? w.substring(0, 12) + "…" : w).append(' ');
        }
        return b.append(words.length > 5 ? "… (" + words.length + " words)" : "").toString().trim();
    }

    private static int send(HttpClient http, String url, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in one short sentence.\"}]}"));
        if (!auth.isEmpty()) {
            request.header("authorization", "Bearer " + auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
