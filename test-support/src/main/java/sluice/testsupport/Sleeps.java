package sluice.testsupport;

/** Short polling pauses while waiting for a child process. */
final class Sleeps {
    private Sleeps() {
    }

    static void briefly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
