package org.a4p.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The portable kinds of column a backup knows, and how each value is written to and read from JSON
 * so that it comes back exactly on H2 and PostgreSQL: doubles as their shortest exact decimal (and
 * NaN or infinities as text), decimals as text, times as ISO text with their offset, bytes as base64.
 */
enum ColumnKind {
    INTEGER, BOOLEAN, DOUBLE, DECIMAL, TEXT, DATE, TIMESTAMP, TIMESTAMPTZ, BINARY;

    /**
     * The kind of a column from its JDBC type and the database's name for it; empty for a type the
     * backup does not know. PostgreSQL reports {@code timestamptz} as a plain TIMESTAMP, hence the name.
     */
    static Optional<ColumnKind> of(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB -> TEXT;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMPTZ;
            case Types.TIMESTAMP -> name.contains("tz") || name.contains("time zone") ? TIMESTAMPTZ : TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> null;
        });
    }

    /** Writes column {@code index} of the current row. */
    void write(ResultSet rows, int index, JsonGenerator json) throws SQLException, IOException {
        switch (this) {
            case INTEGER -> {
                long value = rows.getLong(index);
                if (rows.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            case BOOLEAN -> {
                boolean value = rows.getBoolean(index);
                if (rows.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeBoolean(value);
                }
            }
            case DOUBLE -> {
                double value = rows.getDouble(index);
                if (rows.wasNull()) {
                    json.writeNull();
                } else if (Double.isFinite(value)) {
                    json.writeNumber(value); // Double.toString: the shortest decimal that reads back as the same double
                } else {
                    json.writeString(Double.toString(value));
                }
            }
            case DECIMAL -> text(json, rows.getBigDecimal(index) == null ? null : rows.getBigDecimal(index).toString());
            case TEXT -> text(json, rows.getString(index));
            case DATE -> text(json, string(rows.getObject(index, LocalDate.class)));
            case TIMESTAMP -> text(json, string(rows.getObject(index, LocalDateTime.class)));
            case TIMESTAMPTZ -> text(json, string(rows.getObject(index, OffsetDateTime.class)));
            case BINARY -> {
                byte[] bytes = rows.getBytes(index);
                text(json, bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
            }
        }
    }

    /** Reads the parser's current token (a value of this kind) into parameter {@code index}; {@code sqlType} for a null. */
    void read(JsonParser json, PreparedStatement insert, int index, int sqlType) throws SQLException, IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            insert.setNull(index, sqlType);
            return;
        }
        switch (this) {
            case INTEGER -> insert.setLong(index, json.getLongValue());
            case BOOLEAN -> insert.setBoolean(index, json.getBooleanValue());
            case DOUBLE -> insert.setDouble(index, json.currentToken() == JsonToken.VALUE_STRING
                    ? Double.parseDouble(json.getText()) : json.getDoubleValue());
            case DECIMAL -> insert.setBigDecimal(index, new BigDecimal(json.getText()));
            case TEXT -> insert.setString(index, json.getText());
            case DATE -> insert.setObject(index, LocalDate.parse(json.getText()));
            case TIMESTAMP -> insert.setObject(index, LocalDateTime.parse(json.getText()));
            case TIMESTAMPTZ -> insert.setObject(index, OffsetDateTime.parse(json.getText()));
            case BINARY -> insert.setBytes(index, Base64.getDecoder().decode(json.getText()));
        }
    }

    private static void text(JsonGenerator json, String value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
