package sluice.quota;

/** The JVM's wall clock. */
public final class SystemTimeSource implements TimeSource {
    public static final SystemTimeSource INSTANCE = new SystemTimeSource();

    private SystemTimeSource() {
    }

    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }
}
