package sluice.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the form {@code --name value} (repeatable) after a sub-command. */
final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Args(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    String string(String name) {
        List<String> all = values.get(name);
        if (all == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return all.get(all.size() - 1);
    }

    String string(String name, String fallback) {
        return values.containsKey(name) ? string(name) : fallback;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(string(name)) : fallback;
    }

    long number(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(string(name)) : fallback;
    }

    boolean flag(String name, boolean fallback) {
        return values.containsKey(name) ? Boolean.parseBoolean(string(name)) : fallback;
    }
}
