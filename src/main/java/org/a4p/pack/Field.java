package org.a4p.pack;

import java.math.BigDecimal;

/**
 * A typed field of a record type. {@code codeList} is set for CODE fields; {@code min} and
 * {@code max} bound numeric fields (inclusive) and {@code pattern} constrains TEXT fields.
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
        String description) {

    public boolean isRestricted() {
        return confidentiality == Confidentiality.RESTRICTED;
    }
}
