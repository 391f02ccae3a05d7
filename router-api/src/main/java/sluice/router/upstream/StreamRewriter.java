package sluice.router.upstream;

import io.netty.buffer.ByteBuf;

/**
 * Turns an upstream Chat Completions stream into another dialect's events as they arrive. Fed
 * on the stream's event loop, one instance per stream; whatever it writes to {@code out} goes
 * to the client with the rest of the upstream read that completed it.
 */
public interface StreamRewriter {

    /**
     * One upstream event other than {@code [DONE]}.
     *
     * @param data the bytes of its {@code data:} payload (the chunk's JSON)
     * @param out  where to write the client's events
     */
    void event(ByteBuf data, ByteBuf out);

    /**
     * The upstream said {@code [DONE]}: write what ends the client's stream.
     *
     * @param usage the usage the stream reported, or null
     */
    void done(Usage usage, ByteBuf out);
}
