package sluice.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Calendar days in a key's reset zone, the way providers count daily quotas. Computes day starts
 * in Java (time zones and daylight saving) so that the Lua scripts only compare numbers.
 */
public final class DailyResetCalendar {
    private DailyResetCalendar() {
    }

    /**
     * @return the starts (epoch ms) of yesterday, today, tomorrow and the day after, around
     *         {@code nowMillis} in {@code zone}; a script whose clock differs from the caller's by
     *         less than a day finds its own day among them
     */
    public static long[] dayStartsAround(long nowMillis, ZoneId zone) {
        LocalDate today = Instant.ofEpochMilli(nowMillis).atZone(zone).toLocalDate();
        return new long[] {startOf(today.minusDays(1), zone), startOf(today, zone),
            startOf(today.plusDays(1), zone), startOf(today.plusDays(2), zone)};
    }

    /** @return {start, end} of the calendar day holding {@code nowMillis} */
    public static long[] dayOf(long nowMillis, ZoneId zone) {
        LocalDate today = Instant.ofEpochMilli(nowMillis).atZone(zone).toLocalDate();
        return new long[] {startOf(today, zone), startOf(today.plusDays(1), zone)};
    }

    /** @return the next daily reset after {@code nowMillis} in {@code zone} */
    public static long nextResetAfter(long nowMillis, ZoneId zone) {
        return dayOf(nowMillis, zone)[1];
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
