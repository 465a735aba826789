package io.skilldesigner.app.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics of one measured series (nearest-rank percentiles), for the benchmark reports. */
record Stats(int count, double min, double p50, double p95, double max, double mean) {

    static Stats of(List<? extends Number> values) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).toArray();
        if (v.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(v);
        return new Stats(v.length, v[0], rank(v, 0.50), rank(v, 0.95), v[v.length - 1],
                Arrays.stream(v).average().orElse(Double.NaN));
    }

    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** How many values are strictly above the limit. */
    static long above(List<? extends Number> values, double limit) {
        return values.stream().filter(x -> x.doubleValue() > limit).count();
    }

    String format(String unit) {
        return String.format(Locale.ROOT, "n=%d p50=%.1f%s p95=%.1f%s min=%.1f%s max=%.1f%s mean=%.1f%s", count,
                p50, unit, p95, unit, min, unit, max, unit, mean, unit);
    }
}
