package sluice.router.classify;

import java.util.Optional;

/**
 * One upstream to try: a configured provider and the model name that provider expects.
 * Written {@code provider/model}; the model may itself contain slashes
 * ({@code together/meta-llama/Llama-3-70b}), the provider never does.
 */
public record RouteTarget(String provider, String model) {

    private static final int MAX_MODEL_LENGTH = 200;

    public RouteTarget {
        String problem = problemWith(provider, model);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Parses {@code provider/model}.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not provider/model
     */
    public static RouteTarget parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("target is missing; expected provider/model");
        }
        String trimmed = spec.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("target '" + trimmed + "' must be provider/model");
        }
        return new RouteTarget(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    /** Parses {@code provider/model} from untrusted input (a client's model field); empty if invalid. */
    public static Optional<RouteTarget> tryParse(String spec) {
        if (spec == null) {
            return Optional.empty();
        }
        int slash = spec.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String provider = spec.substring(0, slash);
        String model = spec.substring(slash + 1);
        return problemWith(provider, model) == null
                ? Optional.of(new RouteTarget(provider, model))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }

    private static String problemWith(String provider, String model) {
        if (provider == null || provider.isEmpty()) {
            return "target '" + provider + "/" + model + "' has no provider before '/'";
        }
        for (int i = 0; i < provider.length(); i++) {
            char c = provider.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                return "provider '" + provider + "' may hold only letters, digits, '-', '_' and '.'";
            }
        }
        if (model == null || model.isEmpty()) {
            return "target '" + provider + "/' has no model after '/'";
        }
        if (model.length() > MAX_MODEL_LENGTH) {
            return "model of provider '" + provider + "' is longer than " + MAX_MODEL_LENGTH + " characters";
        }
        for (int i = 0; i < model.length(); i++) {
            char c = model.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return "model '" + model.strip() + "' must not contain spaces or control characters";
            }
        }
        return null;
    }
}
