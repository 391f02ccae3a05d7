package sluice.keystore;

import java.time.Duration;
import java.util.Arrays;

/** The width of one point of a usage time series, cut in UTC. The allow-list for {@code bucket}. */
public enum UsageBucket {
    HOUR("hour", Duration.ofHours(1)),
    DAY("day", Duration.ofDays(1));

    /** A series has at most this many buckets (per group): 41 days by the hour, 2.7 years by the day. */
    public static final int MAX_BUCKETS = 1000;

    private final String apiName;
    private final Duration width;

    UsageBucket(String apiName, Duration width) {
        this.apiName = apiName;
        this.width = width;
    }

    /** @return {@code hour} or {@code day}: also the {@code date_trunc} field, a constant */
    public String apiName() {
        return apiName;
    }

    public Duration width() {
        return width;
    }

    /**
     * @throws InvalidKeyStoreInputException (field {@code bucket}) for any other name
     */
    public static UsageBucket parse(String name) {
        return Arrays.stream(values()).filter(b -> b.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidKeyStoreInputException("bucket", "must be one of hour, day"));
    }
}
