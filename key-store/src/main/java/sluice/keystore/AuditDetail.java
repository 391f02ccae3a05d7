package sluice.keystore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code detail} of an audit entry: a flat JSON object of text values, e.g.
 * {@code {"reason":"upstream 401","previousStatus":"active"}}. Never put a secret in it.
 */
public record AuditDetail(Map<String, String> fields) {

    public AuditDetail {
        fields.forEach((name, value) -> {
            Objects.requireNonNull(name, "audit detail field name");
            Objects.requireNonNull(value, "audit detail field value");
        });
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static AuditDetail empty() {
        return new AuditDetail(Map.of());
    }

    /** @return a copy with {@code name} set; a {@code null} value leaves the field out */
    public AuditDetail with(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(name, value);
        return new AuditDetail(copy);
    }

    /** @return the fields as a JSON object, with strings escaped per RFC 8259 */
    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            appendString(json, name);
            json.append(':');
            appendString(json, value);
        });
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
