package sluice.quota;

import java.util.Optional;

/**
 * The outcome of one {@link KeySelector} choice.
 *
 * @param keyId                the key to try, empty when none usable turned up
 * @param soonestUnblockMillis the earliest end of a known block among the keys skipped, or
 *                             {@link Denied#NEVER} when none was skipped for being blocked
 */
public record KeyChoice(Optional<String> keyId, long soonestUnblockMillis) {
}
