package sluice.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Java Flight Recording of a gateway under load shows: where CPU samples land (the top
 * frame, and every method on the stack, inclusive), which code allocates most, and GC pauses.
 */
final class JfrSummary {
    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final Map<String, Integer> areas = new HashMap<>();
    private final Map<String, Long> allocations = new HashMap<>();
    private int samples;
    private long allocated;
    private long gcPauseNanos;
    private int gcCount;

    static JsonObject run(Args args) throws Exception {
        JfrSummary summary = new JfrSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args.string("jfr")))) {
            summary.accept(event);
        }
        return summary.toJson(args.string("label", "profile"), args.integer("top", 15));
    }

    private void accept(RecordedEvent event) {
        String type = event.getEventType().getName();
        RecordedStackTrace stack = event.getStackTrace();
        if (type.equals("jdk.ExecutionSample") && stack != null && !stack.getFrames().isEmpty()) {
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            areas.merge(area(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        } else if (type.equals("jdk.ObjectAllocationSample") && stack != null) {
            long weight = event.getLong("weight");
            allocated += weight;
            allocations.merge(shorten(firstOwnFrame(stack.getFrames())) + " → "
                    + event.getClass("objectClass").getName(), weight, Long::sum);
        } else if (type.equals("jdk.GarbageCollection")) {
            gcCount++;
            gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** {@code a.b.Class.method} → {@code Class.method} (inner classes keep their outer name). */
    static String shorten(String name) {
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        return name.substring(type + 1);
    }

    /** The first frame of our own code or of a library we call (not the JDK), for allocation sites. */
    private static String firstOwnFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return name(frame);
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0));
    }

    /** Which part of the code a sample is charged to: the innermost frame in a known area. */
    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("sluice.quota")) {
                return "sluice.quota (admission, estimation)";
            }
            if (type.startsWith("sluice.")) {
                return "sluice.router";
            }
            if (type.startsWith("org.redisson")) {
                return "Redisson";
            }
            if (type.startsWith("com.knuddels.jtokkit")) {
                return "jtokkit (tokenizer)";
            }
            if (type.startsWith("com.fasterxml")) {
                return "Jackson";
            }
            if (type.startsWith("io.netty") || type.startsWith("io.vertx")) {
                return "Vert.x / Netty (I/O)";
            }
            if (type.startsWith("io.quarkus") || type.startsWith("io.smallrye") || type.startsWith("io.micrometer")) {
                return "Quarkus / SmallRye / Micrometer";
            }
        }
        return "other (JDK, GC, JIT)";
    }

    private JsonObject toJson(String label, int top) {
        return new JsonObject().put("type", "profile").put("label", label)
                .put("cpuSamples", samples)
                .put("areas", topShares(areas, samples, 10))
                .put("selfTop", topShares(self, samples, top))
                .put("inclusiveTopSluice", topShares(filter(inclusive, "sluice."), samples, top))
                .put("inclusiveTopLibraries", topShares(filter(inclusive, "org.redisson.", "com.knuddels.",
                        "com.fasterxml.", "io.vertx.core.http.", "io.micrometer.", "io.smallrye.", "io.quarkus."), samples, top))
                .put("allocatedMb", allocated / 1048576.0)
                .put("allocationTop", topBytes(allocations, allocated, top))
                .put("gcCount", gcCount)
                .put("gcPauseMs", gcPauseNanos / 1e6);
    }

    private static Map<String, Integer> filter(Map<String, Integer> counts, String... prefixes) {
        Map<String, Integer> out = new HashMap<>();
        counts.forEach((name, n) -> {
            for (String p : prefixes) {
                if (name.startsWith(p)) {
                    out.put(name, n);
                }
            }
        });
        return out;
    }

    private static JsonArray topShares(Map<String, Integer> counts, int total, int top) {
        JsonArray out = new JsonArray();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> out.add(new JsonObject().put("name", e.getKey().contains(" ") ? e.getKey() : shorten(e.getKey()))
                        .put("percent", total == 0 ? 0.0 : 100.0 * e.getValue() / total)));
        return out;
    }

    private static JsonArray topBytes(Map<String, Long> bytes, long total, int top) {
        JsonArray out = new JsonArray();
        bytes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
                .forEach(e -> out.add(new JsonObject().put("name", e.getKey())
                        .put("percent", total == 0 ? 0.0 : 100.0 * e.getValue() / total)));
        return out;
    }
}
