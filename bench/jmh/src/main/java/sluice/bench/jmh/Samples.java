package sluice.bench.jmh;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The request and answer bodies the benchmarks run on: shaped like what clients and providers send. */
final class Samples {
    private Samples() {
    }

    /** What the load benchmark sends: one short user message. */
    static Buffer smallRequest() {
        return Buffer.buffer("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    /**
     * A coding agent's turn: a system prompt, 12 alternating messages of about 1 KB, two tools,
     * streaming with usage: about 16 KB.
     */
    static Buffer agentRequest() {
        JsonArray messages = new JsonArray().add(new JsonObject().put("role", "system")
                .put("content", "You are a careful coding assistant working in a Java repository. " + paragraph(3)));
        for (int i = 0; i < 12; i++) {
            messages.add(new JsonObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", paragraph(8)));
        }
        messages.add(new JsonObject().put("role", "user").put("content",
                "Refactor the function below so it compiles and add a unit test:\n```java\n"
                        + "public int add(int a, int b) { return a + b }\n```"));
        JsonArray tools = new JsonArray()
                .add(tool("read_file", "Reads a file of the repository"))
                .add(tool("run_tests", "Runs the unit tests of one module"));
        return new JsonObject().put("model", "gpt-4o").put("stream", true)
                .put("stream_options", new JsonObject().put("include_usage", true))
                .put("max_tokens", 1024).put("messages", messages).put("tools", tools).toBuffer();
    }

    /** {@link #smallRequest()} as an Anthropic Messages body. */
    static Buffer smallAnthropicRequest() {
        return Buffer.buffer("{\"model\":\"gpt-4o-mini\",\"max_tokens\":1024,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    /**
     * {@link #agentRequest()} as Claude Code sends it: the system prompt as a text block, the same
     * 12 messages as text blocks, one tool call and its result, the two tools, streaming: about 17 KB.
     */
    static Buffer agentAnthropicRequest() {
        JsonArray messages = new JsonArray();
        for (int i = 0; i < 12; i++) {
            messages.add(new JsonObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content",
                    new JsonArray().add(new JsonObject().put("type", "text").put("text", paragraph(8)))));
        }
        messages.add(new JsonObject().put("role", "user").put("content", "Refactor the function in Add.java."));
        messages.add(new JsonObject().put("role", "assistant").put("content", new JsonArray()
                .add(new JsonObject().put("type", "text").put("text", "Let me read it."))
                .add(new JsonObject().put("type", "tool_use").put("id", "toolu_01").put("name", "read_file")
                        .put("input", new JsonObject().put("path", "src/Add.java")))));
        messages.add(new JsonObject().put("role", "user").put("content", new JsonArray()
                .add(new JsonObject().put("type", "tool_result").put("tool_use_id", "toolu_01")
                        .put("content", "public int add(int a, int b) { return a + b }"))));
        JsonArray tools = new JsonArray();
        for (String[] t : new String[][]{{"read_file", "Reads a file of the repository"},
                {"run_tests", "Runs the unit tests of one module"}}) {
            tools.add(new JsonObject().put("name", t[0]).put("description", t[1]).put("input_schema",
                    new JsonObject().put("type", "object").put("properties",
                            new JsonObject().put("path", new JsonObject().put("type", "string")))));
        }
        JsonArray system = new JsonArray().add(new JsonObject().put("type", "text")
                .put("text", "You are a careful coding assistant working in a Java repository. " + paragraph(3))
                .put("cache_control", new JsonObject().put("type", "ephemeral")));
        return new JsonObject().put("model", "gpt-4o").put("max_tokens", 1024).put("stream", true)
                .put("system", system).put("messages", messages).put("tools", tools).toBuffer();
    }

    /** An Arabic question (the tokenizer and the Arabic signals see other bytes than English). */
    static String arabicText() {
        return "من فضلك اشرح لي كيف أكتب دالة بلغة بايثون تقرأ ملفا نصيا وتحسب عدد الكلمات فيه، "
                + "ثم اكتب اختبارا للوحدة يتحقق من النتيجة. ".repeat(6);
    }

    static String paragraph(int sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append("The quota service admits each request atomically in Redis before the upstream call, ")
                    .append("then reconciles the reservation with the usage the provider reports. ");
        }
        return text.toString();
    }

    private static JsonObject tool(String name, String description) {
        return new JsonObject().put("type", "function").put("function", new JsonObject().put("name", name)
                .put("description", description).put("parameters", new JsonObject().put("type", "object")
                        .put("properties", new JsonObject().put("path", new JsonObject().put("type", "string")))));
    }

    /** A non-streaming answer as the simulator and OpenAI shape it, usage last. */
    static Buffer answer(int completionWords) {
        String content = "word ".repeat(completionWords).trim();
        return Buffer.buffer("{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + content + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":"
                + completionWords + ",\"total_tokens\":" + (12 + completionWords)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0}}}");
    }

    /** A streamed answer: a role chunk, one chunk per word, a finish chunk, the usage chunk, [DONE]. */
    static Buffer stream(int words) {
        StringBuilder sse = new StringBuilder();
        String head = "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[";
        sse.append(head).append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n");
        for (int i = 0; i < words; i++) {
            sse.append(head).append("{\"index\":0,\"delta\":{\"content\":\"word \"}}]}\n\n");
        }
        sse.append(head).append("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sse.append(head).append("],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":").append(words)
                .append(",\"total_tokens\":").append(12 + words).append("}}\n\n");
        sse.append("data: [DONE]\n\n");
        return Buffer.buffer(sse.toString());
    }
}
