package sluice.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Start-up configuration of a simulator. Build it with {@link #builder()}; the JSON config file
 * and the CLI flags fill the same builder (see README.md).
 *
 * @param host address to bind (default 127.0.0.1)
 * @param port port to bind; 0 picks a free one (default 0)
 * @param models model ids listed by {@code GET /v1/models} (default gpt-4o-mini)
 * @param window per-minute window policy of keys that name none (default rolling)
 * @param tpmCharge how requests are charged against TPM (default max-tokens)
 * @param faults global faults at start (unset fields: {@link Faults#defaults()})
 * @param keys the accepted API keys and their limits
 * @param keyFaults per-key faults, for keys in {@code keys}
 * @param seed seed of the fault dice, so runs are reproducible (default 1)
 * @param timeSource clock of windows, day boundaries and {@code created} (default system)
 * @param tokensPerChunk completion tokens per stream chunk (default 3)
 * @param maxHangMillis how long a hung request is held before its connection is closed
 *     (default 5 minutes)
 * @param eventLoops Vert.x event loops serving HTTP (default: available processors)
 */
public record SimConfig(String host, int port, List<String> models, WindowPolicy window,
                        TpmCharge tpmCharge, Faults faults, Map<String, KeyLimits> keys,
                        Map<String, Faults> keyFaults, long seed, TimeSource timeSource,
                        int tokensPerChunk, long maxHangMillis, int eventLoops) {

    public SimConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(tpmCharge, "tpmCharge");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(timeSource, "timeSource");
        models = List.copyOf(models);
        keys = Map.copyOf(keys);
        keyFaults = Map.copyOf(keyFaults);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535");
        }
        if (tokensPerChunk < 1 || maxHangMillis < 1 || eventLoops < 1) {
            throw new IllegalArgumentException(
                    "tokensPerChunk, maxHangMillis and eventLoops must be >= 1");
        }
        if (!keys.keySet().containsAll(keyFaults.keySet())) {
            throw new IllegalArgumentException("faults given for a key that is not configured");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private List<String> models = new ArrayList<>(List.of("gpt-4o-mini"));
        private WindowPolicy window = WindowPolicy.ROLLING_60S;
        private TpmCharge tpmCharge = TpmCharge.PROMPT_PLUS_MAX_TOKENS;
        private Faults faults = Faults.inherit();
        private final Map<String, KeyLimits> keys = new LinkedHashMap<>();
        private final Map<String, Faults> keyFaults = new LinkedHashMap<>();
        private long seed = 1;
        private TimeSource timeSource = TimeSource.system();
        private int tokensPerChunk = 3;
        private long maxHangMillis = 300_000;
        private int eventLoops = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder models(List<String> value) {
            models = new ArrayList<>(value);
            return this;
        }

        public Builder window(WindowPolicy value) {
            window = value;
            return this;
        }

        public Builder tpmCharge(TpmCharge value) {
            tpmCharge = value;
            return this;
        }

        /** Sets the global faults; fields left null keep the value set before. */
        public Builder faults(Faults value) {
            faults = value.over(faults);
            return this;
        }

        public Builder key(String key, KeyLimits limits) {
            keys.put(key, limits);
            return this;
        }

        public Builder key(String key, KeyLimits limits, Faults ownFaults) {
            keys.put(key, limits);
            keyFaults.put(key, ownFaults);
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder timeSource(TimeSource value) {
            timeSource = value;
            return this;
        }

        public Builder tokensPerChunk(int value) {
            tokensPerChunk = value;
            return this;
        }

        public Builder maxHangMillis(long value) {
            maxHangMillis = value;
            return this;
        }

        public Builder eventLoops(int value) {
            eventLoops = value;
            return this;
        }

        public SimConfig build() {
            return new SimConfig(host, port, models, window, tpmCharge, faults, keys, keyFaults,
                    seed, timeSource, tokensPerChunk, maxHangMillis, eventLoops);
        }
    }
}
