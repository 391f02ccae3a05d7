package sluice.keystore;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One completed request, as the router records it at reconcile time: one row of the usage ledger.
 *
 * <p>{@code occurredAt} is set once, when the event is created, and travels with it: together with
 * {@code requestId} it is the ledger's primary key, so a redelivered event is the same row. It is
 * truncated to microseconds (what PostgreSQL keeps), so an event equals the row read back.
 *
 * <p>{@link #toFields()} / {@link #fromFields(Map)} carry the event as a flat string map (a Redis
 * Stream entry): always the same 18 fields in the same order, {@code ""} for a missing optional value,
 * so Redis stores the field names once per stream node rather than once per entry.
 *
 * @param providerId      {@code null} when no target was tried
 * @param keyId           {@code null} when no provider key was used
 * @param promptTokens    as the provider reported; {@code null} when it reported none
 * @param completionTokens as the provider reported; {@code null} when it reported none
 * @param status          the HTTP status the client got
 * @param attempts        upstream calls made (0 when none was)
 * @param error           what went wrong, for operators (never a secret); {@code null} on success;
 *                        cut to {@value #MAX_ERROR_LENGTH} characters
 * @param routeReason     why the request was routed as it was; {@code null} when unknown; cut to
 *                        {@value #MAX_ERROR_LENGTH} characters
 * @param attemptLog      every upstream call as a JSON array (see V6__ledger_routing_detail.sql);
 *                        {@code null} when unknown, and dropped (null) when longer than
 *                        {@value #MAX_ATTEMPT_LOG_LENGTH} characters
 * @throws InvalidKeyStoreInputException (field named as the component) for a missing required value,
 *         a negative count, a status outside 100..599, an attempt log that is not a JSON array
 */
public record UsageEvent(String requestId, Instant occurredAt, String tenantId, String clientKeyId, String providerId,
                         String keyId, String model, String taskClass, int estimatedPromptTokens,
                         int estimatedCompletionTokens, Integer promptTokens, Integer completionTokens, int status,
                         int attempts, int latencyMs, String error, String routeReason, String attemptLog) {
    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_ERROR_LENGTH = 2000;
    public static final int MAX_ATTEMPT_LOG_LENGTH = 16_000;

    public UsageEvent {
        requireText("requestId", requestId);
        if (occurredAt == null) {
            throw new InvalidKeyStoreInputException("occurredAt", "is required");
        }
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        requireText("tenantId", tenantId);
        requireText("clientKeyId", clientKeyId);
        requireText("model", model);
        requireText("taskClass", taskClass);
        requireNotNegative("estimatedPromptTokens", estimatedPromptTokens);
        requireNotNegative("estimatedCompletionTokens", estimatedCompletionTokens);
        requireNotNegative("promptTokens", promptTokens == null ? 0 : promptTokens);
        requireNotNegative("completionTokens", completionTokens == null ? 0 : completionTokens);
        if (status < 100 || status > 599) {
            throw new InvalidKeyStoreInputException("status", "must be an HTTP status (100-599), got " + status);
        }
        requireNotNegative("attempts", attempts);
        requireNotNegative("latencyMs", latencyMs);
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
        if (routeReason != null && routeReason.length() > MAX_ERROR_LENGTH) {
            routeReason = routeReason.substring(0, MAX_ERROR_LENGTH);
        }
        attemptLog = attemptLog == null || attemptLog.length() > MAX_ATTEMPT_LOG_LENGTH ? null : jsonArray(attemptLog);
    }

    /** An event without routing detail (written before the ledger kept it). */
    public UsageEvent(String requestId, Instant occurredAt, String tenantId, String clientKeyId, String providerId,
                      String keyId, String model, String taskClass, int estimatedPromptTokens,
                      int estimatedCompletionTokens, Integer promptTokens, Integer completionTokens, int status,
                      int attempts, int latencyMs, String error) {
        this(requestId, occurredAt, tenantId, clientKeyId, providerId, keyId, model, taskClass, estimatedPromptTokens,
                estimatedCompletionTokens, promptTokens, completionTokens, status, attempts, latencyMs, error, null, null);
    }

    private static String jsonArray(String text) {
        try {
            new io.vertx.core.json.JsonArray(text);
            return text;
        } catch (RuntimeException notJson) {
            throw new InvalidKeyStoreInputException("attemptLog", "is not a JSON array");
        }
    }

    /** @return the event as 18 string fields, in component order; {@code ""} stands for {@code null} */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("occurredAt", occurredAt.toString());
        fields.put("tenantId", tenantId);
        fields.put("clientKeyId", clientKeyId);
        fields.put("providerId", orEmpty(providerId));
        fields.put("keyId", orEmpty(keyId));
        fields.put("model", model);
        fields.put("taskClass", taskClass);
        fields.put("estimatedPromptTokens", Integer.toString(estimatedPromptTokens));
        fields.put("estimatedCompletionTokens", Integer.toString(estimatedCompletionTokens));
        fields.put("promptTokens", promptTokens == null ? "" : promptTokens.toString());
        fields.put("completionTokens", completionTokens == null ? "" : completionTokens.toString());
        fields.put("status", Integer.toString(status));
        fields.put("attempts", Integer.toString(attempts));
        fields.put("latencyMs", Integer.toString(latencyMs));
        fields.put("error", orEmpty(error));
        fields.put("routeReason", orEmpty(routeReason));
        fields.put("attemptLog", orEmpty(attemptLog));
        return fields;
    }

    /**
     * Reads an event written by {@link #toFields()}. Fields it does not know are ignored (an event
     * from a newer replica); a missing optional field, or {@code ""}, is {@code null}.
     *
     * @throws InvalidKeyStoreInputException (field named as the component) for a missing required
     *         field, a number or instant that does not parse, or a value the constructor refuses: the
     *         entry can never be written, so the consumer should set it aside rather than retry it
     */
    public static UsageEvent fromFields(Map<String, String> fields) {
        return new UsageEvent(fields.get("requestId"), instant(fields, "occurredAt"), fields.get("tenantId"),
                fields.get("clientKeyId"), optional(fields, "providerId"), optional(fields, "keyId"), fields.get("model"),
                fields.get("taskClass"), integer(fields, "estimatedPromptTokens"),
                integer(fields, "estimatedCompletionTokens"), optionalInteger(fields, "promptTokens"),
                optionalInteger(fields, "completionTokens"), integer(fields, "status"), integer(fields, "attempts"),
                integer(fields, "latencyMs"), optional(fields, "error"), optional(fields, "routeReason"),
                optional(fields, "attemptLog"));
    }

    private static Instant instant(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidKeyStoreInputException(name, "is required");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidKeyStoreInputException(name, "is not an ISO-8601 instant");
        }
    }

    private static int integer(Map<String, String> fields, String name) {
        Integer value = optionalInteger(fields, name);
        if (value == null) {
            throw new InvalidKeyStoreInputException(name, "is required");
        }
        return value;
    }

    private static Integer optionalInteger(Map<String, String> fields, String name) {
        String value = optional(fields, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidKeyStoreInputException(name, "is not an integer");
        }
    }

    private static String optional(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidKeyStoreInputException(name, "is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidKeyStoreInputException(name, "is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new InvalidKeyStoreInputException(name, "must not be negative, got " + value);
        }
    }
}
