package sluice.router.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Map<String, String> CONFIG = Map.of(
            "sluice.routes.default", "glm/glm-4-plus,kimi/kimi-k2",
            "sluice.routes.code", "deepseek/deepseek-coder,qwen/qwen3-coder-plus",
            "sluice.routes.long-context", "gemini/gemini-2.5-pro",
            "sluice.routes.general", "glm/glm-4:2,kimi/kimi-k2:1",
            "sluice.model-aliases.\"claude-sonnet-*\"", "anthropic/claude-sonnet-4",
            "sluice.model-aliases.\"claude-*\"", "anthropic/claude-haiku-4-5",
            "sluice.model-aliases.gpt-4o", "Code",
            "sluice.model-aliases.\"openai/*\"", "azure/gpt-4o,openai/gpt-4o",
            "quarkus.http.port", "8080");

    private final RouteTable table = RouteTable.parse(CONFIG);

    private static Classification classified(TaskClass taskClass) {
        return Classification.of(taskClass, "text: test");
    }

    private static RouteTarget target(String spec) {
        return RouteTarget.parse(spec);
    }

    @Test
    void aClassWithItsOwnRouteGetsItsTargetsInOrder() {
        RouteDecision decision = table.resolve(classified(TaskClass.CODE), "auto");

        assertEquals(List.of(target("deepseek/deepseek-coder"), target("qwen/qwen3-coder-plus")), decision.targets());
        assertEquals("code route; text: test", decision.reason());
    }

    @Test
    void kebabCaseClassKeysAreAccepted() {
        assertEquals(List.of(target("gemini/gemini-2.5-pro")), table.targetsOf(TaskClass.LONG_CONTEXT));
    }

    @Test
    void aClassWithoutARouteFallsBackToTheDefault() {
        RouteDecision decision = table.resolve(classified(TaskClass.IMAGE), null);

        assertEquals(List.of(target("glm/glm-4-plus"), target("kimi/kimi-k2")), decision.targets());
        assertEquals("default route (no image route); text: test", decision.reason());
    }

    @Test
    void generalSpreadsByWeightAndKeepsTheOthersAsFailover() {
        int glmFirst = 0;
        for (int i = 0; i < 10_000; i++) {
            List<RouteTarget> targets = table.resolve(classified(TaskClass.GENERAL), "auto").targets();
            assertEquals(2, targets.size());
            glmFirst += targets.get(0).provider().equals("glm") ? 1 : 0;
        }

        assertTrue(Math.abs(glmFirst / 10_000.0 - 2 / 3.0) <= 0.02, "glm first in " + glmFirst + " of 10000");
    }

    @Test
    void globAliasesMapModelNamesToFixedTargetsMostSpecificFirst() {
        RouteDecision sonnet = table.resolve(classified(TaskClass.GENERAL), "Claude-Sonnet-4-5-20250929");
        RouteDecision haiku = table.resolve(classified(TaskClass.GENERAL), "claude-3-5-haiku");

        assertEquals(List.of(target("anthropic/claude-sonnet-4")), sonnet.targets());
        assertEquals("alias claude-sonnet-* -> anthropic/claude-sonnet-4", sonnet.reason());
        assertEquals(List.of(target("anthropic/claude-haiku-4-5")), haiku.targets());
    }

    @Test
    void anAliasToAClassUsesThatClassRouteWhateverTheClassifierSaid() {
        RouteDecision decision = table.resolve(classified(TaskClass.SEARCH), "gpt-4o");

        assertEquals(target("deepseek/deepseek-coder"), decision.first());
        assertEquals("alias gpt-4o -> code route", decision.reason());
    }

    @Test
    void anExplicitProviderModelIsUsedAsIs() {
        Classification explicit = new Classification(TaskClass.CODE, "explicit model",
                target("qwen/qwen-max"));

        RouteDecision decision = table.resolve(explicit, "qwen/qwen-max");

        assertEquals(List.of(target("qwen/qwen-max")), decision.targets());
        assertEquals("explicit model qwen/qwen-max", decision.reason());
    }

    @Test
    void anAliasWinsOverAnExplicitProviderModel() {
        Classification explicit = new Classification(TaskClass.GENERAL, "explicit model", target("openai/gpt-4o"));

        RouteDecision decision = table.resolve(explicit, "openai/gpt-4o");

        assertEquals(List.of(target("azure/gpt-4o"), target("openai/gpt-4o")), decision.targets());
    }

    @Test
    void providersListsEveryProviderTheTableNames() {
        assertEquals(Set.of("anthropic", "azure", "deepseek", "gemini", "glm", "kimi", "openai", "qwen"),
                table.providers());
    }

    @Test
    void modelsMayContainSlashesAndColonTags() {
        RouteTable withTags = RouteTable.parse(Map.of(
                "sluice.routes.default", "together/meta-llama/Llama-3.3-70B,ollama/qwen3:8b"));

        assertEquals(List.of(new RouteTarget("together", "meta-llama/Llama-3.3-70B"),
                        new RouteTarget("ollama", "qwen3:8b")),
                withTags.defaultTargets());
    }

    @Test
    void reasonHeaderValueNeverCarriesLineBreaks() {
        Classification injected = Classification.of(TaskClass.CODE, "text: code signals (كود)\r\nx: y");

        RouteDecision decision = table.resolve(injected, null);

        String header = decision.reasonHeaderValue();
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7F), header);
        assertTrue(header.endsWith("%0D%0Ax: y"), header);
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsProperty() {
        Map<String, String> broken = new HashMap<>();
        broken.put("sluice.routes.cod", "deepseek/deepseek-coder");
        broken.put("sluice.routes.code", "deepseek");
        broken.put("sluice.routes.thinking", "deepseek/deepseek-reasoner:3");
        broken.put("sluice.routes.general", "glm/glm-4:0,kimi/kimi-k2");
        broken.put("sluice.routes.search", "perplexity/sonar,,perplexity/sonar");
        broken.put("sluice.routes.image", " ");
        broken.put("sluice.model-aliases.gpt-4o", "coding");

        RouteConfigException error = assertThrows(RouteConfigException.class, () -> RouteTable.parse(broken));

        assertEquals(List.of(
                "sluice.model-aliases.gpt-4o: 'coding' is neither a task class (code, thinking, long_context, image, "
                        + "search, agent, general) nor provider/model targets",
                "sluice.routes.cod: unknown route 'cod'; expected default or a task class: code, thinking, "
                        + "long_context, image, search, agent, general",
                "sluice.routes.code: target 'deepseek' must be provider/model",
                "sluice.routes.general: weight of 'glm/glm-4:0' must be between 1 and 1000",
                "sluice.routes.image: is empty; expected provider/model[,provider/model...]",
                "sluice.routes.search: has an empty entry between commas",
                "sluice.routes.search: lists perplexity/sonar twice",
                "sluice.routes.thinking: weights (':N') only apply to sluice.routes.general; route thinking is tried "
                        + "in the order written",
                "sluice.routes.default: missing; every table needs a default route "
                        + "(provider/model[,provider/model...])"),
                error.problems());
        assertTrue(error.getMessage().startsWith("invalid route configuration:\n  - sluice.model-aliases.gpt-4o:"));
    }

    @Test
    void aRouteConfiguredTwiceUnderBothSpellingsIsAnError() {
        RouteConfigException error = assertThrows(RouteConfigException.class, () -> RouteTable.parse(Map.of(
                "sluice.routes.default", "glm/glm-4",
                "sluice.routes.long_context", "gemini/gemini-2.5-pro",
                "sluice.routes.long-context", "kimi/kimi-k2")));

        assertEquals(List.of("sluice.routes.long_context: route long_context is configured twice"), error.problems());
    }

    @Test
    void badProviderNamesAndDuplicateAliasesAreRejected() {
        RouteConfigException error = assertThrows(RouteConfigException.class, () -> RouteTable.parse(Map.of(
                "sluice.routes.default", "my provider/glm-4",
                "sluice.model-aliases.\"GPT-4o\"", "code",
                "sluice.model-aliases.gpt-4o", "thinking")));

        assertEquals(List.of(
                "sluice.model-aliases.gpt-4o: alias 'gpt-4o' is configured twice",
                "sluice.routes.default: provider 'my provider' may hold only letters, digits, '-', '_' and '.'"),
                error.problems());
    }
}
