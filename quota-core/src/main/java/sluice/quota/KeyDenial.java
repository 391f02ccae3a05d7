package sluice.quota;

/** One key that refused a request during {@link QuotaEngine#admitAny}. */
public record KeyDenial(String keyId, Denied denied) {
}
