package sluice.router.openai;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import sluice.router.routing.Call;
import sluice.router.routing.ClientDialect;
import sluice.router.routing.GatewayError;
import sluice.router.upstream.StreamRewriter;

/**
 * Clients of the OpenAI Chat Completions API: upstreams speak it too, so answers pass through
 * byte for byte and only the gateway's own errors are written, in OpenAI's error format.
 */
public final class OpenAiDialect implements ClientDialect {
    public static final OpenAiDialect INSTANCE = new OpenAiDialect();

    private OpenAiDialect() {
    }

    @Override
    public JsonObject error(GatewayError error) {
        return of(error).toJson();
    }

    @Override
    public Buffer streamError(GatewayError error) {
        return Buffer.buffer("data: ").appendBuffer(of(error).body()).appendString("\n\n");
    }

    @Override
    public Buffer refused(int status, Buffer providerBody) {
        return providerBody; // the provider's own words, already in this format
    }

    @Override
    public Buffer completion(Buffer upstreamBody, Call call) {
        return upstreamBody;
    }

    @Override
    public StreamRewriter stream(Call call) {
        return null;
    }

    @Override
    public String contentType(boolean stream, String upstreamContentType) {
        return upstreamContentType != null ? upstreamContentType : "application/json";
    }

    /** OpenAI's error type follows from the status, as the official SDKs read it. */
    static OpenAiError of(GatewayError error) {
        int status = error.status();
        String type = status == 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error";
        return new OpenAiError(status, type, error.code(), error.param(), error.message());
    }
}
