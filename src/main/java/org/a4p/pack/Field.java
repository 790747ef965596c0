package org.a4p.pack;

import java.math.BigDecimal;

/**
 * A typed field of a record type. {@code codeList} is set for CODE fields; {@code min} and
 * {@code max} bound numeric fields (inclusive) and {@code pattern} constrains TEXT fields. A date
 * or timestamp after today is an error unless {@code mayBeFuture} (a due date, for instance).
 */
public record Field(
        String name,
        FieldType type,
        boolean required,
        String codeList,
        BigDecimal min,
        BigDecimal max,
        String pattern,
        Confidentiality confidentiality,
        String description,
        boolean mayBeFuture) {

    public Field(String name, FieldType type, boolean required, String codeList, BigDecimal min, BigDecimal max,
            String pattern, Confidentiality confidentiality, String description) {
        this(name, type, required, codeList, min, max, pattern, confidentiality, description, false);
    }

    public boolean isRestricted() {
        return confidentiality == Confidentiality.RESTRICTED;
    }
}
