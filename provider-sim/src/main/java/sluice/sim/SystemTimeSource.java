package sluice.sim;

/** The wall clock: {@link System#currentTimeMillis()}. */
public enum SystemTimeSource implements TimeSource {
    INSTANCE;

    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }
}
