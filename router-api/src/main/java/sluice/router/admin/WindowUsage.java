package sluice.router.admin;

import sluice.quota.WindowCount;

/** Use of one window against its limits (0 = unlimited), as Redis counts it. */
public record WindowUsage(long requests, long requestLimit, long tokens, long tokenLimit) {

    static WindowUsage of(WindowCount count, long requestLimit, long tokenLimit) {
        WindowCount c = count == null ? WindowCount.ZERO : count;
        return new WindowUsage(c.requests(), requestLimit, c.tokens(), tokenLimit);
    }
}
