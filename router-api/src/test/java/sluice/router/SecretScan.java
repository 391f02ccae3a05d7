package sluice.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fails when any of the given secrets appears, in clear, in any file under a folder. */
public final class SecretScan {
    private SecretScan() {
    }

    public static void assertAbsent(Path dir, Collection<String> secrets) {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".log")).forEach(file -> {
                String text = read(file);
                secrets.stream().filter(text::contains)
                        .forEach(s -> hits.add(file + " contains " + s.substring(0, 6) + "…"));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), hits, "provider secrets in clear in the logs");
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
