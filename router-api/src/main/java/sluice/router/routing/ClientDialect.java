package sluice.router.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import sluice.router.upstream.StreamRewriter;

/**
 * The API a client speaks (OpenAI Chat Completions, Anthropic Messages): how the gateway's own
 * errors look to it and how an OpenAI-compatible upstream answer reaches it. Upstream calls are
 * always Chat Completions; a dialect only renders what goes back. Implementations are stateless.
 */
public interface ClientDialect {

    /** The body of an error the gateway answers itself; holds an {@code error} object others may add to. */
    JsonObject error(GatewayError error);

    /** The bytes that end a stream already started, saying why it broke. */
    Buffer streamError(GatewayError error);

    /** A provider refused the request itself (4xx other than limits and keys): its body as this client reads it. */
    Buffer refused(int status, Buffer providerBody);

    /**
     * A whole (non-streamed) Chat Completions answer, as this client reads it.
     *
     * @throws RuntimeException when the upstream body is not a completion this dialect can render
     */
    Buffer completion(Buffer upstreamBody, Call call);

    /** @return how to rewrite a streamed answer's events, or null to pass them on as they came */
    StreamRewriter stream(Call call);

    /** The content type of a successful answer, given what the upstream said it sent (may be null). */
    String contentType(boolean stream, String upstreamContentType);
}
