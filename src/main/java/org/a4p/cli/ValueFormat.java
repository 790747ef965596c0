package org.a4p.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers are printed: up to 4 decimals in CSV and JSON; in tables 1 decimal, and large numbers grouped (199,161,129). */
final class ValueFormat {
    private ValueFormat() {}

    static String exact(Double value) {
        if (value == null) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String shown(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        BigDecimal number = BigDecimal.valueOf(value).setScale(unit.equals("count") ? 0 : 1, RoundingMode.HALF_UP);
        String text = Math.abs(value) >= 10_000
                ? String.format(java.util.Locale.ROOT, "%,d", number.setScale(0, RoundingMode.HALF_UP).longValueExact())
                : number.stripTrailingZeros().toPlainString();
        return unit.equals("percent") ? text + "%" : text;
    }
}
