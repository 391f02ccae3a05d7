package sluice.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where servers started by tests keep their files: under {@code target/}, never {@code /tmp}. */
public final class WorkDirs {
    private WorkDirs() {
    }

    /** The base folder: system property {@code testsupport.work}, else {@code target/test-work}. */
    public static Path base() {
        String configured = System.getProperty("testsupport.work");
        Path base = configured != null ? Path.of(configured) : Path.of("target", "test-work");
        return create(base.toAbsolutePath());
    }

    /** A fresh sub-folder of {@link #base()} named {@code prefix-<n>}. */
    public static Path fresh(String prefix) {
        try {
            return Files.createTempDirectory(base(), prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create work dir under " + base(), e);
        }
    }

    static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
