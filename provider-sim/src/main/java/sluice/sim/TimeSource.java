package sluice.sim;

/**
 * The simulator's clock port. Rate windows, the usage log, day boundaries and the
 * {@code created} field of answers read time only from here, so tests can drive windows with a
 * manual clock instead of sleeping.
 */
@FunctionalInterface
public interface TimeSource {

    /** @return the current time in milliseconds since the Unix epoch (UTC) */
    long nowMillis();

    /** @return the wall clock */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
