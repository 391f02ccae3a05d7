package sluice.router.classify;

import java.util.Locale;
import java.util.Optional;

/** What a request asks a model to do; each class has its own route. */
public enum TaskClass {
    CODE,
    THINKING,
    LONG_CONTEXT,
    IMAGE,
    SEARCH,
    AGENT,
    GENERAL;

    private final String headerName = name().toLowerCase(Locale.ROOT);

    /** The lowercase name used in headers and configuration keys, e.g. {@code long_context}. */
    public String headerName() {
        return headerName;
    }

    /**
     * Looks a class up by its header name, ignoring case; {@code long-context} is accepted for
     * {@code long_context} because configuration keys are usually kebab-case.
     */
    public static Optional<TaskClass> fromHeaderName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (TaskClass taskClass : values()) {
            if (taskClass.headerName.equals(wanted)) {
                return Optional.of(taskClass);
            }
        }
        return Optional.empty();
    }
}
