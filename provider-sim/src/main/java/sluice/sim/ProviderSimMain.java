package sluice.sim;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs the simulator standalone: {@code java -jar provider-sim.jar --port 9000 --key sk-a:rpm=60}.
 * Prints {@code provider-sim listening on port N} once it listens, and stops on SIGTERM/SIGINT.
 */
public final class ProviderSimMain {

    /** Exit status for bad flags or config. */
    static final int USAGE_ERROR = 2;
    /** Exit status when the server cannot start. */
    static final int START_ERROR = 1;

    private ProviderSimMain() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        try {
            ProviderSim sim = start(args, System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "provider-sim-stop"));
        } catch (IllegalArgumentException e) {
            System.err.println("provider-sim: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(USAGE_ERROR);
        } catch (SimStartException e) {
            System.err.println(e.getMessage());
            System.exit(START_ERROR);
        }
    }

    /**
     * Parses the flags, starts the simulator and announces its port on {@code out}; the
     * simulator keeps running after this returns (Vert.x threads keep the JVM alive).
     *
     * @throws IllegalArgumentException on bad flags or config
     * @throws SimStartException when the server cannot start
     */
    public static ProviderSim start(String[] args, PrintStream out) {
        SimConfig config = CommandLine.parse(args);
        ProviderSim sim = ProviderSim.start(config);
        out.println("provider-sim listening on port " + sim.port());
        out.println("  base URL " + sim.baseUrl() + ", admin " + sim.adminUrl() + ", keys "
                + config.keys().size() + ", window " + config.window().shortName()
                + ", TPM charge " + config.tpmCharge().shortName());
        out.flush();
        return sim;
    }
}
