package sluice.quota;

/**
 * A reservation to settle with the tokens the call really used ({@code 0} gives them all back, as
 * {@link QuotaStore#release} does).
 */
public record Settlement(Reservation reservation, long actualTokens) {
    public Settlement {
        if (reservation == null) {
            throw new IllegalArgumentException("reservation is required");
        }
        if (actualTokens < 0) {
            throw new IllegalArgumentException("actualTokens < 0: " + actualTokens);
        }
    }
}
