package org.a4p.pack;

/** The value types a record field can hold; TIMESTAMP is a date and time (UTC, to the minute). */
public enum FieldType {
    DATE, TIMESTAMP, INTEGER, DECIMAL, CODE, MISSION, SITE, TEXT, BOOLEAN;

    public static FieldType parse(String text) {
        return switch (text) {
            case "date" -> DATE;
            case "timestamp" -> TIMESTAMP;
            case "integer" -> INTEGER;
            case "decimal" -> DECIMAL;
            case "code" -> CODE;
            case "mission" -> MISSION;
            case "site" -> SITE;
            case "text" -> TEXT;
            case "boolean" -> BOOLEAN;
            default -> null;
        };
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
