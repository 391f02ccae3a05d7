package sluice.router.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets of one route. An ordered route is tried first to last. A spread route picks its
 * first target by smooth weighted round robin and keeps the others, in rotation order, as
 * failover; the rotations are built once, so a pick allocates nothing.
 */
final class ClassRoute {

    private final String name;
    private final List<RouteTarget> targets;
    private final WeightedRoundRobin<RouteTarget> spread;
    private final List<List<RouteTarget>> rotations;

    private ClassRoute(String name, List<RouteTarget> targets, WeightedRoundRobin<RouteTarget> spread) {
        this.name = name;
        this.targets = List.copyOf(targets);
        this.spread = spread;
        this.rotations = spread == null ? List.of() : rotationsOf(this.targets);
    }

    static ClassRoute ordered(String name, List<RouteTarget> targets) {
        return new ClassRoute(name, targets, null);
    }

    static ClassRoute spread(String name, List<RouteTarget> targets, List<Integer> weights) {
        return new ClassRoute(name, targets, new WeightedRoundRobin<>(targets, weights));
    }

    String name() {
        return name;
    }

    List<RouteTarget> targets() {
        return targets;
    }

    boolean isSpread() {
        return spread != null;
    }

    /** The targets to try for one request, first choice first. */
    List<RouteTarget> targetsToTry() {
        return spread == null ? targets : rotations.get(spread.nextIndex());
    }

    private static List<List<RouteTarget>> rotationsOf(List<RouteTarget> targets) {
        List<List<RouteTarget>> rotations = new ArrayList<>(targets.size());
        for (int first = 0; first < targets.size(); first++) {
            List<RouteTarget> rotation = new ArrayList<>(targets.size());
            for (int k = 0; k < targets.size(); k++) {
                rotation.add(targets.get((first + k) % targets.size()));
            }
            rotations.add(List.copyOf(rotation));
        }
        return List.copyOf(rotations);
    }
}
