package io.skilldesigner.engine.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.NodeType;

/**
 * Typed reads of a node's effective settings (coerced by the catalog: Long, Double, Boolean, String, lists).
 * Values missing from the map take the catalog's defaults, so runtimes built directly (tests) behave like
 * runtimes built by the engine, and no default is written twice.
 */
public final class Settings {
    private final String nodeType;
    private final Map<String, Object> values;

    private Settings(String nodeType, Map<String, Object> values) {
        this.nodeType = nodeType;
        this.values = values;
    }

    public static Settings of(NodeType type, Map<String, Object> settings) {
        Map<String, Object> merged = new LinkedHashMap<>(type.defaultSettings());
        settings.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, type.setting(k).map(spec -> spec.type().coerce(v)).orElse(v));
            }
        });
        return new Settings(type.id(), merged);
    }

    public boolean has(String key) {
        Object v = values.get(key);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    public String text(String key) {
        return String.valueOf(require(key));
    }

    /** The value, or empty when unset (optional texts and secrets). */
    public String textOrEmpty(String key) {
        return has(key) ? String.valueOf(values.get(key)) : "";
    }

    public long integer(String key) {
        return ((Number) require(key)).longValue();
    }

    public double decimal(String key) {
        return ((Number) require(key)).doubleValue();
    }

    public boolean bool(String key) {
        return (Boolean) require(key);
    }

    public List<String> strings(String key) {
        return values.get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** A POINT_LIST value as points. */
    public List<Point> points(String key) {
        if (!(require(key) instanceof List<?> l)) {
            throw new IllegalArgumentException(nodeType + " setting '" + key + "' is not a list of [x, y] points");
        }
        return l.stream().map(p -> {
            if (p instanceof List<?> xy && xy.size() == 2 && xy.get(0) instanceof Number x
                    && xy.get(1) instanceof Number y) {
                return new Point(x.doubleValue(), y.doubleValue());
            }
            throw new IllegalArgumentException(nodeType + " setting '" + key + "': expected a point [x, y], got " + p);
        }).toList();
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(nodeType + " setting '" + key + "' has no value");
        }
        if (v instanceof String s && s.startsWith("$param(")) {
            throw new IllegalArgumentException(nodeType + " setting '" + key + "' still holds " + s
                    + "; parameters must be resolved before the node runs");
        }
        return v;
    }
}
