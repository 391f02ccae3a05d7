package sluice.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and resident memory of named groups of processes, read from /proc: CPU is
 * utime + stime of each pid (all its threads), memory is VmRSS. A group is given as
 * {@code name=pid,pid} (e.g. {@code gateway=1234} or {@code nginx=20,21,22}).
 */
final class ProcessSampler {
    private final long ticksPerSecond;
    private final Map<String, long[]> groups = new LinkedHashMap<>();
    private final Map<String, long[]> cpuAtStart = new LinkedHashMap<>();
    private final Map<String, long[]> cpuAtStop = new LinkedHashMap<>();
    private final Map<String, long[]> maxRssKb = new LinkedHashMap<>();

    ProcessSampler(List<String> specs, long ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--proc wants name=pid[,pid...], got " + spec);
            }
            String[] parts = spec.substring(eq + 1).split(",");
            long[] pids = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                pids[i] = Long.parseLong(parts[i].trim());
            }
            groups.put(spec.substring(0, eq), pids);
        }
    }

    /** Marks the start of the measured window. */
    synchronized void start() {
        groups.forEach((name, pids) -> {
            long[] ticks = new long[pids.length];
            for (int i = 0; i < pids.length; i++) {
                ticks[i] = cpuTicks(pids[i]);
            }
            cpuAtStart.put(name, ticks);
            maxRssKb.put(name, new long[pids.length]);
        });
        sampleMemory();
    }

    /** Records the resident memory now (called periodically during the window). */
    synchronized void sampleMemory() {
        groups.forEach((name, pids) -> {
            long[] max = maxRssKb.get(name);
            if (max == null) {
                return;
            }
            for (int i = 0; i < pids.length; i++) {
                max[i] = Math.max(max[i], rssKb(pids[i]));
            }
        });
    }

    /** Marks the end of the measured window. */
    synchronized void stop() {
        sampleMemory();
        groups.forEach((name, pids) -> {
            long[] ticks = new long[pids.length];
            for (int i = 0; i < pids.length; i++) {
                ticks[i] = cpuTicks(pids[i]);
            }
            cpuAtStop.put(name, ticks);
        });
    }

    /**
     * After {@link #stop()}: per group, CPU seconds used, CPU seconds per 1,000 requests, the largest
     * resident set of any one process and the sum of the processes' largest resident sets.
     */
    synchronized JsonObject finish(long requests) {
        JsonObject out = new JsonObject();
        groups.forEach((name, pids) -> {
            long[] before = cpuAtStart.get(name);
            long[] after = cpuAtStop.get(name);
            long ticks = 0;
            for (int i = 0; i < pids.length; i++) {
                ticks += Math.max(0, after[i] - before[i]);
            }
            double seconds = (double) ticks / ticksPerSecond;
            long maxOne = 0;
            long sum = 0;
            for (long kb : maxRssKb.get(name)) {
                maxOne = Math.max(maxOne, kb);
                sum += kb;
            }
            out.put(name, new JsonObject()
                    .put("processes", pids.length)
                    .put("cpuSeconds", seconds)
                    .put("cpuSecondsPer1k", requests == 0 ? 0.0 : seconds * 1000.0 / requests)
                    .put("rssMaxMb", maxOne / 1024.0)
                    .put("rssSumMb", sum / 1024.0));
        });
        return out;
    }

    /** utime + stime in clock ticks; 0 when the process is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may contain spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
