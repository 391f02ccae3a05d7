package sluice.router.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import sluice.router.openai.ChatRequest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * The body sent upstream. The gateway changes at most two things in a client's request: the
 * model (when the route names another) and, for streams, {@code stream_options.include_usage}
 * (it needs the usage chunk to reconcile). Most requests need neither, and their bytes go
 * upstream as the client sent them: no copy of the JSON tree, no re-encoding. A stream without
 * {@code stream_options} gets the option spliced in before the closing brace; anything else is
 * encoded once from a shallow copy of the parsed request.
 */
public final class UpstreamBody {
    private static final byte[] USAGE_OPTION =
            ",\"stream_options\":{\"include_usage\":true}}".getBytes(StandardCharsets.US_ASCII);

    private UpstreamBody() {
    }

    /** @param model the model to send, or null to keep the client's */
    public static Buffer of(ChatRequest request, String model) {
        boolean sameModel = model == null || model.equals(request.model());
        boolean optionsReady = !request.stream() || request.includeUsage();
        Buffer raw = request.raw();
        if (raw != null && sameModel) {
            if (optionsReady) {
                return raw;
            }
            if (!request.body().containsKey("stream_options")) {
                Buffer spliced = withUsageOption(raw);
                if (spliced != null) {
                    return spliced;
                }
            }
        }
        return encoded(request, model);
    }

    /** The raw object with the usage option added before its closing brace, or null if no brace ends it. */
    private static Buffer withUsageOption(Buffer raw) {
        int close = raw.length() - 1;
        while (close >= 0 && isSpace(raw.getByte(close))) {
            close--;
        }
        if (close < 0 || raw.getByte(close) != '}') {
            return null;
        }
        Buffer spliced = Buffer.buffer(close + USAGE_OPTION.length);
        spliced.appendBuffer(raw, 0, close).appendBytes(USAGE_OPTION);
        return spliced;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static Buffer encoded(ChatRequest request, String model) {
        JsonObject body = new JsonObject(new LinkedHashMap<>(request.body().getMap()));
        if (model != null) {
            body.put("model", model);
        }
        if (request.stream()) {
            JsonObject given = request.body().getJsonObject("stream_options");
            JsonObject options = given == null ? new JsonObject() : new JsonObject(new LinkedHashMap<>(given.getMap()));
            body.put("stream_options", options.put("include_usage", true));
        }
        return body.toBuffer();
    }
}
