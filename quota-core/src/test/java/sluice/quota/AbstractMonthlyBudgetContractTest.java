package sluice.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The calendar-month token limit (a tenant's monthly budget) every {@link QuotaStore} must enforce
 * in the same atomic admission as the other limits, driven by a fake clock.
 */
public abstract class AbstractMonthlyBudgetContractTest extends QuotaStoreFixture {
    private static final KeyLimits MONTH_1000 = KeyLimits.UNLIMITED.withMonthlyTokens(1000);
    private static final long APRIL_FIRST_UTC = Instant.parse("2026-04-01T00:00:00Z").toEpochMilli();

    @Test
    void monthlyTokenLimitDeniesWhatWouldPassItUntilTheMonthEnds() {
        admitted(MONTH_1000, 600);
        Denied denied = denied(MONTH_1000, 600, DenyReason.MONTHLY_TOKENS);
        assertEquals(APRIL_FIRST_UTC, denied.retryAtMillis(), "free again when the month resets");
        assertEquals("600 of 1000 tokens used this month", denied.detail());
        clock.advanceMillis(86_400_000L * 5); // another day of the same month
        admitted(MONTH_1000, 400);
        denied(MONTH_1000, 1, DenyReason.MONTHLY_TOKENS);
        assertEquals(new WindowCount(2, 1000), state().month());
        assertEquals(new WindowCount(1, 400), state().today(), "the day counter moved on, the month did not");

        clock.set(APRIL_FIRST_UTC - 1);
        denied(MONTH_1000, 1, DenyReason.MONTHLY_TOKENS);
        clock.set(APRIL_FIRST_UTC);
        admitted(MONTH_1000, 1000);
        assertEquals(new WindowCount(1, 1000), state().month());
    }

    @Test
    void requestLargerThanTheWholeMonthIsNeverAdmitted() {
        Denied denied = denied(MONTH_1000, 1001, DenyReason.MONTHLY_TOKENS);
        assertEquals(Denied.NEVER, denied.retryAtMillis());
        assertEquals(WindowCount.ZERO, state().month());
        assertEquals(WindowCount.ZERO, state().today(), "a denial reserves nothing");
    }

    @Test
    void theMonthResetsAtMidnightOfTheLimitsZone() {
        clock.set(Instant.parse("2026-03-31T15:30:00Z").toEpochMilli()); // 23:30 on 31 March in Shanghai
        KeyLimits shanghai = new KeyLimits(0, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai"), 100);
        admitted(shanghai, 100);
        long shanghaiApril = Instant.parse("2026-03-31T16:00:00Z").toEpochMilli();
        assertEquals(shanghaiApril, denied(shanghai, 1, DenyReason.MONTHLY_TOKENS).retryAtMillis());
        clock.set(shanghaiApril);
        admitted(shanghai, 100);
    }

    @Test
    void cancelGivesTheMonthItsTokensBack() {
        admitted(MONTH_1000, 300);
        Reservation unsent = admitted(MONTH_1000, 700);
        await(store.cancel(unsent));
        assertEquals(new WindowCount(1, 300), state().month());
        admitted(MONTH_1000, 700);
    }

    @Test
    void reconcileSettlesTheMonthWithTheRealUsage() {
        Reservation big = admitted(MONTH_1000, 800);
        await(store.reconcile(big, 300));
        assertEquals(300, state().month().tokens());
        Reservation failed = admitted(MONTH_1000, 200);
        await(store.release(failed));
        assertEquals(new WindowCount(2, 300), state().month(), "a failed call gives its tokens back");
        admitted(MONTH_1000, 700);
        denied(MONTH_1000, 1, DenyReason.MONTHLY_TOKENS);
        Reservation small = admitted(MONTH_1000.withMonthlyTokens(2000), 100);
        await(store.reconcile(small, 1000));
        assertEquals(new WindowCount(4, 2000), state().month(), "a larger actual is charged, too");
    }

    @Test
    void aReservationFromLastMonthLeavesTheNewMonthAlone() {
        clock.set(APRIL_FIRST_UTC - 10_000);
        Reservation march = admitted(MONTH_1000, 900);
        clock.set(APRIL_FIRST_UTC + 10_000);
        admitted(MONTH_1000, 200);
        await(store.reconcile(march, 100));
        assertEquals(new WindowCount(1, 200), state().month());
    }

    @Test
    void limitsWithoutAMonthlyLimitCountNoMonth() {
        Reservation reservation = admitted(KeyLimits.perMinute(10, 1000), 500);
        assertEquals(0, reservation.monthStartMillis());
        assertEquals(WindowCount.ZERO, state().month());
        await(store.reconcile(reservation, 400));
        assertEquals(WindowCount.ZERO, state().month());
    }
}
