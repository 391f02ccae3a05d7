package sluice.keystore;

/**
 * What {@link ClientKeyService#create} returns: the new key's view, and the clear key itself, the
 * one time it exists outside the client's hands. Show {@code key().reveal()} to the caller once, then
 * {@code key().close()}. {@link #toString()} prints the view and {@code ClearSecret[***]}.
 */
public record CreatedClientKey(ClientKeyView view, ClearSecret key) {
}
