package io.skilldesigner.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code positional... --name value --flag}: options from a fixed set, each at most once unless repeatable. */
public record Args(List<String> positional, Map<String, List<String>> values) {
    public static Args parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        return parse(args, valued, Set.of(), flags);
    }

    /** @param repeatable valued options that may be given several times (read with {@link #options(String)}) */
    public static Args parse(List<String> args, Set<String> valued, Set<String> repeatable, Set<String> flags)
            throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value;
            if (valued.contains(name) || repeatable.contains(name)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            } else if (flags.contains(name)) {
                value = "true";
            } else {
                throw new UsageException("unknown option " + a);
            }
            List<String> given = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!given.isEmpty() && !repeatable.contains(name)) {
                throw new UsageException("option --" + name + " given twice");
            }
            given.add(value);
        }
        values.replaceAll((k, v) -> List.copyOf(v));
        return new Args(List.copyOf(positional), Map.copyOf(values));
    }

    /** The option's value (its first, for a repeatable one), or null when not given. */
    public String option(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(0);
    }

    /** Every value of a repeatable option in the order given; empty when not given. */
    public List<String> options(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public int positiveInt(String name) throws UsageException {
        String v = option(name);
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
