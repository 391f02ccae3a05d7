package sluice.quota;

import java.util.Map;

/**
 * An entry a caller wants appended to a stream of the store in the same exchange as its
 * settlements (the store does not read it): stream name and string fields.
 */
public record StreamAppend(String stream, Map<String, String> fields) {
    public StreamAppend {
        if (stream == null || stream.isBlank()) {
            throw new IllegalArgumentException("stream is required");
        }
        fields = Map.copyOf(fields);
    }
}
