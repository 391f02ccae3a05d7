package sluice.router.admin;

/**
 * {@code POST /admin/keys}. {@code provider}, {@code label} and {@code secret} are required;
 * {@code id} is generated when absent; {@code weight} defaults to 1; missing limits are unlimited.
 */
public record KeyCreateRequest(String provider, String id, String label, String secret, KeyLimitsBody limits,
                               Integer weight) {

    /** Never the secret: requests end up in debug output. */
    @Override
    public String toString() {
        return "KeyCreateRequest[provider=" + provider + ", id=" + id + ", label=" + label + ", secret=***]";
    }
}
