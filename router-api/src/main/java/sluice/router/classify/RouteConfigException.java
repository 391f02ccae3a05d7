package sluice.router.classify;

import java.util.List;

/** The route configuration is invalid; the message lists every problem, each naming its property. */
public final class RouteConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public RouteConfigException(List<String> problems) {
        super("invalid route configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the property it is about. */
    public List<String> problems() {
        return problems;
    }
}
