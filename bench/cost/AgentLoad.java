import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent (async-profiler's libasyncProfiler.so) into a running JVM with its
 * options as one string; {@code jcmd JVMTI.agent_load} splits options at '=' and cannot.
 * Usage: {@code java bench/cost/AgentLoad.java <pid> <agent.so> <options>}
 */
public class AgentLoad {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
