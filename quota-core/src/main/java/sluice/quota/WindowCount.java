package sluice.quota;

/** Requests and tokens counted in one window. */
public record WindowCount(long requests, long tokens) {
    public static final WindowCount ZERO = new WindowCount(0, 0);
}
