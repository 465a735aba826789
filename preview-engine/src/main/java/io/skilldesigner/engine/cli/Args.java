package io.skilldesigner.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code positional... --name value --flag}: options from a fixed set, each at most once. */
public record Args(List<String> positional, Map<String, String> options) {
    public static Args parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value;
            if (valued.contains(name)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            } else if (flags.contains(name)) {
                value = "true";
            } else {
                throw new UsageException("unknown option " + a);
            }
            if (options.put(name, value) != null) {
                throw new UsageException("option --" + name + " given twice");
            }
        }
        return new Args(positional, options);
    }

    public String option(String name) {
        return options.get(name);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public int positiveInt(String name) throws UsageException {
        String v = options.get(name);
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a positive whole number, got '" + v + "'");
        }
    }
}
