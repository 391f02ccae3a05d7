package sluice.quota;

/**
 * The request may go: one request and its estimated tokens are reserved in every window and a
 * concurrency lease is held.
 *
 * @param reservation what {@code reconcile}, {@code release} and {@code renewLease} need
 * @param usageAfter  the key's usage including this reservation (feeds key choice)
 */
public record Admitted(Reservation reservation, KeyUsage usageAfter) implements Admission {
}
