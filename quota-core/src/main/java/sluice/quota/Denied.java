package sluice.quota;

/**
 * The request may not go on this key; nothing was reserved.
 *
 * @param reason       the first limit that refused it
 * @param retryAtMillis best estimate of when that limit frees up (epoch ms); {@link Long#MAX_VALUE}
 *                      when it never will by itself (a disabled key, a request larger than a limit)
 * @param detail        a sentence for logs, headers and the admin API
 */
public record Denied(DenyReason reason, long retryAtMillis, String detail) implements Admission {
    public static final long NEVER = Long.MAX_VALUE;

    public Denied {
        detail = detail == null ? "" : detail;
    }
}
