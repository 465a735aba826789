package io.skilldesigner.core.catalog;

import java.util.function.Function;

/**
 * One setting ↔ one KAN configuration key, with the conversions between our canonical value and KAN's string.
 *
 * @param toKan   our canonical value (never null) → KAN string
 * @param fromKan KAN string → our value (may stay a string; the catalog coerces it)
 */
public record KanKey(String settingKey, String kanKey, Function<Object, String> toKan, Function<String, Object> fromKan) {

    /** Same value, written as text ({@link SettingType#toText}) and read back as is. */
    public static KanKey same(String settingKey, String kanKey, SettingType type) {
        return new KanKey(settingKey, kanKey, type::toText, s -> s);
    }

    /** Our 0..1 fraction ↔ KAN's 0..100 percent. */
    public static KanKey percent(String settingKey, String kanKey) {
        return new KanKey(settingKey, kanKey,
                v -> SettingType.DECIMAL.toText(Math.round(((Number) v).doubleValue() * 100.0 * 1000.0) / 1000.0),
                s -> ParamRef.isParamRef(s) ? s : (Object) (Double.parseDouble(s.trim()) / 100.0));
    }
}
