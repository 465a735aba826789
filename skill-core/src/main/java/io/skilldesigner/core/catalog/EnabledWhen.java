package io.skilldesigner.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * A setting applies only when another setting (a CHOICE or BOOLEAN) has one of the given values, e.g. the RTSP
 * URL only when the camera source kind is {@code rtsp}. Forms hide it otherwise; validation skips it.
 */
public record EnabledWhen(String key, List<String> values) {
    public EnabledWhen {
        values = List.copyOf(values);
    }

    public static EnabledWhen of(String key, String... values) {
        return new EnabledWhen(key, List.of(values));
    }

    public boolean test(Map<String, Object> settings) {
        Object v = settings.get(key);
        return v != null && values.contains(String.valueOf(v));
    }
}
