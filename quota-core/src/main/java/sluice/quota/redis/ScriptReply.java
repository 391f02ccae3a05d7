package sluice.quota.redis;

import java.util.List;
import sluice.quota.QuotaException;

/** Typed access to a Lua multi-bulk reply (integers arrive as Long, strings as String). */
final class ScriptReply {
    private final List<Object> values;

    ScriptReply(List<Object> values) {
        if (values == null) {
            throw new QuotaException("empty reply from a quota script");
        }
        this.values = values;
    }

    long longAt(int index) {
        Object value = values.get(index);
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(String.valueOf(value));
    }

    /** A time that the scripts report as -1 for "never". */
    long timeAt(int index) {
        long value = longAt(index);
        return value < 0 ? Long.MAX_VALUE : value;
    }

    String stringAt(int index) {
        Object value = values.get(index);
        return value == null ? "" : String.valueOf(value);
    }

    int size() {
        return values.size();
    }
}
