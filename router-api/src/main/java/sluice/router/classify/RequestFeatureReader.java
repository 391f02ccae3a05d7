package sluice.router.classify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Reads classifier features out of OpenAI and Anthropic request bodies (Vert.x JSON). */
final class RequestFeatureReader {

    private static final JsonArray NONE = new JsonArray();
    private static final Set<String> IMAGE_PART_TYPES = Set.of("image_url", "input_image", "image");
    private static final Set<String> TEXT_PART_TYPES = Set.of("text", "input_text");
    private static final List<String> WEB_SEARCH_TOOL_NAMES = List.of(
            "web_search", "websearch", "search_web", "internet_search", "google_search", "bing_search");

    private RequestFeatureReader() {
    }

    static ClassifierInput openAi(JsonObject body, int promptTokens) {
        Objects.requireNonNull(body, "body");
        JsonArray tools = array(body, "tools");
        JsonArray functions = array(body, "functions");
        Messages messages = readMessages(array(body, "messages"), Set.of("system", "developer"));
        boolean webSearch = body.getValue("web_search_options") != null || hasWebSearchTool(tools);
        boolean hasTools = !tools.isEmpty() || !functions.isEmpty()
                || toolChoiceActive(body.getValue("tool_choice"))
                || toolChoiceActive(body.getValue("function_call"));
        return new ClassifierInput(explicitModel(body), openAiThinking(body), promptTokens, webSearch,
                hasTools, messages.hasImage, List.copyOf(messages.userTexts), messages.systemText());
    }

    static ClassifierInput anthropic(JsonObject body, int promptTokens) {
        Objects.requireNonNull(body, "body");
        JsonArray tools = array(body, "tools");
        Messages messages = readMessages(array(body, "messages"), Set.of());
        Object system = body.getValue("system");
        String systemText = system instanceof JsonArray blocks ? textOf(blocks, null) : string(system);
        boolean hasTools = !tools.isEmpty() || toolChoiceActive(body.getValue("tool_choice"));
        return new ClassifierInput(explicitModel(body), enabled(body.getValue("thinking")), promptTokens,
                hasWebSearchTool(tools), hasTools, messages.hasImage, List.copyOf(messages.userTexts),
                systemText);
    }

    private static boolean openAiThinking(JsonObject body) {
        String effort = string(body.getValue("reasoning_effort"));
        if (effort != null) {
            return !effort.equalsIgnoreCase("none");
        }
        return enabled(body.getValue("reasoning")) || enabled(body.getValue("thinking"))
                || Boolean.TRUE.equals(body.getValue("enable_thinking"));
    }

    /** {@code {"type":"enabled"}}, {@code {"effort":"high"}} or {@code {"enabled":true}}: on unless it says off. */
    private static boolean enabled(Object setting) {
        if (!(setting instanceof JsonObject object)) {
            return Boolean.TRUE.equals(setting);
        }
        String type = string(object.getValue("type"));
        String effort = string(object.getValue("effort"));
        Object flag = object.getValue("enabled");
        return !"disabled".equalsIgnoreCase(type) && !"none".equalsIgnoreCase(effort)
                && !Boolean.FALSE.equals(flag);
    }

    private static String explicitModel(JsonObject body) {
        String model = string(body.getValue("model"));
        return model != null && model.indexOf('/') > 0 ? model : null;
    }

    /**
     * A hosted search tool ({@code web_search_preview}, {@code web_search_20250305}, {@code google_search})
     * or a function whose name says web search. A coding agent's {@code search_files} is not web search.
     */
    static boolean hasWebSearchTool(JsonArray tools) {
        for (int i = 0; i < tools.size(); i++) {
            if (!(tools.getValue(i) instanceof JsonObject tool)) {
                continue;
            }
            String type = lower(string(tool.getValue("type")));
            if (type != null && !type.equals("function") && type.contains("search")) {
                return true;
            }
            Object function = tool.getValue("function");
            String name = function instanceof JsonObject f ? string(f.getValue("name")) : string(tool.getValue("name"));
            if (isWebSearchName(lower(name))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWebSearchName(String name) {
        if (name == null) {
            return false;
        }
        String unified = name.replace('-', '_');
        if (unified.equals("search")) {
            return true;
        }
        for (String webSearch : WEB_SEARCH_TOOL_NAMES) {
            if (unified.contains(webSearch)) {
                return true;
            }
        }
        return false;
    }

    private static boolean toolChoiceActive(Object choice) {
        if (choice == null) {
            return false;
        }
        if (choice instanceof JsonObject object) {
            return !"none".equals(string(object.getValue("type")));
        }
        return !"none".equals(string(choice));
    }

    private static Messages readMessages(JsonArray messages, Set<String> systemRoles) {
        Messages result = new Messages();
        for (int i = 0; i < messages.size(); i++) {
            if (!(messages.getValue(i) instanceof JsonObject message)) {
                continue;
            }
            String role = string(message.getValue("role"));
            Object content = message.getValue("content");
            String text = content instanceof JsonArray parts ? textOf(parts, result) : string(content);
            if (text == null || text.isEmpty()) {
                continue;
            }
            if ("user".equals(role)) {
                result.addUserText(text);
            } else if (role != null && systemRoles.contains(role)) {
                result.addSystemText(text);
            }
        }
        return result;
    }

    /** Joins the text parts; notes image parts in {@code messages} when given. */
    private static String textOf(JsonArray parts, Messages messages) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.getValue(i) instanceof JsonObject part)) {
                continue;
            }
            String type = string(part.getValue("type"));
            if (type != null && TEXT_PART_TYPES.contains(type)) {
                String partText = string(part.getValue("text"));
                if (partText != null) {
                    text.append(text.length() == 0 ? "" : "\n").append(partText);
                }
            } else if (messages != null && type != null && IMAGE_PART_TYPES.contains(type)) {
                messages.hasImage = true;
            }
        }
        return text.toString();
    }

    private static JsonArray array(JsonObject body, String key) {
        return body.getValue(key) instanceof JsonArray array ? array : NONE;
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** What the messages array says: the trailing user texts, the system text, any image. */
    private static final class Messages {
        private final Deque<String> userTexts = new ArrayDeque<>(ClassifierInput.USER_MESSAGES_KEPT);
        private StringBuilder systemText;
        private boolean hasImage;

        void addUserText(String text) {
            if (userTexts.size() == ClassifierInput.USER_MESSAGES_KEPT) {
                userTexts.removeFirst();
            }
            userTexts.addLast(text);
        }

        void addSystemText(String text) {
            systemText = systemText == null ? new StringBuilder(text) : systemText.append('\n').append(text);
        }

        String systemText() {
            return systemText == null ? null : systemText.toString();
        }
    }
}
