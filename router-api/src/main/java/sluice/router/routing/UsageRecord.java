package sluice.router.routing;

import sluice.quota.Reservation;
import sluice.router.upstream.Usage;

/**
 * What one request used, filled in as it goes (the estimate at admission, the provider, key and
 * model of the call that answered, the reported usage), for its usage-ledger row.
 */
public final class UsageRecord {
    /** Until client keys are required, every request belongs to this tenant and client key. */
    public static final String ANONYMOUS = "anonymous";

    private final long startedNanos = System.nanoTime();
    private String tenantId = ANONYMOUS;
    private String clientKeyId = ANONYMOUS;
    private String providerId;
    private String keyId;
    private String model;
    private long estimatedPrompt;
    private long estimatedCompletion;
    private Usage usage;
    private Reservation tenantReservation;

    public void estimated(long prompt, long completion) {
        this.estimatedPrompt = prompt;
        this.estimatedCompletion = completion;
    }

    public void calling(String providerId, String keyId, String model) {
        this.providerId = providerId;
        this.keyId = keyId;
        this.model = model;
    }

    public void used(Usage reported) {
        this.usage = reported;
    }

    public void client(String tenantId, String clientKeyId) {
        this.tenantId = tenantId;
        this.clientKeyId = clientKeyId;
    }

    /** The tenant's own admission, settled when the request finishes. */
    public void tenantAdmitted(Reservation reservation) {
        this.tenantReservation = reservation;
    }

    public Reservation tenantReservation() {
        return tenantReservation;
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientKeyId() {
        return clientKeyId;
    }

    public String providerId() {
        return providerId;
    }

    public String keyId() {
        return keyId;
    }

    public String model() {
        return model;
    }

    public long estimatedPrompt() {
        return estimatedPrompt;
    }

    public long estimatedCompletion() {
        return estimatedCompletion;
    }

    public Usage usage() {
        return usage;
    }

    public int elapsedMillis() {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
