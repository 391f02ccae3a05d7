package sluice.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Kills child servers when the JVM exits, so no test run leaves a server behind. */
final class ProcessReaper {
    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(p -> {
            p.destroy();
            p.descendants().forEach(ProcessHandle::destroy);
        }), "sluice-process-reaper"));
    }

    private ProcessReaper() {
    }

    static void register(Process process) {
        CHILDREN.removeIf(p -> !p.isAlive());
        CHILDREN.add(process);
    }
}
