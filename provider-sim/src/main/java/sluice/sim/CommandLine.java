package sluice.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns command-line flags into a {@link SimConfig}. The config file ({@code --config}) is read
 * first wherever it appears; the other flags override it. Flags take {@code --name value} or
 * {@code --name=value}.
 */
final class CommandLine {

    static final String USAGE = """
            usage: java -jar provider-sim.jar [flags]
              --config FILE            JSON config file (see README.md); flags override it
              --host HOST              address to bind (default 127.0.0.1)
              --port N                 port, 0 = a free one (default 0)
              --models m1,m2           model ids for GET /v1/models (default gpt-4o-mini)
              --window fixed|rolling|bucket    per-minute window policy (default rolling)
              --tpm-charge max-tokens|actual   TPM charging (default max-tokens)
              --key KEY[:rpm=N,tpm=N,rpd=N,concurrency=N,window=P]   a key (repeatable)
              --latency-ms N           delay before each answer (default 0)
              --chunk-delay-ms N       delay between stream chunks (default 0)
              --completion-tokens N    completion length in tokens (default 16)
              --server-error-rate R    share of 500/503 answers, 0..1 (default 0)
              --hang-rate R            share of requests never answered, 0..1 (default 0)
              --cut-stream-rate R      share of streams cut mid-way, 0..1 (default 0)
              --tokens-per-chunk N     completion tokens per stream chunk (default 3)
              --max-hang-ms N          hung requests are closed after this (default 300000)
              --event-loops N          Vert.x event loops (default: CPU count)
              --seed N                 seed of the fault dice (default 1)
            """;

    private CommandLine() {
    }

    /** @throws IllegalArgumentException on an unknown flag, a missing or invalid value */
    static SimConfig parse(String[] args) {
        List<String[]> flags = split(args);
        SimConfig.Builder builder = SimConfig.builder();
        for (String[] flag : flags) {
            if (flag[0].equals("--config")) {
                ConfigFile.read(Path.of(flag[1])).applyTo(builder);
            }
        }
        Faults faults = Faults.inherit();
        for (String[] flag : flags) {
            faults = apply(flag[0], flag[1], builder, faults);
        }
        return builder.faults(faults).build();
    }

    /** Applies one flag; fault flags accumulate in the returned faults. */
    private static Faults apply(String name, String value, SimConfig.Builder builder,
                                Faults faults) {
        switch (name) {
            case "--config" -> { }
            case "--host" -> builder.host(value);
            case "--port" -> builder.port(integer(name, value));
            case "--models" -> builder.models(Arrays.asList(value.split(",")));
            case "--window" -> builder.window(WindowPolicy.parse(value));
            case "--tpm-charge" -> builder.tpmCharge(TpmCharge.parse(value));
            case "--key" -> addKey(builder, value);
            case "--seed" -> builder.seed(longValue(name, value));
            case "--tokens-per-chunk" -> builder.tokensPerChunk(integer(name, value));
            case "--max-hang-ms" -> builder.maxHangMillis(longValue(name, value));
            case "--event-loops" -> builder.eventLoops(integer(name, value));
            case "--latency-ms" -> {
                return faults.withLatencyMs(longValue(name, value));
            }
            case "--chunk-delay-ms" -> {
                return faults.withChunkDelayMs(longValue(name, value));
            }
            case "--completion-tokens" -> {
                return faults.withCompletionTokens(integer(name, value));
            }
            case "--server-error-rate" -> {
                return faults.withServerErrorRate(rate(name, value));
            }
            case "--hang-rate" -> {
                return faults.withHangRate(rate(name, value));
            }
            case "--cut-stream-rate" -> {
                return faults.withCutStreamRate(rate(name, value));
            }
            default -> throw new IllegalArgumentException("unknown flag " + name);
        }
        return faults;
    }

    /** Parses {@code KEY[:rpm=N,tpm=N,rpd=N,concurrency=N,window=P]}. */
    static void addKey(SimConfig.Builder builder, String spec) {
        int colon = spec.indexOf(':');
        String key = colon < 0 ? spec : spec.substring(0, colon);
        KeyLimits limits = KeyLimits.unlimited();
        if (colon >= 0 && colon < spec.length() - 1) {
            for (String setting : spec.substring(colon + 1).split(",")) {
                String[] pair = setting.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("--key " + key + ": expected name=value, "
                            + "got '" + setting + "'");
                }
                limits = withLimit(limits, pair[0].trim(), pair[1].trim());
            }
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("--key needs a key before ':'");
        }
        builder.key(key, limits);
    }

    private static KeyLimits withLimit(KeyLimits limits, String name, String value) {
        return switch (name) {
            case "rpm" -> limits.withRpm(longValue(name, value));
            case "tpm" -> limits.withTpm(longValue(name, value));
            case "rpd" -> limits.withRpd(longValue(name, value));
            case "concurrency" -> limits.withConcurrency(integer(name, value));
            case "window" -> limits.withWindow(WindowPolicy.parse(value));
            default -> throw new IllegalArgumentException("unknown key limit '" + name
                    + "' (expected rpm, tpm, rpd, concurrency or window)");
        };
    }

    /** @return {name, value} pairs in order */
    private static List<String[]> split(String[] args) {
        List<String[]> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                flags.add(new String[] {arg.substring(0, equals), arg.substring(equals + 1)});
            } else if (i + 1 < args.length) {
                flags.add(new String[] {arg, args[++i]});
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return flags;
    }

    private static int integer(String name, String value) {
        return Math.toIntExact(longValue(name, value));
    }

    private static long longValue(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not an integer: '" + value + "'");
        }
    }

    private static double rate(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + value + "'");
        }
    }
}
