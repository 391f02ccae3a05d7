package sluice.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks programs up on the PATH. */
final class Executables {
    private Executables() {
    }

    /** @return the first executable named {@code name} on the PATH, or null */
    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
