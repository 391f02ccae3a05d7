package sluice.router.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sluice.router.routing.BadRequestException;
import sluice.router.routing.JsonFields;

/**
 * Anthropic messages and their content blocks as Chat Completions messages. A user turn's
 * {@code tool_result} blocks become {@code role:"tool"} messages (Chat Completions wants them
 * right after the assistant's calls), its text, images and text documents one user message
 * after them; an assistant turn's text and {@code tool_use} blocks become one assistant message
 * with {@code tool_calls}. Thinking blocks sent back are left out: no upstream of this dialect
 * could check their signatures.
 */
final class AnthropicMessages {
    private AnthropicMessages() {
    }

    static void translate(JsonArray messages, JsonArray out) {
        for (int i = 0; i < messages.size(); i++) {
            String where = "messages[" + i + "]";
            JsonObject message = JsonFields.object(messages.getValue(i), where);
            Object role = message.getValue("role");
            if (!"user".equals(role) && !"assistant".equals(role)) {
                throw new BadRequestException(where + ".role", "'" + where + ".role' must be \"user\" or \"assistant\"");
            }
            Object content = message.getValue("content");
            if (content instanceof String text) {
                out.add(new JsonObject().put("role", role).put("content", text));
            } else if (!(content instanceof JsonArray blocks)) {
                throw new BadRequestException(where + ".content",
                        "'" + where + ".content' must be a string or an array of content blocks");
            } else if ("user".equals(role)) {
                user(blocks, where + ".content", out);
            } else {
                assistant(blocks, where + ".content", out);
            }
        }
    }

    private static void user(JsonArray blocks, String where, JsonArray out) {
        UserParts parts = new UserParts();
        int before = out.size();
        for (int j = 0; j < blocks.size(); j++) {
            String at = where + "[" + j + "]";
            JsonObject block = JsonFields.object(blocks.getValue(j), at);
            switch (type(block, at)) {
                case "text" -> parts.text(JsonFields.requiredString(block, "text", at + ".text"));
                case "image" -> parts.image(imageUrl(block, at));
                case "document" -> parts.text(documentText(block, at));
                case "tool_result" -> out.add(toolResult(block, at, parts));
                default -> throw unsupported(block, at);
            }
        }
        if (!parts.isEmpty() || out.size() == before) {
            out.add(new JsonObject().put("role", "user").put("content", parts.content()));
        }
    }

    private static void assistant(JsonArray blocks, String where, JsonArray out) {
        StringBuilder text = new StringBuilder();
        JsonArray calls = new JsonArray();
        for (int j = 0; j < blocks.size(); j++) {
            String at = where + "[" + j + "]";
            JsonObject block = JsonFields.object(blocks.getValue(j), at);
            switch (type(block, at)) {
                case "text" -> JsonFields.appendLine(text, JsonFields.requiredString(block, "text", at + ".text"));
                case "tool_use" -> calls.add(toolCall(block, at));
                case "thinking", "redacted_thinking" -> { }
                default -> throw unsupported(block, at);
            }
        }
        JsonObject message = new JsonObject().put("role", "assistant")
                .put("content", text.isEmpty() && !calls.isEmpty() ? null : text.toString());
        if (!calls.isEmpty()) {
            message.put("tool_calls", calls);
        }
        out.add(message);
    }

    private static JsonObject toolCall(JsonObject block, String at) {
        String id = JsonFields.requiredString(block, "id", at + ".id");
        String name = JsonFields.requiredString(block, "name", at + ".name");
        Object input = block.getValue("input");
        if (input != null && !(input instanceof JsonObject)) {
            throw new BadRequestException(at + ".input", "'" + at + ".input' must be an object");
        }
        String arguments = input == null ? "{}" : ((JsonObject) input).encode();
        return new JsonObject().put("id", id).put("type", "function")
                .put("function", new JsonObject().put("name", name).put("arguments", arguments));
    }

    /** A tool's result as a {@code role:"tool"} message; images in it go to the user message after. */
    private static JsonObject toolResult(JsonObject block, String at, UserParts parts) {
        String id = JsonFields.requiredString(block, "tool_use_id", at + ".tool_use_id");
        StringBuilder text = new StringBuilder();
        boolean failed = JsonFields.optionalBoolean(block, "is_error", at + ".is_error");
        Object content = block.getValue("content");
        if (content instanceof String s) {
            text.append(s);
        } else if (content instanceof JsonArray inner) {
            for (int k = 0; k < inner.size(); k++) {
                String innerAt = at + ".content[" + k + "]";
                JsonObject item = JsonFields.object(inner.getValue(k), innerAt);
                switch (type(item, innerAt)) {
                    case "text" -> JsonFields.appendLine(text, JsonFields.requiredString(item, "text", innerAt + ".text"));
                    case "image" -> parts.image(imageUrl(item, innerAt));
                    case "document" -> JsonFields.appendLine(text, documentText(item, innerAt));
                    default -> throw unsupported(item, innerAt);
                }
            }
        } else if (content != null) {
            throw new BadRequestException(at + ".content",
                    "'" + at + ".content' must be a string or an array of content blocks");
        }
        // Chat Completions has no error flag on a tool's result: the model reads it in the text
        return new JsonObject().put("role", "tool").put("tool_call_id", id)
                .put("content", failed ? "[tool error] " + text : text.toString());
    }

    /** An image source as the URL Chat Completions takes: a data URL for base64, else the URL itself. */
    private static String imageUrl(JsonObject block, String at) {
        JsonObject source = JsonFields.object(block.getValue("source"), at + ".source");
        String kind = JsonFields.requiredString(source, "type", at + ".source.type");
        return switch (kind) {
            case "base64" -> "data:" + JsonFields.requiredString(source, "media_type", at + ".source.media_type")
                    + ";base64," + JsonFields.requiredString(source, "data", at + ".source.data");
            case "url" -> JsonFields.requiredString(source, "url", at + ".source.url");
            default -> throw new BadRequestException(at + ".source.type",
                    "'" + at + ".source.type' must be \"base64\" or \"url\"");
        };
    }

    private static String documentText(JsonObject block, String at) {
        JsonObject source = JsonFields.object(block.getValue("source"), at + ".source");
        if (!"text".equals(source.getValue("type"))) {
            throw new BadRequestException(at + ".source.type", "'" + at + ".source.type': only text documents can be"
                    + " sent to an OpenAI-compatible provider; send PDFs' text instead");
        }
        return JsonFields.requiredString(source, "data", at + ".source.data");
    }

    private static String type(JsonObject block, String at) {
        return JsonFields.requiredString(block, "type", at + ".type");
    }

    private static BadRequestException unsupported(JsonObject block, String at) {
        return new BadRequestException(at + ".type", "'" + at + ".type' \"" + block.getValue("type")
                + "\" is not a content block the gateway can send to an OpenAI-compatible provider here");
    }

    /** A user turn's text and images: one string when there is no image, else content parts. */
    private static final class UserParts {
        private final StringBuilder text = new StringBuilder();
        private JsonArray parts;

        void text(String s) {
            if (parts != null) {
                parts.add(new JsonObject().put("type", "text").put("text", s));
            } else {
                JsonFields.appendLine(text, s);
            }
        }

        void image(String url) {
            if (parts == null) {
                parts = new JsonArray();
                if (!text.isEmpty()) {
                    parts.add(new JsonObject().put("type", "text").put("text", text.toString()));
                }
            }
            parts.add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", url)));
        }

        boolean isEmpty() {
            return parts == null && text.isEmpty();
        }

        Object content() {
            return parts != null ? parts : text.toString();
        }
    }
}
