package sluice.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Calendar days and months in a key's reset zone, the way providers count daily quotas and
 * tenants' monthly budgets are counted. Computes period starts in Java (time zones and daylight
 * saving) so that the Lua scripts only compare numbers.
 */
public final class ResetCalendar {
    private ResetCalendar() {
    }

    /**
     * @return the starts (epoch ms) of yesterday, today, tomorrow and the day after, around
     *         {@code nowMillis} in {@code zone}; a script whose clock differs from the caller's by
     *         less than a day finds its own day among them
     */
    public static long[] dayStartsAround(long nowMillis, ZoneId zone) {
        LocalDate today = dateOf(nowMillis, zone);
        return new long[] {startOf(today.minusDays(1), zone), startOf(today, zone),
            startOf(today.plusDays(1), zone), startOf(today.plusDays(2), zone)};
    }

    /** @return {start, end} of the calendar day holding {@code nowMillis} */
    public static long[] dayOf(long nowMillis, ZoneId zone) {
        LocalDate today = dateOf(nowMillis, zone);
        return new long[] {startOf(today, zone), startOf(today.plusDays(1), zone)};
    }

    /** @return the next daily reset after {@code nowMillis} in {@code zone} */
    public static long nextResetAfter(long nowMillis, ZoneId zone) {
        return dayOf(nowMillis, zone)[1];
    }

    /**
     * @return the starts (epoch ms) of last month, this month, next month and the month after,
     *         around {@code nowMillis} in {@code zone} (the script picks the one holding its own now)
     */
    public static long[] monthStartsAround(long nowMillis, ZoneId zone) {
        LocalDate first = dateOf(nowMillis, zone).withDayOfMonth(1);
        return new long[] {startOf(first.minusMonths(1), zone), startOf(first, zone),
            startOf(first.plusMonths(1), zone), startOf(first.plusMonths(2), zone)};
    }

    /** @return {start, end} of the calendar month holding {@code nowMillis} */
    public static long[] monthOf(long nowMillis, ZoneId zone) {
        LocalDate first = dateOf(nowMillis, zone).withDayOfMonth(1);
        return new long[] {startOf(first, zone), startOf(first.plusMonths(1), zone)};
    }

    private static LocalDate dateOf(long millis, ZoneId zone) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
