package sluice.router.admin;

import sluice.keystore.ClientKeyView;

/**
 * The answer to creating a client key: its view and, this one time only, the key itself. Only its
 * SHA-256 is stored; later reads show {@code clientKey.prefix} alone.
 */
public record CreatedClientKeyView(ClientKeyView clientKey, String key, String notice) {
    static final String SHOWN_ONCE = "store this key now: it is shown only once and cannot be read again";
}
