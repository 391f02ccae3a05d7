package sluice.keystore;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A usage event survives the trip through a flat string map (a Redis Stream entry) unchanged. */
class UsageEventTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123456789Z");

    static final String ATTEMPTS = "[{\"provider\":\"glm\",\"model\":\"glm-4\",\"key\":\"k-9\",\"status\":503,"
            + "\"latency_ms\":40,\"outcome\":\"server_error\"},{\"provider\":\"deepseek\",\"model\":\"deepseek-chat\","
            + "\"key\":\"k-1\",\"status\":200,\"latency_ms\":310,\"outcome\":\"ok\"}]";

    static UsageEvent complete() {
        return new UsageEvent("req-1", AT, "acme", "ck-1", "deepseek", "k-1", "deepseek-chat", "code", 120, 400,
                118, 377, 200, 2, 1534, null, "class code: text signals; route glm,deepseek", ATTEMPTS);
    }

    @Test
    void fieldsRoundTripToAnEqualEvent() {
        UsageEvent event = complete();

        assertEquals(event, UsageEvent.fromFields(event.toFields()));
    }

    @Test
    void everyEventHasTheSameEighteenFieldsInTheSameOrderWithEmptyForNull() {
        UsageEvent failed = new UsageEvent("req-2", AT, "acme", "ck-1", null, null, "glm-4", "general", 50, 0,
                null, null, 503, 0, 12, "every provider unhealthy");

        Map<String, String> fields = failed.toFields();

        assertEquals(List.copyOf(complete().toFields().keySet()), List.copyOf(fields.keySet()));
        assertEquals(18, fields.size());
        assertEquals(List.of("", ""), List.of(fields.get("routeReason"), fields.get("attemptLog")));
        assertEquals(List.of("", "", "", ""), List.of(fields.get("providerId"), fields.get("keyId"),
                fields.get("promptTokens"), fields.get("completionTokens")));
        UsageEvent read = UsageEvent.fromFields(fields);
        assertEquals(failed, read);
        assertNull(read.promptTokens());
    }

    @Test
    void occurredAtIsKeptToTheMicrosecondAsPostgresKeepsIt() {
        assertEquals(Instant.parse("2026-11-22T10:15:30.123456Z"), complete().occurredAt());
        assertEquals("2026-11-22T10:15:30.123456Z", complete().toFields().get("occurredAt"));
    }

    @Test
    void fieldsFromANewerReplicaAreIgnored() {
        Map<String, String> fields = new HashMap<>(complete().toFields());
        fields.put("cacheHit", "true");

        assertEquals(complete(), UsageEvent.fromFields(fields));
    }

    @Test
    void aBrokenEntryNamesItsField() {
        assertBroken("requestId", Map.of("requestId", ""));
        assertBroken("occurredAt", Map.of("occurredAt", "yesterday"));
        assertBroken("promptTokens", Map.of("promptTokens", "12.5"));
        assertBroken("status", Map.of("status", "42"));
        assertBroken("latencyMs", Map.of("latencyMs", "-3"));
        Map<String, String> missing = new HashMap<>(complete().toFields());
        missing.remove("tenantId");
        assertEquals("tenantId", assertThrows(InvalidKeyStoreInputException.class,
                () -> UsageEvent.fromFields(missing)).field());
    }

    @Test
    void longErrorsAreCut() {
        UsageEvent event = new UsageEvent("req-3", AT, "acme", "ck-1", "p", "k", "m", "general", 1, 1, null, null,
                502, 3, 10, "x".repeat(5000));

        assertEquals(UsageEvent.MAX_ERROR_LENGTH, event.error().length());
    }

    @Test
    void theAttemptLogMustBeAJsonArrayAndAnOverlongOneIsDroppedNotCut() {
        assertBroken("attemptLog", Map.of("attemptLog", "[{\"provider\":"));
        UsageEvent huge = new UsageEvent("req-4", AT, "acme", "ck-1", "p", "k", "m", "general", 1, 1, null, null,
                200, 1, 10, null, "route p", "[" + "1,".repeat(UsageEvent.MAX_ATTEMPT_LOG_LENGTH) + "1]");

        assertNull(huge.attemptLog(), "a cut array would not parse, so the ledger keeps none");
        assertEquals(ATTEMPTS, UsageEvent.fromFields(complete().toFields()).attemptLog());
    }

    private static void assertBroken(String field, Map<String, String> override) {
        Map<String, String> fields = new HashMap<>(complete().toFields());
        fields.putAll(override);
        assertEquals(field, assertThrows(InvalidKeyStoreInputException.class, () -> UsageEvent.fromFields(fields)).field());
    }
}
