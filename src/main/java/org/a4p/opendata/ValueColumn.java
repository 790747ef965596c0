package org.a4p.opendata;

import java.math.BigDecimal;
import java.util.function.Function;
import org.a4p.release.ReleasedValue;

/**
 * The columns of values.csv and the keys of each object of values.json, in order: the one list both
 * writers and the data dictionary read. A suppressed value has no value and no records.
 */
public enum ValueColumn {
    INDICATOR("indicator", Type.STRING, row -> row.value().indicator()),
    ORG_UNIT("org_unit", Type.STRING, row -> row.value().orgUnit()),
    PERIOD("period", Type.STRING, row -> row.value().period()),
    FREQUENCY("frequency", Type.STRING, row -> Frequency.of(row.value().period()).name()),
    DISAGGREGATION("disaggregation", Type.STRING, row -> row.value().disaggregation()),
    VALUE("value", Type.NUMBER, row -> row.value().suppressed() ? null : exact(row.value().value())),
    UNIT("unit", Type.STRING, ValueRow::unit),
    RECORDS("records", Type.INTEGER, row -> row.value().suppressed() ? null : row.value().records()),
    SUPPRESSED("suppressed", Type.BOOLEAN, row -> row.value().suppressed()),
    SYNTHETIC("synthetic", Type.BOOLEAN, row -> row.value().synthetic()),
    FLAGGED("flagged", Type.BOOLEAN, row -> row.value().flagged()),
    FIRST_RELEASE("first_release", Type.INTEGER, row -> row.value().firstRelease()),
    LAST_REVISED("last_revised", Type.INTEGER, row -> row.value().release());

    /** What a column holds; empty in CSV and null in JSON when there is nothing. */
    public enum Type {
        STRING, NUMBER, INTEGER, BOOLEAN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One value as exported: the released value and its indicator's unit. */
    record ValueRow(ReleasedValue value, String unit) {}

    private final String columnName;
    private final Type type;
    private final Function<ValueRow, Object> read;

    ValueColumn(String columnName, Type type, Function<ValueRow, Object> read) {
        this.columnName = columnName;
        this.type = type;
        this.read = read;
    }

    public String columnName() {
        return columnName;
    }

    public Type type() {
        return type;
    }

    /** The key of the column's description in the messages bundles. */
    public String descriptionKey() {
        return "opendata.column." + columnName;
    }

    Object of(ValueRow row) {
        return read.apply(row);
    }

    /** The stored double as its shortest exact decimal, without exponent or trailing zeros (3, 12.5, 0.0001). */
    static BigDecimal exact(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
