package sluice.quota;

/**
 * The clock port. Production code uses {@link SystemTimeSource} (or Redis {@code TIME} inside the
 * scripts, ADR 0002); tests use {@link ManualTimeSource}.
 */
@FunctionalInterface
public interface TimeSource {
    /** @return the current time in epoch milliseconds */
    long nowMillis();
}
