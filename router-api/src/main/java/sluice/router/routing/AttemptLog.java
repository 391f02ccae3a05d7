package sluice.router.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What one request tried, in order: each provider/key and what came of it. It explains the
 * decision in response headers and, when everything failed, in the error body.
 */
public final class AttemptLog {
    /** Longest list of upstream calls kept for the ledger row (failover chains are short). */
    static final int MAX_CALLS_RECORDED = 32;

    private final List<Entry> entries = new ArrayList<>();
    private final List<UpstreamAttempt> calls = new ArrayList<>(2);
    private int upstreamCalls;
    private boolean storeUnavailable;

    /** One try: {@code keyId} may be null when no key was admitted for the provider. */
    public record Entry(String provider, String keyId, String outcome, long retryAtMillis) {
    }

    public void record(String provider, String keyId, String outcome, long retryAtMillis) {
        entries.add(new Entry(provider, keyId, outcome, retryAtMillis));
    }

    /** The shared quota state could not be reached and the policy is to fail closed. */
    public void recordStoreUnavailable(String provider) {
        storeUnavailable = true;
        entries.add(new Entry(provider, null, "quota state unavailable (Redis unreachable, failing closed)", 0));
    }

    public boolean storeUnavailable() {
        return storeUnavailable;
    }

    public void countUpstreamCall() {
        upstreamCalls++;
    }

    /** One upstream call ended (answered or failed): kept for the ledger row. */
    public void called(UpstreamAttempt attempt) {
        if (calls.size() < MAX_CALLS_RECORDED) {
            calls.add(attempt);
        }
    }

    /** @return the upstream calls as a JSON array, for the ledger row ({@code attempt_log}) */
    public String callsJson() {
        JsonArray array = new JsonArray();
        calls.forEach(c -> array.add(c.toJson()));
        return array.encode();
    }

    /** @return upstream calls made so far (the value of {@code x-sluice-attempts}) */
    public int upstreamCalls() {
        return upstreamCalls;
    }

    /** @return true when every failure was a rate limit (so the client should retry later) */
    public boolean allRateLimited() {
        return !entries.isEmpty() && entries.stream().allMatch(e -> e.retryAtMillis() > 0);
    }

    /** @return the earliest time any tried key frees up, or 0 when none said */
    public long earliestRetryAt() {
        return entries.stream().mapToLong(Entry::retryAtMillis).filter(t -> t > 0 && t < Long.MAX_VALUE)
                .min().orElse(0);
    }

    /** @return the status the client gets when nothing answered: 429 when all were rate limited, else 503 */
    public int failureStatus() {
        return allRateLimited() && !storeUnavailable ? 429 : 503;
    }

    public JsonArray toJson() {
        JsonArray array = new JsonArray();
        for (Entry e : entries) {
            JsonObject o = new JsonObject().put("provider", e.provider()).put("outcome", e.outcome());
            if (e.keyId() != null) {
                o.put("key", e.keyId());
            }
            array.add(o);
        }
        return array;
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(e.provider());
            if (e.keyId() != null) {
                s.append('/').append(e.keyId());
            }
            s.append(": ").append(e.outcome());
        }
        return s.toString();
    }
}
