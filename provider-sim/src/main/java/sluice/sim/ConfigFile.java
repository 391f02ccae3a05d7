package sluice.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JSON config file ({@code --config FILE}); every field is optional. Format in README.md.
 */
record ConfigFile(String host, Integer port, List<String> models, WindowPolicy window,
                  TpmCharge tpmCharge, Long seed, Integer tokensPerChunk, Long maxHangMillis,
                  Integer eventLoops, Faults faults, Map<String, KeyConfig> keys) {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /**
     * @throws IllegalArgumentException when the file cannot be read or holds invalid JSON,
     *     an unknown field or an invalid value
     */
    static ConfigFile read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), ConfigFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Copies every field set here into {@code builder}. */
    void applyTo(SimConfig.Builder builder) {
        if (host != null) {
            builder.host(host);
        }
        if (port != null) {
            builder.port(port);
        }
        if (models != null) {
            builder.models(models);
        }
        if (window != null) {
            builder.window(window);
        }
        if (tpmCharge != null) {
            builder.tpmCharge(tpmCharge);
        }
        if (seed != null) {
            builder.seed(seed);
        }
        applyTuningTo(builder);
        if (keys != null) {
            keys.forEach((key, config) -> {
                if (config.faults() != null) {
                    builder.key(key, config.limits(), config.faults());
                } else {
                    builder.key(key, config.limits());
                }
            });
        }
    }

    private void applyTuningTo(SimConfig.Builder builder) {
        if (tokensPerChunk != null) {
            builder.tokensPerChunk(tokensPerChunk);
        }
        if (maxHangMillis != null) {
            builder.maxHangMillis(maxHangMillis);
        }
        if (eventLoops != null) {
            builder.eventLoops(eventLoops);
        }
        if (faults != null) {
            builder.faults(faults);
        }
    }
}
