package sluice.router.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each task class goes: per class an ordered list of provider/model targets, {@code general}
 * spread by smooth weighted round robin, a default route for classes without their own, and model
 * aliases that map the names clients ask for onto a class route or fixed targets.
 *
 * <p>Immutable once parsed and safe to share; a reload builds a new table.
 */
public final class RouteTable {

    private final Map<TaskClass, ClassRoute> routes;
    private final ClassRoute defaultRoute;
    private final ModelAliases aliases;

    RouteTable(Map<TaskClass, ClassRoute> routes, ClassRoute defaultRoute, ModelAliases aliases) {
        this.routes = routes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(routes));
        this.defaultRoute = Objects.requireNonNull(defaultRoute, "defaultRoute");
        this.aliases = aliases;
    }

    /**
     * Builds a table from flat properties ({@code sluice.routes.<class|default>} and
     * {@code sluice.model-aliases.<name or "glob">}); other properties are ignored.
     *
     * @throws RouteConfigException listing every invalid property by name
     */
    public static RouteTable parse(Map<String, String> properties) {
        return RouteTableParser.parse(properties);
    }

    /**
     * The targets for one request, in the order to try them. Precedence: a model alias matching
     * {@code requestedModel}, then the classification's explicit {@code provider/model}, then the
     * class route, then the default route.
     *
     * @param requestedModel the model field of the request as sent, or {@code null}
     */
    public RouteDecision resolve(Classification classification, String requestedModel) {
        Objects.requireNonNull(classification, "classification");
        Optional<ModelAlias> alias = aliases.lookup(requestedModel);
        if (alias.isPresent()) {
            return viaAlias(alias.get());
        }
        if (classification.hasExplicitTarget()) {
            return new RouteDecision(List.of(classification.explicitTarget()),
                    "explicit model " + classification.explicitTarget());
        }
        TaskClass taskClass = classification.taskClass();
        ClassRoute route = routes.get(taskClass);
        if (route == null) {
            return new RouteDecision(defaultRoute.targetsToTry(),
                    "default route (no " + taskClass.headerName() + " route); " + classification.reason());
        }
        return new RouteDecision(route.targetsToTry(), route.name() + " route; " + classification.reason());
    }

    /** The targets configured for a class, or the default route's when it has none. */
    public List<RouteTarget> targetsOf(TaskClass taskClass) {
        return routeOf(taskClass).targets();
    }

    public List<RouteTarget> defaultTargets() {
        return defaultRoute.targets();
    }

    /** True when the class has a route of its own rather than falling back to the default. */
    public boolean hasOwnRoute(TaskClass taskClass) {
        return routes.containsKey(taskClass);
    }

    public List<ModelAlias> aliases() {
        return aliases.all();
    }

    /** Every provider named anywhere in the table, sorted: what the health monitor should probe. */
    public Set<String> providers() {
        List<RouteTarget> all = new ArrayList<>(defaultRoute.targets());
        routes.values().forEach(route -> all.addAll(route.targets()));
        aliases.all().forEach(alias -> all.addAll(alias.targets()));
        Set<String> providers = new TreeSet<>();
        all.forEach(target -> providers.add(target.provider()));
        return Collections.unmodifiableSet(providers);
    }

    private RouteDecision viaAlias(ModelAlias alias) {
        if (alias.taskClass() == null) {
            return new RouteDecision(alias.targets(), "alias " + alias.pattern() + " -> " + join(alias.targets()));
        }
        ClassRoute route = routeOf(alias.taskClass());
        return new RouteDecision(route.targetsToTry(),
                "alias " + alias.pattern() + " -> " + alias.taskClass().headerName() + " route"
                        + (route == defaultRoute ? " (default)" : ""));
    }

    private ClassRoute routeOf(TaskClass taskClass) {
        return routes.getOrDefault(taskClass, defaultRoute);
    }

    private static String join(List<RouteTarget> targets) {
        StringBuilder text = new StringBuilder();
        for (RouteTarget target : targets) {
            text.append(text.length() == 0 ? "" : ",").append(target);
        }
        return text.toString();
    }
}
