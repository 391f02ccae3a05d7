package sluice.router.ledger;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import sluice.keystore.UsageEvent;
import sluice.quota.Settled;
import sluice.quota.Settlement;
import sluice.router.quota.KeyAdmission;
import sluice.router.routing.Call;
import sluice.router.routing.UsageRecord;
import sluice.router.upstream.Usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every answered request finishes: settles its key and tenant reservations, turns it into
 * its usage event and writes that to the outbox before the answer ends.
 */
@ApplicationScoped
public class UsageLedger {
    private final UsageOutbox outbox;
    private final KeyAdmission admission;

    public UsageLedger(UsageOutbox outbox, KeyAdmission admission) {
        this.outbox = outbox;
        this.admission = admission;
    }

    /** Records the outcome of a request no key reservation is left of; see the other form. */
    public Future<Void> record(Call call, int status, String error) {
        return record(call, status, error, null);
    }

    /**
     * Records the request's outcome; the future completes (never fails) once the event is durable
     * or could not be written and the key's and the tenant's reservations are settled: all sent to
     * Redis in one pipelined batch where the quota store can (else at once, side by side), so the
     * wait is one round trip. End the client's response after it.
     *
     * @param status        the HTTP status the client gets
     * @param error         what went wrong, or null
     * @param keySettlement the key's reservation with its actual tokens, or null (none left)
     */
    public Future<Void> record(Call call, int status, String error, Settlement keySettlement) {
        UsageRecord r = call.usage();
        List<Settlement> settlements = new ArrayList<>(2);
        if (keySettlement != null) {
            settlements.add(keySettlement);
        }
        if (r.tenantReservation() != null) {
            settlements.add(KeyAdmission.tenantSettlement(r.tenantReservation(), r.usage(), status < 400));
        }
        UsageEvent event = eventOf(call, status, error);
        if (settlements.isEmpty()) {
            return outbox.append(event);
        }
        Settled settled = admission.settle(settlements, outbox.entryOf(event));
        List<Future<Void>> all = new ArrayList<>(settlements.size() + 1);
        Context context = Vertx.currentContext();
        settled.settlements().forEach(each -> all.add(context == null
                ? Future.fromCompletionStage(each) : Future.fromCompletionStage(each, context)));
        all.add(settled.appended() == null ? outbox.append(event) : outbox.written(event, settled.appended()));
        return Future.join(all).mapEmpty();
    }

    private static UsageEvent eventOf(Call call, int status, String error) {
        UsageRecord r = call.usage();
        Usage used = r.usage();
        String model = r.model() != null ? r.model() : call.request().model() != null ? call.request().model() : "unknown";
        return new UsageEvent(call.requestId(), Instant.now(), r.tenantId(), r.clientKeyId(),
                r.providerId(), r.keyId(), model, call.route().classification().taskClass().headerName(),
                (int) Math.min(Integer.MAX_VALUE, r.estimatedPrompt()),
                (int) Math.min(Integer.MAX_VALUE, r.estimatedCompletion()),
                used == null ? null : (int) used.promptTokens(), used == null ? null : (int) used.completionTokens(),
                status, call.log().upstreamCalls(), r.elapsedMillis(), error, call.route().reason(),
                call.log().callsJson());
    }
}
