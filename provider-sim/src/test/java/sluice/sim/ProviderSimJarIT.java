package sluice.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged jars run standalone with {@code java -jar}. */
class ProviderSimJarIT {

    @ParameterizedTest
    @ValueSource(strings = {"sim.jar", "sim.all.jar"})
    void jarStartsPrintsItsPortAndServes(String jarProperty) throws Exception {
        Path jar = Path.of(System.getProperty(jarProperty));
        assertTrue(Files.isRegularFile(jar), "missing " + jar);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(),
                "--port", "0", "--key", "sk-jar:rpm=10", "--event-loops", "1")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertNotNull(line, "no output");
            assertTrue(line.matches("provider-sim listening on port \\d+"), line);
            int port = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));

            HttpResponse<String> models = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/models"))
                            .header("authorization", "Bearer sk-jar")
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, models.statusCode());
            assertTrue(models.body().contains("\"gpt-4o-mini\""), models.body());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "did not stop on SIGTERM");
        }
    }
}
