package sluice.router.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads typed fields of a client's JSON request; a wrong or missing one is a 400 naming its path. */
public final class JsonFields {
    private JsonFields() {
    }

    public static JsonObject object(Object value, String where) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new BadRequestException(where, "'" + where + "' must be an object");
    }

    public static String requiredString(JsonObject body, String field) {
        return requiredString(body, field, field);
    }

    public static String requiredString(JsonObject body, String field, String where) {
        Object value = body.getValue(field);
        if (value == null) {
            throw new BadRequestException(where, "'" + where + "' is required");
        }
        if (value instanceof String s) {
            return s;
        }
        throw new BadRequestException(where, "'" + where + "' must be a string");
    }

    public static String optionalString(JsonObject body, String field, String where) {
        Object value = body.getValue(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new BadRequestException(where, "'" + where + "' must be a string");
    }

    public static JsonArray requiredArray(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            throw new BadRequestException(field, "'" + field + "' is required");
        }
        if (!(value instanceof JsonArray array)) {
            throw new BadRequestException(field, "'" + field + "' must be an array");
        }
        if (array.isEmpty()) {
            throw new BadRequestException(field, "'" + field + "' must contain at least one message");
        }
        return array;
    }

    public static JsonObject optionalObject(JsonObject body, String field) {
        Object value = body.getValue(field);
        return value == null ? null : object(value, field);
    }

    public static boolean optionalBoolean(JsonObject body, String field) {
        return optionalBoolean(body, field, field);
    }

    public static boolean optionalBoolean(JsonObject body, String field, String where) {
        Object value = body.getValue(field);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw new BadRequestException(where, "'" + where + "' must be a boolean");
    }

    public static Integer positiveInt(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.longValue() >= 1 && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new BadRequestException(field, "'" + field + "' must be a positive integer");
    }

    /** Joins texts one per line, as consecutive blocks read. */
    public static void appendLine(StringBuilder joined, String text) {
        if (!joined.isEmpty()) {
            joined.append('\n');
        }
        joined.append(text);
    }
}
