package io.skilldesigner.core.catalog;

import java.math.BigDecimal;
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

    /**
     * Our 0..1 fraction ↔ KAN's 0..100 percent. Shifts the decimal point instead of multiplying so that 0.35 is
     * written as 35 and 12.3 reads back as exactly 0.123 (a round trip keeps the value bit for bit).
     */
    public static KanKey percent(String settingKey, String kanKey) {
        return new KanKey(settingKey, kanKey,
                v -> plain(BigDecimal.valueOf(((Number) SettingType.DECIMAL.coerce(v)).doubleValue()).movePointRight(2)),
                s -> ParamRef.isParamRef(s) ? s : (Object) parsePercent(s));
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static double parsePercent(String s) {
        try {
            return new BigDecimal(s.trim()).movePointLeft(2).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a percentage from 0 to 100, got '" + s.trim() + "'");
        }
    }
}
