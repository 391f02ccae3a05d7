package sluice.router.classify;

import java.util.List;
import java.util.Objects;

/**
 * A model name clients may ask for and where it goes: either the route of a task class
 * ({@code gpt-4o → code}) or fixed targets ({@code claude-sonnet-* → anthropic/claude-sonnet-4}).
 *
 * @param pattern   the configured name or glob, as written
 * @param taskClass the class whose route serves it, or {@code null} when {@code targets} is set
 * @param targets   the targets to try in order, empty when {@code taskClass} is set
 */
public record ModelAlias(String pattern, TaskClass taskClass, List<RouteTarget> targets) {

    public ModelAlias {
        Objects.requireNonNull(pattern, "pattern");
        targets = targets == null ? List.of() : List.copyOf(targets);
        if ((taskClass == null) == targets.isEmpty()) {
            throw new IllegalArgumentException("alias '" + pattern + "' needs a task class or targets, not both");
        }
    }
}
