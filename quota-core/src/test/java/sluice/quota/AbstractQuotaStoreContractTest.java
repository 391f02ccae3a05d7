package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The admission behaviour every {@link QuotaStore} must show (windows, leases, reconcile), driven
 * by a fake clock. Flags and the provider view: {@link AbstractKeyStateContractTest}.
 */
public abstract class AbstractQuotaStoreContractTest extends QuotaStoreFixture {

    @Test
    void rpmAdmitsUpToTheLimitThenDeniesUntilTheOldestRequestLeavesTheWindow() {
        KeyLimits rpm3 = KeyLimits.perMinute(3, 0);
        for (int i = 0; i < 3; i++) {
            admitted(rpm3, 10);
            clock.advanceMillis(1000);
        }
        Denied denied = denied(rpm3, 10, DenyReason.RPM);
        // the first request sits in bucket [T0, T0+100 ms): it leaves the window 60 s after that bucket ends
        assertEquals(T0 + 60_100, denied.retryAtMillis());
        clock.set(denied.retryAtMillis() - 1);
        denied(rpm3, 10, DenyReason.RPM);
        clock.set(denied.retryAtMillis());
        admitted(rpm3, 10);
    }

    @Test
    void rollingWindowLetsEachRequestLeaveOneMinuteAfterItsBucket() {
        KeyLimits rpm60 = KeyLimits.perMinute(60, 0);
        for (int second = 0; second < 60; second++) {
            clock.set(T0 + second * 1000L);
            admitted(rpm60, 1);
        }
        clock.set(T0 + 59_500);
        denied(rpm60, 1, DenyReason.RPM);
        clock.set(T0 + 60_000);
        // (T0, T0+60 s] no longer holds the first request, but its bucket straddles the edge: counted
        assertEquals(T0 + 60_100, denied(rpm60, 1, DenyReason.RPM).retryAtMillis());
        clock.set(T0 + 60_100);
        admitted(rpm60, 1);
        assertEquals(T0 + 61_100, denied(rpm60, 1, DenyReason.RPM).retryAtMillis());
        assertEquals(60, state().minute().requests());
    }

    @Test
    void tpmCountsEstimatedTokensAndSaysWhenEnoughLeave() {
        KeyLimits tpm1000 = KeyLimits.perMinute(0, 1000);
        admitted(tpm1000, 400);
        clock.advanceMillis(5000);
        admitted(tpm1000, 400);
        Denied denied = denied(tpm1000, 300, DenyReason.TPM);
        assertEquals(T0 + 60_100, denied.retryAtMillis(), "the first 400 tokens must leave");
        admitted(tpm1000, 200);
        assertEquals(1000, state().minute().tokens());
    }

    @Test
    void requestLargerThanTheTpmIsNeverAdmittedAndReservesNothing() {
        Denied denied = denied(KeyLimits.perMinute(0, 100), 101, DenyReason.TPM);
        assertEquals(Denied.NEVER, denied.retryAtMillis());
        assertEquals(WindowCount.ZERO, state().minute());
        assertEquals(0, state().inFlight());
    }

    @Test
    void dailyRequestLimitResetsAtMidnightOfTheKeysZone() {
        clock.set(Instant.parse("2026-03-10T15:30:00Z").toEpochMilli()); // 23:30 in Shanghai
        KeyLimits rpd2 = new KeyLimits(0, 0, 2, 0, 0, ZoneId.of("Asia/Shanghai"));
        admitted(rpd2, 10);
        admitted(rpd2, 10);
        Denied denied = denied(rpd2, 10, DenyReason.RPD);
        long shanghaiMidnight = Instant.parse("2026-03-10T16:00:00Z").toEpochMilli();
        assertEquals(shanghaiMidnight, denied.retryAtMillis());
        clock.set(shanghaiMidnight - 1);
        denied(rpd2, 10, DenyReason.RPD);
        clock.set(shanghaiMidnight);
        admitted(rpd2, 10);
        assertEquals(new WindowCount(1, 10), state().today());
    }

    @Test
    void dailyTokenLimitDeniesWhatWouldPassIt() {
        KeyLimits tpd1000 = new KeyLimits(0, 0, 0, 1000, 0, ZoneOffset.UTC);
        admitted(tpd1000, 600);
        Denied denied = denied(tpd1000, 600, DenyReason.TPD);
        assertEquals(Instant.parse("2026-03-11T00:00:00Z").toEpochMilli(), denied.retryAtMillis());
        admitted(tpd1000, 400);
        assertEquals(Denied.NEVER, denied(tpd1000, 1001, DenyReason.TPD).retryAtMillis(),
                "larger than the whole daily limit");
    }

    @Test
    void concurrencyLimitHoldsUntilALeaseIsReleased() {
        KeyLimits two = limits(0, 0, 0, 0, 2);
        Reservation first = admitted(two, 10);
        clock.advanceMillis(10);
        admitted(two, 10);
        Denied denied = denied(two, 10, DenyReason.CONCURRENCY);
        assertEquals(T0 + LEASE_TTL, denied.retryAtMillis(), "the first lease's expiry");
        await(store.reconcile(first, 10));
        admitted(two, 10);
        assertEquals(2, state().inFlight());
    }

    @Test
    void leaseOfACallThatNeverEndedExpiresAndFreesItsSlot() {
        KeyLimits one = limits(0, 0, 0, 0, 1);
        admitted(one, 10); // its replica dies: never reconciled, never released
        clock.set(T0 + LEASE_TTL - 1);
        denied(one, 10, DenyReason.CONCURRENCY);
        clock.set(T0 + LEASE_TTL);
        admitted(one, 10);
    }

    @Test
    void renewedLeaseKeepsItsSlotAndAnExpiredOneCannotBeRenewed() {
        KeyLimits one = limits(0, 0, 0, 0, 1);
        Reservation stream = admitted(one, 10);
        clock.set(T0 + 20_000);
        assertTrue(await(store.renewLease(stream, 30_000)));
        clock.set(T0 + 40_000);
        assertEquals(T0 + 50_000, denied(one, 10, DenyReason.CONCURRENCY).retryAtMillis());
        clock.set(T0 + 50_000);
        assertFalse(await(store.renewLease(stream, 30_000)));
        admitted(one, 10);
    }

    @Test
    void reconcileDownGivesUnusedTokensBack() {
        KeyLimits tpm1000 = KeyLimits.perMinute(0, 1000);
        Reservation big = admitted(tpm1000, 800);
        await(store.reconcile(big, 300));
        admitted(tpm1000, 700);
        KeyState state = state();
        assertEquals(new WindowCount(2, 1000), state.minute());
        assertEquals(new WindowCount(2, 1000), state.today());
        assertEquals(1, state.inFlight(), "the reconciled call's lease is gone");
    }

    @Test
    void reconcileUpChargesTheExtraTokens() {
        KeyLimits tpm1000 = KeyLimits.perMinute(0, 1000);
        Reservation small = admitted(tpm1000, 100);
        await(store.reconcile(small, 900));
        assertEquals(900, state().minute().tokens());
        assertEquals(900, state().today().tokens());
        denied(tpm1000, 200, DenyReason.TPM);
    }

    @Test
    void reconcileAfterItsBucketLeftTheWindowLeavesTheMinuteAlone() {
        KeyLimits tpm1000 = KeyLimits.perMinute(0, 1000);
        Reservation old = admitted(tpm1000, 500);
        clock.advanceMillis(61_000);
        admitted(tpm1000, 100);
        await(store.reconcile(old, 50));
        assertEquals(100, state().minute().tokens(), "the old bucket already left; the new one is untouched");
        assertEquals(150, state().today().tokens(), "the day still holds both, corrected");
    }

    @Test
    void releaseGivesTokensBackButTheRequestStaysCounted() {
        KeyLimits limits = KeyLimits.perMinute(2, 1000);
        Reservation failed = admitted(limits, 600);
        await(store.release(failed));
        assertEquals(new WindowCount(1, 0), state().minute());
        assertEquals(0, state().inFlight());
        admitted(limits, 1000);
        denied(limits, 1, DenyReason.RPM);
    }

    @Test
    void cancelGivesTheRequestAndItsTokensBackAsIfNeverAdmitted() {
        KeyLimits limits = limits(1, 1000, 1, 0, 0);
        Reservation unsent = admitted(limits, 600);
        denied(limits, 1, DenyReason.RPM);
        await(store.cancel(unsent));
        KeyState state = state();
        assertEquals(WindowCount.ZERO, state.minute());
        assertEquals(WindowCount.ZERO, state.today());
        assertEquals(0, state.inFlight());
        admitted(limits, 1000); // the rpm, rpd and tpm slots are free again
        denied(limits, 1, DenyReason.RPM);
    }

    @Test
    void cancelAfterItsBucketLeftTheWindowTakesNothingFromNewerRequests() {
        KeyLimits limits = limits(10, 0, 0, 0, 0);
        Reservation old = admitted(limits, 500);
        clock.advanceMillis(61_000);
        admitted(limits, 100);
        await(store.cancel(old));
        assertEquals(new WindowCount(1, 100), state().minute(), "the old bucket already left; the new one is untouched");
        assertEquals(new WindowCount(1, 100), state().today(), "the day gives the old request back");
    }

    @Test
    void deniedAdmissionReservesNothing() {
        KeyLimits rpm1 = limits(1, 0, 0, 0, 0);
        admitted(rpm1, 50);
        denied(rpm1, 50, DenyReason.RPM);
        denied(rpm1, 50, DenyReason.RPM);
        KeyState state = state();
        assertEquals(new WindowCount(1, 50), state.minute());
        assertEquals(new WindowCount(1, 50), state.today());
        assertEquals(1, state.inFlight());
    }

    @Test
    void usageAfterAdmissionGivesTheHeadroomOfTheTightestLimit() {
        KeyLimits limits = KeyLimits.perMinute(10, 1000);
        Admitted last = null;
        for (int i = 0; i < 4; i++) {
            last = (Admitted) admit(key, limits, 100);
        }
        assertEquals(4, last.usageAfter().minuteRequests());
        assertEquals(400, last.usageAfter().minuteTokens());
        assertEquals(4, last.usageAfter().inFlight());
        assertEquals(0.6, last.usageAfter().headroom(), 1e-9);
    }








    /**
     * Random arrivals (faster than the limits allow), random estimates, reconciles at or below the
     * estimate, some releases: a brute-force check over the admission log finds no rolling 60 s
     * window above RPM or TPM, while the limits are still used.
     */
    @Test
    void randomScheduleNeverExceedsTheLimitsInAnyRollingMinute() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        KeyLimits limits = KeyLimits.perMinute(20, 4000);
        AdmissionLog log = new AdmissionLog();
        List<Reservation> open = new ArrayList<>();
        while (clock.nowMillis() < T0 + 6 * 60_000) {
            clock.advanceMillis(random.nextInt(200));
            long estimate = 50 + random.nextInt(550);
            if (admit(key, limits, estimate) instanceof Admitted admitted) {
                open.add(admitted.reservation());
                log.add(admitted.reservation());
            }
            if (!open.isEmpty() && random.nextInt(3) == 0) {
                Reservation done = open.remove(random.nextInt(open.size()));
                long actual = random.nextInt(5) == 0 ? 0 : random.nextInt((int) done.reservedTokens() + 1);
                await(actual == 0 ? store.release(done) : store.reconcile(done, actual));
                log.settle(done, actual);
            }
        }
        long requests = log.maxRequestsInAnyWindow(60_000);
        long tokens = log.maxTokensInAnyWindow(60_000);
        String context = "seed " + seed + ": at most " + requests + " requests, " + tokens + " tokens in a window";
        assertTrue(requests <= 20, context);
        assertTrue(tokens <= 4000, context);
        assertTrue(log.size() >= 5 * 20 * 0.6, context + ": only " + log.size() + " admitted in 6 minutes");
    }

}
