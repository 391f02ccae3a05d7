package sluice.quota;

/** What admission does while Redis is unreachable (ADR 0003). */
public enum FailoverMode {
    /** Deny with {@link DenyReason#STORE_UNAVAILABLE} at once: no request goes out unaccounted. */
    FAIL_CLOSED,
    /** Admit on this replica's share of each limit (limit ÷ live replicas), counted locally. */
    FAIL_OPEN_LOCAL
}
