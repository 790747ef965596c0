package org.a4p.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers are printed: up to 4 decimals in CSV and JSON, 1 in tables. */
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
        String text = number.stripTrailingZeros().toPlainString();
        return unit.equals("percent") ? text + "%" : text;
    }
}
