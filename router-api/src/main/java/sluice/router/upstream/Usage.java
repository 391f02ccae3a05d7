package sluice.router.upstream;

import io.vertx.core.json.JsonObject;

/** Token usage as the provider reported it. */
public record Usage(long promptTokens, long completionTokens) {

    public long total() {
        return promptTokens + completionTokens;
    }

    /** @return the usage in an OpenAI {@code usage} object, or null when absent or malformed */
    public static Usage from(JsonObject usage) {
        if (usage == null) {
            return null;
        }
        Object prompt = usage.getValue("prompt_tokens");
        Object completion = usage.getValue("completion_tokens");
        if (prompt instanceof Number p && completion instanceof Number c) {
            return new Usage(p.longValue(), c.longValue());
        }
        return null;
    }
}
