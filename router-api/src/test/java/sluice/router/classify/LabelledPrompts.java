package sluice.router.classify;

import static sluice.router.classify.TaskClass.AGENT;
import static sluice.router.classify.TaskClass.GENERAL;
import static sluice.router.classify.TaskClass.IMAGE;
import static sluice.router.classify.TaskClass.LONG_CONTEXT;
import static sluice.router.classify.TaskClass.SEARCH;
import static sluice.router.classify.TaskClass.THINKING;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Real-looking requests, each labelled with the class a human router would pick. */
final class LabelledPrompts {

    enum Decider { FEATURE, TEXT }

    enum Language { ENGLISH, ARABIC, MIXED }

    record Labelled(TaskClass expected, Decider decider, Language language, String description,
                    ClassifierInput input) {
        @Override
        public String toString() {
            return expected.headerName() + " <- " + description;
        }
    }

    private final List<Labelled> all = new ArrayList<>();

    private LabelledPrompts() {
    }

    static List<Labelled> all() {
        LabelledPrompts prompts = new LabelledPrompts();
        prompts.thinkingAndLongContext();
        prompts.searchAndImage();
        prompts.agentAndAnthropic();
        new LabelledTextPrompts(prompts.all).addAll();
        return List.copyOf(prompts.all);
    }

    private void thinkingAndLongContext() {
        feature(THINKING, "reasoning_effort high, plain greeting",
                body("gpt-5", "hi, quick question about my trip").put("reasoning_effort", "high"), 12);
        feature(THINKING, "Qwen enable_thinking with an Arabic code ask",
                body("qwen3-max", "اكتب كود بايثون لفرز قائمة").put("enable_thinking", true), 30);
        feature(THINKING, "thinking param wins over tools",
                body("deepseek-reasoner", "plan the migration").put("reasoning_effort", "medium")
                        .put("tools", new JsonArray().add(function("run_sql"))), 40);
        feature(LONG_CONTEXT, "50k-token pasted contract, summarise it",
                body("gpt-4o", "Summarise the attached contract and list the termination clauses."), 50_000);
        feature(LONG_CONTEXT, "long context wins over tools",
                body("gpt-4o", "لخص هذا المستند").put("tools", new JsonArray().add(function("lookup"))), 90_000);
    }

    private void searchAndImage() {
        feature(SEARCH, "function named web_search",
                body("gpt-4o", "what happened in the markets today?")
                        .put("tools", new JsonArray().add(function("web_search"))), 30);
        feature(SEARCH, "web_search_options on a search model",
                body("gpt-4o-search-preview", "اشرح لي الفرق بين الذرة والجزيء")
                        .put("web_search_options", new JsonObject()), 25);
        feature(SEARCH, "hosted web_search_preview tool beats an image part",
                withImage(body("gpt-4.1", "find this product online"), "image_url")
                        .put("tools", new JsonArray().add(new JsonObject().put("type", "web_search_preview"))), 900);
        feature(IMAGE, "image_url part: what is in this photo",
                withImage(body("gpt-4o", "What is in this photo?"), "image_url"), 800);
        feature(IMAGE, "Arabic question about an input_image part",
                withImage(body("gpt-4.1", "ماذا يوجد في هذه الصورة؟"), "input_image"), 700);
        feature(IMAGE, "screenshot of Python code still needs a vision model",
                withImage(body("gpt-4o", "Fix the Python bug in this screenshot"), "image_url"), 900);
    }

    private void agentAndAnthropic() {
        feature(AGENT, "function tool get_weather",
                body("gpt-4o", "What's the weather in Paris?")
                        .put("tools", new JsonArray().add(function("get_weather"))), 60);
        feature(AGENT, "coding agent's search_files tool is not web search",
                body("gpt-4.1", "find where we parse the config and fix the bug")
                        .put("tools", new JsonArray().add(function("search_files")).add(function("edit_file"))), 4000);
        feature(AGENT, "tool_choice auto with Arabic code text",
                body("glm-4.6", "اكتب دالة بايثون").put("tool_choice", "auto"), 20);
        feature(AGENT, "legacy functions array",
                body("gpt-3.5-turbo", "book a table for two")
                        .put("functions", new JsonArray().add(new JsonObject().put("name", "book_table"))), 20);
        feature(GENERAL, "reasoning_effort none is not a thinking request",
                body("gpt-5.1", "write a haiku about tea").put("reasoning_effort", "none"), 10);
        anthropicFeature(THINKING, "Anthropic thinking enabled",
                new JsonObject().put("model", "claude-sonnet-4-5")
                        .put("thinking", new JsonObject().put("type", "enabled").put("budget_tokens", 4000))
                        .put("messages", messages("is this proof correct?")), 30);
        anthropicFeature(SEARCH, "Anthropic web_search_20250305 server tool",
                new JsonObject().put("model", "claude-sonnet-4-5")
                        .put("tools", new JsonArray().add(new JsonObject()
                                .put("type", "web_search_20250305").put("name", "web_search")))
                        .put("messages", messages("ما آخر أخبار أسعار الذهب؟")), 30);
    }

    private void feature(TaskClass expected, String description, JsonObject body, int tokens) {
        all.add(new Labelled(expected, Decider.FEATURE, Language.MIXED, description,
                ClassifierInput.fromOpenAi(body, tokens)));
    }

    private void anthropicFeature(TaskClass expected, String description, JsonObject body, int tokens) {
        all.add(new Labelled(expected, Decider.FEATURE, Language.MIXED, description,
                ClassifierInput.fromAnthropic(body, tokens)));
    }

    static JsonObject body(String model, String userText) {
        return new JsonObject().put("model", model).put("messages", messages(userText));
    }

    static JsonArray messages(String userText) {
        return new JsonArray().add(new JsonObject().put("role", "user").put("content", userText));
    }

    static JsonObject function(String name) {
        return new JsonObject().put("type", "function").put("function", new JsonObject().put("name", name)
                .put("parameters", new JsonObject().put("type", "object")));
    }

    /** Turns the first user message into parts: its text plus one image part of the given type. */
    static JsonObject withImage(JsonObject body, String partType) {
        JsonObject message = body.getJsonArray("messages").getJsonObject(0);
        String text = message.getString("content");
        JsonObject image = partType.equals("image_url")
                ? new JsonObject().put("type", "image_url").put("image_url",
                        new JsonObject().put("url", "data:image/png;base64,iVBORw0KGgo="))
                : new JsonObject().put("type", partType).put("image_url", "https://example.com/cat.png");
        message.put("content", new JsonArray()
                .add(new JsonObject().put("type", "text").put("text", text)).add(image));
        return body;
    }
}
