package sluice.quota;

import java.util.HashMap;
import java.util.Map;

/**
 * One key's quota state inside one JVM: the Java twin of the admission, reconcile and flag
 * scripts, used by {@link LocalQuotaStore}. All methods are serialised on the instance.
 */
final class LocalKeyQuota {
    private final SlidingWindow minute;
    private final Map<String, Long> leases = new HashMap<>();
    private final CalendarCount day = new CalendarCount(ResetCalendar::dayOf);
    private final CalendarCount month = new CalendarCount(ResetCalendar::monthOf);
    private boolean disabled;
    private String disabledReason = "";
    private long cooldownUntil;
    private String cooldownReason = "";
    private long exhaustedUntil;
    private String exhaustedReason = "";
    private ProviderRateView providerView = ProviderRateView.NONE;

    LocalKeyQuota(WindowSpec spec) {
        this.minute = new SlidingWindow(spec);
    }

    synchronized Admission admit(AdmissionRequest request, KeyLimits limits, long now, String leaseId) {
        Denied refused = gateCheck(now);
        if (refused == null) {
            refused = windowCheck(limits, request.estimatedTokens(), now);
        }
        if (refused == null) {
            refused = concurrencyCheck(limits, now);
        }
        if (refused != null) {
            return refused;
        }
        long bucket = minute.slide(now);
        minute.add(bucket, 1, request.estimatedTokens());
        day.charge(1, request.estimatedTokens());
        boolean monthly = limits.monthlyTokens() > 0;
        if (monthly) {
            month.charge(1, request.estimatedTokens());
        }
        leases.put(leaseId, now + request.leaseTtlMillis());
        Reservation reservation = new Reservation(request.keyId(), request.requestId(), leaseId,
                request.estimatedTokens(), now, bucket, day.start(), monthly ? month.start() : 0, true);
        return new Admitted(reservation, new KeyUsage(limits, minute.requests(), minute.tokens(),
                day.requests(), day.tokens(), leases.size(), monthly ? month.tokens() : 0));
    }

    /** Records a request admitted elsewhere (by the shared store) without checking anything. */
    synchronized void absorb(long now, long tokens, KeyLimits limits) {
        minute.add(minute.slide(now), 1, tokens);
        day.roll(now, limits.dailyResetZone());
        day.charge(1, tokens);
        if (limits.monthlyTokens() > 0) {
            month.roll(now, limits.dailyResetZone());
            month.charge(1, tokens);
        }
    }

    private Denied gateCheck(long now) {
        if (disabled) {
            return new Denied(DenyReason.DISABLED, Denied.NEVER, disabledReason);
        }
        if (exhaustedUntil > now) {
            return new Denied(DenyReason.EXHAUSTED, exhaustedUntil, exhaustedReason);
        }
        if (cooldownUntil > now) {
            return new Denied(DenyReason.COOLDOWN, cooldownUntil, cooldownReason);
        }
        long blocked = providerView.blocksUntil(now);
        if (blocked > 0) {
            return new Denied(DenyReason.COOLDOWN, blocked,
                    "provider reports no requests or tokens left until its reset");
        }
        return null;
    }

    private Denied windowCheck(KeyLimits limits, long estimate, long now) {
        minute.slide(now);
        long requests = minute.requests();
        long tokens = minute.tokens();
        if (limits.rpm() > 0 && requests + 1 > limits.rpm()) {
            return new Denied(DenyReason.RPM, minute.freeAt(now, requests + 1 - limits.rpm(), 0),
                    requests + " of " + limits.rpm() + " requests used in the rolling minute");
        }
        if (limits.tpm() > 0 && estimate > limits.tpm()) {
            return new Denied(DenyReason.TPM, Denied.NEVER,
                    "request needs " + estimate + " tokens, more than the key TPM " + limits.tpm());
        }
        if (limits.tpm() > 0 && tokens + estimate > limits.tpm()) {
            return new Denied(DenyReason.TPM, minute.freeAt(now, 0, tokens + estimate - limits.tpm()),
                    tokens + " of " + limits.tpm() + " tokens used in the rolling minute");
        }
        return calendarCheck(limits, estimate, now);
    }

    private Denied calendarCheck(KeyLimits limits, long estimate, long now) {
        day.roll(now, limits.dailyResetZone());
        if (limits.rpd() > 0 && day.requests() + 1 > limits.rpd()) {
            return new Denied(DenyReason.RPD, day.end(), day.requests() + " of " + limits.rpd() + " requests used today");
        }
        if (limits.tpd() > 0 && (estimate > limits.tpd() || day.tokens() + estimate > limits.tpd())) {
            return new Denied(DenyReason.TPD, estimate > limits.tpd() ? Denied.NEVER : day.end(),
                    day.tokens() + " of " + limits.tpd() + " tokens used today");
        }
        long perMonth = limits.monthlyTokens();
        if (perMonth > 0) {
            month.roll(now, limits.dailyResetZone());
            if (estimate > perMonth || month.tokens() + estimate > perMonth) {
                return new Denied(DenyReason.MONTHLY_TOKENS, estimate > perMonth ? Denied.NEVER : month.end(),
                        month.tokens() + " of " + perMonth + " tokens used this month");
            }
        }
        return null;
    }

    private Denied concurrencyCheck(KeyLimits limits, long now) {
        leases.values().removeIf(expiry -> expiry <= now);
        if (limits.maxConcurrent() > 0 && leases.size() >= limits.maxConcurrent()) {
            long firstExpiry = leases.values().stream().mapToLong(Long::longValue).min().orElse(now);
            return new Denied(DenyReason.CONCURRENCY, firstExpiry,
                    leases.size() + " of " + limits.maxConcurrent() + " in flight");
        }
        return null;
    }

    /** Adds the deltas to the minute bucket, day and month charged (while still counted), frees the lease. */
    synchronized void settle(Reservation reservation, long requestDelta, long tokenDelta, long now) {
        if (tokenDelta != 0 || requestDelta != 0) {
            minute.adjust(reservation.minuteBucket(), requestDelta, tokenDelta, now);
            day.settle(reservation.dayStartMillis(), requestDelta, tokenDelta);
            if (reservation.monthStartMillis() != 0) {
                month.settle(reservation.monthStartMillis(), requestDelta, tokenDelta);
            }
        }
        leases.remove(reservation.leaseId());
    }

    synchronized boolean renew(String leaseId, long now, long ttlMillis) {
        Long expiry = leases.get(leaseId);
        if (expiry == null || expiry <= now) {
            leases.remove(leaseId);
            return false;
        }
        leases.put(leaseId, now + ttlMillis);
        return true;
    }

    synchronized long extendCooldown(long until, String reason) {
        if (until > cooldownUntil) {
            cooldownUntil = until;
            cooldownReason = reason;
        }
        return cooldownUntil;
    }

    synchronized long extendExhaustion(long until, String reason) {
        if (until > exhaustedUntil) {
            exhaustedUntil = until;
            exhaustedReason = reason;
        }
        return exhaustedUntil;
    }

    synchronized void setDisabled(boolean disable, String reason) {
        disabled = disable;
        disabledReason = disable ? reason : "";
    }

    synchronized void clearCooldown() {
        cooldownUntil = 0;
        cooldownReason = "";
        providerView = ProviderRateView.NONE;
    }

    synchronized void clearExhausted() {
        exhaustedUntil = 0;
        exhaustedReason = "";
    }

    synchronized void mirror(ProviderRateView view) {
        providerView = providerView.updatedBy(view);
    }

    synchronized KeyState snapshot(String keyId, long now) {
        minute.slide(now);
        leases.values().removeIf(expiry -> expiry <= now);
        return new KeyState(keyId, disabled, disabledReason, cooldownUntil, cooldownReason, exhaustedUntil,
                exhaustedReason, new WindowCount(minute.requests(), minute.tokens()), day.at(now), month.at(now),
                leases.size(),
                providerView, now);
    }
}
