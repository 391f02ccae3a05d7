package sluice.router.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a {@link RouteTable} from flat properties, collecting every problem before failing:
 * <pre>
 * sluice.routes.default=glm/glm-4-plus
 * sluice.routes.code=deepseek/deepseek-coder,qwen/qwen-coder
 * sluice.routes.general=glm/glm-4:2,kimi/kimi:1
 * sluice.model-aliases."claude-sonnet-*"=anthropic/claude-sonnet-4
 * sluice.model-aliases.gpt-4o=code
 * </pre>
 * Properties outside {@code sluice.routes.} and {@code sluice.model-aliases.} are ignored.
 */
final class RouteTableParser {

    static final String ROUTES_PREFIX = "sluice.routes.";
    static final String ALIASES_PREFIX = "sluice.model-aliases.";
    static final String DEFAULT_ROUTE = "default";
    static final int MAX_WEIGHT = 1_000;

    private static final String CLASS_NAMES = Arrays.stream(TaskClass.values())
            .map(TaskClass::headerName).collect(Collectors.joining(", "));

    /** One parsed list entry: {@code provider/model} with an optional {@code :weight}. */
    private record WeightedTarget(RouteTarget target, int weight, boolean weightGiven) {
    }

    private final List<String> problems = new ArrayList<>();
    private final Map<TaskClass, ClassRoute> routes = new EnumMap<>(TaskClass.class);
    private final List<ModelAlias> aliases = new ArrayList<>();
    private final Set<String> aliasPatterns = new HashSet<>();
    private ClassRoute defaultRoute;

    private RouteTableParser() {
    }

    static RouteTable parse(Map<String, String> properties) {
        RouteTableParser parser = new RouteTableParser();
        new TreeMap<>(properties).forEach(parser::readProperty);
        if (parser.defaultRoute == null && !parser.reported(ROUTES_PREFIX + DEFAULT_ROUTE)) {
            parser.problems.add(ROUTES_PREFIX + DEFAULT_ROUTE
                    + ": missing; every table needs a default route (provider/model[,provider/model...])");
        }
        if (!parser.problems.isEmpty()) {
            throw new RouteConfigException(parser.problems);
        }
        return new RouteTable(parser.routes, parser.defaultRoute, new ModelAliases(parser.aliases));
    }

    private void readProperty(String key, String value) {
        if (key.startsWith(ROUTES_PREFIX)) {
            readRoute(key, key.substring(ROUTES_PREFIX.length()), value);
        } else if (key.startsWith(ALIASES_PREFIX)) {
            readAlias(key, unquote(key.substring(ALIASES_PREFIX.length())), value);
        }
    }

    private void readRoute(String key, String name, String value) {
        if (name.equals(DEFAULT_ROUTE)) {
            defaultRoute = route(key, DEFAULT_ROUTE, value, false);
            return;
        }
        Optional<TaskClass> taskClass = TaskClass.fromHeaderName(name);
        if (taskClass.isEmpty()) {
            problem(key, "unknown route '" + name + "'; expected default or a task class: " + CLASS_NAMES);
            return;
        }
        ClassRoute route = route(key, taskClass.get().headerName(), value, taskClass.get() == TaskClass.GENERAL);
        if (route != null && routes.put(taskClass.get(), route) != null) {
            problem(key, "route " + taskClass.get().headerName() + " is configured twice");
        }
    }

    private ClassRoute route(String key, String name, String value, boolean spread) {
        List<WeightedTarget> entries = targetList(key, value);
        if (entries == null) {
            return null;
        }
        List<RouteTarget> targets = entries.stream().map(WeightedTarget::target).toList();
        if (spread) {
            return ClassRoute.spread(name, targets, entries.stream().map(WeightedTarget::weight).toList());
        }
        if (entries.stream().anyMatch(WeightedTarget::weightGiven)) {
            problem(key, "weights (':N') only apply to " + ROUTES_PREFIX + "general; route " + name
                    + " is tried in the order written");
            return null;
        }
        return ClassRoute.ordered(name, targets);
    }

    private void readAlias(String key, String pattern, String value) {
        if (pattern.isEmpty() || pattern.chars().anyMatch(c -> c <= ' ')) {
            problem(key, "alias pattern '" + pattern + "' must be a model name or glob without spaces");
            return;
        }
        if (!aliasPatterns.add(pattern.toLowerCase(Locale.ROOT))) {
            problem(key, "alias '" + pattern + "' is configured twice");
            return;
        }
        String target = value == null ? "" : value.trim();
        if (target.indexOf('/') < 0) {
            Optional<TaskClass> taskClass = TaskClass.fromHeaderName(target);
            if (taskClass.isEmpty()) {
                problem(key, "'" + target + "' is neither a task class (" + CLASS_NAMES
                        + ") nor provider/model targets");
            } else {
                aliases.add(new ModelAlias(pattern, taskClass.get(), List.of()));
            }
            return;
        }
        List<WeightedTarget> entries = targetList(key, value);
        if (entries != null && entries.stream().anyMatch(WeightedTarget::weightGiven)) {
            problem(key, "alias targets take no weights; they are tried in the order written");
        } else if (entries != null) {
            aliases.add(new ModelAlias(pattern, null, entries.stream().map(WeightedTarget::target).toList()));
        }
    }

    /** Parses {@code provider/model[:weight], ...}; null (with problems reported) when invalid. */
    private List<WeightedTarget> targetList(String key, String value) {
        if (value == null || value.isBlank()) {
            problem(key, "is empty; expected provider/model[,provider/model...]");
            return null;
        }
        List<WeightedTarget> entries = new ArrayList<>();
        Set<RouteTarget> seen = new HashSet<>();
        boolean valid = true;
        for (String item : value.split(",", -1)) {
            WeightedTarget entry = targetEntry(key, item.trim());
            if (entry == null) {
                valid = false;
            } else if (!seen.add(entry.target())) {
                problem(key, "lists " + entry.target() + " twice");
                valid = false;
            } else {
                entries.add(entry);
            }
        }
        return valid ? entries : null;
    }

    private WeightedTarget targetEntry(String key, String item) {
        if (item.isEmpty()) {
            problem(key, "has an empty entry between commas");
            return null;
        }
        int colon = item.lastIndexOf(':');
        String weightText = colon > item.indexOf('/') ? item.substring(colon + 1) : "";
        boolean weightGiven = !weightText.isEmpty() && weightText.chars().allMatch(Character::isDigit);
        int weight = 1;
        if (weightGiven) {
            weight = weightText.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(weightText);
            if (weight < 1 || weight > MAX_WEIGHT) {
                problem(key, "weight of '" + item + "' must be between 1 and " + MAX_WEIGHT);
                return null;
            }
        }
        try {
            return new WeightedTarget(RouteTarget.parse(weightGiven ? item.substring(0, colon) : item),
                    weight, weightGiven);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    private static String unquote(String text) {
        boolean quoted = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"");
        return quoted ? text.substring(1, text.length() - 1) : text;
    }

    private void problem(String key, String message) {
        problems.add(key + ": " + message);
    }

    private boolean reported(String key) {
        return problems.stream().anyMatch(p -> p.startsWith(key + ":"));
    }
}
