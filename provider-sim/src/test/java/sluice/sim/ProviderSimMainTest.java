package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The standalone entry point: flags, config file, and the announced port. */
class ProviderSimMainTest {

    private static final Pattern LISTENING =
            Pattern.compile("^provider-sim listening on port (\\d+)$", Pattern.MULTILINE);

    @Test
    void startsFromFlagsAndConfigFileAndPrintsItsPort() throws Exception {
        Path config = workDir().resolve("sim-config.json");
        Files.writeString(config, """
                {
                  "window": "bucket",
                  "tpmCharge": "actual",
                  "faults": {"completionTokens": 8},
                  "keys": {
                    "sk-file": {"rpm": 5, "tpm": 5000, "concurrency": 2, "window": "fixed"}
                  }
                }
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"--port", "0", "--config", config.toString(), "--models", "a,b",
            "--key", "sk-flag:rpm=3,rpd=100", "--completion-tokens", "3", "--seed=9"};
        try (ProviderSim sim = ProviderSimMain.start(args, new PrintStream(out, true,
                StandardCharsets.UTF_8))) {
            Matcher line = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
            assertTrue(line.find(), "stdout: " + out);
            assertEquals(sim.port(), Integer.parseInt(line.group(1)));
            assertTrue(sim.port() > 0);

            SimClient client = new SimClient(sim);
            JsonNode models = SimClient.json(client.get(sim.baseUrl() + "/models", "sk-flag"));
            assertEquals("a", models.at("/data/0/id").asText());
            assertEquals("b", models.at("/data/1/id").asText());
            JsonNode answer = SimClient.json(client.chat("sk-file", SimClient.chatBody("Hi")));
            assertEquals(3, answer.at("/usage/completion_tokens").asInt(), "flag beats file");

            SimStats stats = sim.stats();
            assertEquals(new KeyLimits(5, 5_000, 0, 2, WindowPolicy.FIXED_MINUTE),
                    stats.key("sk-file").limits());
            assertEquals(new KeyLimits(3, 0, 100, 0, null), stats.key("sk-flag").limits());
        }
    }

    @Test
    void badFlagsAreRefusedWithAReason() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--colour", "blue"}));
        assertTrue(unknown.getMessage().contains("--colour"));
        assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--window", "weekly"}));
        assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--key", "sk-x:rpm=lots"}));
        assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--hang-rate", "1.5"}));
        assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--port"}));
    }

    @Test
    void flagsFillEveryConfigField() {
        SimConfig config = CommandLine.parse(new String[] {"--host", "0.0.0.0", "--port", "9000",
            "--window", "fixed", "--tpm-charge", "max-tokens", "--latency-ms", "5",
            "--chunk-delay-ms", "6", "--server-error-rate", "0.1", "--hang-rate", "0.2",
            "--cut-stream-rate", "0.3", "--tokens-per-chunk", "2", "--max-hang-ms", "1000",
            "--event-loops", "3", "--key", "sk-a", "--key", "sk-b:window=bucket,tpm=10"});
        assertEquals("0.0.0.0", config.host());
        assertEquals(9000, config.port());
        assertEquals(WindowPolicy.FIXED_MINUTE, config.window());
        assertEquals(TpmCharge.PROMPT_PLUS_MAX_TOKENS, config.tpmCharge());
        assertEquals(new Faults(5L, 6L, Faults.DEFAULT_COMPLETION_TOKENS, 0.1, 0.2, 0.3),
                config.faults().over(Faults.defaults()));
        assertEquals(2, config.tokensPerChunk());
        assertEquals(1000, config.maxHangMillis());
        assertEquals(3, config.eventLoops());
        assertEquals(KeyLimits.unlimited(), config.keys().get("sk-a"));
        assertEquals(new KeyLimits(0, 10, 0, 0, WindowPolicy.TOKEN_BUCKET),
                config.keys().get("sk-b"));
    }

    private static Path workDir() throws Exception {
        Path dir = Path.of(System.getProperty("testsupport.work", "target/test-work"));
        return Files.createDirectories(dir);
    }
}
