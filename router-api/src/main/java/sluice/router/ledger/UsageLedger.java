package sluice.router.ledger;

import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import sluice.keystore.UsageEvent;
import sluice.router.quota.KeyAdmission;
import sluice.router.routing.Call;
import sluice.router.routing.UsageRecord;
import sluice.router.upstream.Usage;

import java.time.Instant;

/**
 * Where every answered request finishes: settles its tenant reservation, turns it into its usage
 * event and writes that to the outbox before the answer ends.
 */
@ApplicationScoped
public class UsageLedger {
    private final UsageOutbox outbox;
    private final KeyAdmission admission;

    public UsageLedger(UsageOutbox outbox, KeyAdmission admission) {
        this.outbox = outbox;
        this.admission = admission;
    }

    /**
     * Records the request's outcome; the future completes (never fails) once the event is durable
     * or could not be written and the tenant's reservation is settled (both sent at once, so the
     * wait is one round trip, not two). End the client's response after it.
     *
     * @param status the HTTP status the client gets
     * @param error  what went wrong, or null
     */
    public Future<Void> record(Call call, int status, String error) {
        UsageRecord r = call.usage();
        Usage used = r.usage();
        Future<Void> tenantSettled = r.tenantReservation() == null ? Future.succeededFuture()
                : admission.settleTenant(r.tenantReservation(), used, status < 400);
        String model = r.model() != null ? r.model() : call.request().model() != null ? call.request().model() : "unknown";
        UsageEvent event = new UsageEvent(call.requestId(), Instant.now(), r.tenantId(), r.clientKeyId(),
                r.providerId(), r.keyId(), model, call.route().classification().taskClass().headerName(),
                (int) Math.min(Integer.MAX_VALUE, r.estimatedPrompt()),
                (int) Math.min(Integer.MAX_VALUE, r.estimatedCompletion()),
                used == null ? null : (int) used.promptTokens(), used == null ? null : (int) used.completionTokens(),
                status, call.log().upstreamCalls(), r.elapsedMillis(), error);
        return Future.join(tenantSettled, outbox.append(event)).mapEmpty();
    }
}
