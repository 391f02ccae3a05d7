package sluice.router.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads a point in time from a query parameter: an ISO-8601 instant, date-time with offset, or date (UTC midnight). */
final class TimeParam {

    private TimeParam() {
    }

    /** @throws AdminInputException (field {@code name}) when absent or not ISO-8601 */
    static Instant parse(String name, String value) {
        AdminInputException.required(value, name);
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new AdminInputException(name, "must be an ISO-8601 date-time such as 2026-11-01T00:00:00Z, or a date");
        }
    }
}
