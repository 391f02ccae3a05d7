package sluice.router.anthropic;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sluice.router.upstream.StreamRewriter;
import sluice.router.upstream.Usage;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A Chat Completions stream as Anthropic's stream events, chunk by chunk as they arrive:
 * {@code message_start} on the first chunk; a {@code content_block_start} when the first
 * choice's delta turns to reasoning, text or a new tool call, then its
 * {@code thinking_delta}/{@code text_delta}/{@code input_json_delta}s; at {@code [DONE]} the
 * open block's {@code content_block_stop}, a {@code message_delta} with the stop reason and the
 * reported usage, and {@code message_stop}. One per stream, on its event loop.
 */
public final class AnthropicStream implements StreamRewriter {
    private final String messageId;
    private final long inputEstimate;
    /** Chat Completions tool-call index → the content block carrying it. */
    private final Map<Integer, Integer> toolBlocks = new HashMap<>(4);
    private boolean started;
    private int blocks;
    private int openBlock = -1;
    private String openKind;
    private String stopReason;

    /**
     * @param messageId     the id the client sees
     * @param inputEstimate the gateway's prompt count, shown in {@code message_start} until the
     *                      real usage arrives in {@code message_delta}
     */
    public AnthropicStream(String messageId, long inputEstimate) {
        this.messageId = messageId;
        this.inputEstimate = inputEstimate;
    }

    @Override
    public void event(ByteBuf data, ByteBuf out) {
        JsonObject chunk;
        try {
            chunk = new JsonObject(Buffer.buffer(data));
        } catch (DecodeException | ClassCastException notAChunk) {
            return; // nothing a Messages client could read; the stream's end still comes
        }
        if (!started) {
            start(chunk.getString("model"), out);
        }
        JsonArray choices = chunk.getJsonArray("choices");
        if (choices == null || choices.isEmpty() || !(choices.getValue(0) instanceof JsonObject choice)) {
            return;
        }
        if (choice.getValue("delta") instanceof JsonObject delta) {
            text(delta.getValue("reasoning_content"), "thinking", "thinking_delta", out);
            text(delta.getValue("content"), "text", "text_delta", out);
            if (delta.getValue("tool_calls") instanceof JsonArray calls) {
                toolCalls(calls, out);
            }
        }
        if (choice.getValue("finish_reason") instanceof String finish) {
            stopReason = OpenAiToAnthropic.stopReason(finish);
        }
    }

    @Override
    public void done(Usage usage, ByteBuf out) {
        if (!started) {
            start(null, out);
        }
        closeOpen(out);
        JsonObject reported = usage == null ? new JsonObject().put("output_tokens", 0)
                : new JsonObject().put("input_tokens", usage.promptTokens()).put("output_tokens", usage.completionTokens());
        write(out, "message_delta", new JsonObject().put("type", "message_delta")
                .put("delta", new JsonObject().put("stop_reason", stopReason != null ? stopReason : "end_turn")
                        .put("stop_sequence", null))
                .put("usage", reported));
        write(out, "message_stop", new JsonObject().put("type", "message_stop"));
    }

    private void start(String model, ByteBuf out) {
        started = true;
        JsonObject message = new JsonObject().put("id", messageId).put("type", "message").put("role", "assistant")
                .put("model", model).put("content", new JsonArray()).put("stop_reason", null)
                .put("stop_sequence", null)
                .put("usage", new JsonObject().put("input_tokens", inputEstimate).put("output_tokens", 0));
        write(out, "message_start", new JsonObject().put("type", "message_start").put("message", message));
    }

    /** Reasoning or answer text: continues the open block of its kind, else opens one. */
    private void text(Object value, String kind, String deltaType, ByteBuf out) {
        if (!(value instanceof String piece) || piece.isEmpty()) {
            return;
        }
        if (!kind.equals(openKind)) {
            JsonObject block = new JsonObject().put("type", kind).put(kind, "");
            if ("thinking".equals(kind)) {
                block.put("signature", "");
            }
            open(kind, block, out);
        }
        textDelta(openBlock, deltaType, kind, piece, out);
    }

    /**
     * The most frequent event, written without building a JSON tree: one per token or so. Same
     * bytes as {@link #delta} would write for {@code {"type":deltaType, field:piece}}.
     */
    private static void textDelta(int index, String deltaType, String field, String piece, ByteBuf out) {
        out.writeCharSequence("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":",
                StandardCharsets.US_ASCII);
        out.writeCharSequence(Integer.toString(index), StandardCharsets.US_ASCII);
        out.writeCharSequence(",\"delta\":{\"type\":\"", StandardCharsets.US_ASCII);
        out.writeCharSequence(deltaType, StandardCharsets.US_ASCII);
        out.writeCharSequence("\",\"", StandardCharsets.US_ASCII);
        out.writeCharSequence(field, StandardCharsets.US_ASCII);
        out.writeCharSequence("\":\"", StandardCharsets.US_ASCII);
        out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(piece));
        out.writeCharSequence("\"}}\n\n", StandardCharsets.US_ASCII);
    }

    private void toolCalls(JsonArray calls, ByteBuf out) {
        for (int i = 0; i < calls.size(); i++) {
            if (!(calls.getValue(i) instanceof JsonObject call)) {
                continue;
            }
            int index = call.getValue("index") instanceof Number n ? n.intValue() : 0;
            JsonObject function = call.getValue("function") instanceof JsonObject f ? f : new JsonObject();
            Integer block = toolBlocks.get(index);
            if (block == null) {
                open("tool_use", new JsonObject().put("type", "tool_use").put("id", call.getString("id"))
                        .put("name", function.getString("name")).put("input", new JsonObject()), out);
                block = openBlock;
                toolBlocks.put(index, block);
            }
            if (function.getValue("arguments") instanceof String fragment && !fragment.isEmpty()) {
                delta(block, new JsonObject().put("type", "input_json_delta").put("partial_json", fragment), out);
            }
        }
    }

    private void open(String kind, JsonObject block, ByteBuf out) {
        closeOpen(out);
        openBlock = blocks++;
        openKind = kind;
        write(out, "content_block_start", new JsonObject().put("type", "content_block_start")
                .put("index", openBlock).put("content_block", block));
    }

    private void closeOpen(ByteBuf out) {
        if (openBlock >= 0) {
            write(out, "content_block_stop", new JsonObject().put("type", "content_block_stop").put("index", openBlock));
            openBlock = -1;
            openKind = null;
        }
    }

    private static void delta(int index, JsonObject delta, ByteBuf out) {
        write(out, "content_block_delta", new JsonObject().put("type", "content_block_delta").put("index", index)
                .put("delta", delta));
    }

    private static void write(ByteBuf out, String event, JsonObject data) {
        out.writeCharSequence("event: ", StandardCharsets.US_ASCII);
        out.writeCharSequence(event, StandardCharsets.US_ASCII);
        out.writeCharSequence("\ndata: ", StandardCharsets.US_ASCII);
        out.writeCharSequence(data.encode(), StandardCharsets.UTF_8);
        out.writeCharSequence("\n\n", StandardCharsets.US_ASCII);
    }
}
