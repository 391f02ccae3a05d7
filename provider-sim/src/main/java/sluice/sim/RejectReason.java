package sluice.sim;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a request on a known key was not served; the stats count each one. */
public enum RejectReason {
    /** Requests-per-minute limit reached (429 rate_limit_exceeded, type requests). */
    RPM("rpm"),
    /** Tokens-per-minute limit reached (429 rate_limit_exceeded, type tokens). */
    TPM("tpm"),
    /** Requests-per-day limit used up (429 insufficient_quota). */
    RPD("rpd"),
    /** Too many requests in flight (429 concurrency_limit_exceeded). */
    CONCURRENCY("concurrency"),
    /** Key marked exhausted for the day by an admin call (429 insufficient_quota). */
    EXHAUSTED("exhausted"),
    /** Injected 500/503. */
    SERVER_ERROR("server_error"),
    /** Malformed request body (400). */
    BAD_REQUEST("bad_request");

    private final String wireName;

    RejectReason(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name used in the stats JSON */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
