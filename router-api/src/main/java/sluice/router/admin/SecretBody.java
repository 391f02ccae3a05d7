package sluice.router.admin;

/** {@code POST /admin/keys/{id}/rotate}: the provider's new secret for the key. */
public record SecretBody(String secret) {

    @Override
    public String toString() {
        return "SecretBody[secret=***]";
    }
}
