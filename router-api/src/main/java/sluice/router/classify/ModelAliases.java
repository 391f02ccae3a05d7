package sluice.router.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks requested model names up in the configured aliases: an exact name first, then the most
 * specific matching glob (most literal characters; ties broken by pattern text, so the result
 * never depends on configuration order).
 */
final class ModelAliases {

    private record Glob(GlobPattern glob, ModelAlias alias) {
    }

    private final Map<String, ModelAlias> exact = new HashMap<>();
    private final List<Glob> globs = new ArrayList<>();

    ModelAliases(List<ModelAlias> aliases) {
        for (ModelAlias alias : aliases) {
            if (GlobPattern.isGlob(alias.pattern())) {
                globs.add(new Glob(new GlobPattern(alias.pattern()), alias));
            } else {
                exact.put(alias.pattern().toLowerCase(Locale.ROOT), alias);
            }
        }
        globs.sort(Comparator.comparingInt((Glob g) -> -g.glob().literalChars())
                .thenComparing(g -> g.glob().pattern()));
    }

    Optional<ModelAlias> lookup(String model) {
        if (model == null || model.isEmpty()) {
            return Optional.empty();
        }
        ModelAlias byName = exact.get(model.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return Optional.of(byName);
        }
        for (Glob candidate : globs) {
            if (candidate.glob().matches(model)) {
                return Optional.of(candidate.alias());
            }
        }
        return Optional.empty();
    }

    List<ModelAlias> all() {
        List<ModelAlias> all = new ArrayList<>(exact.values());
        globs.forEach(g -> all.add(g.alias()));
        return all;
    }
}
