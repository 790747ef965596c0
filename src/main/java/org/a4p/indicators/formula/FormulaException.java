package org.a4p.indicators.formula;

/**
 * A formula that does not follow the grammar. The message names the 1-based column and what was
 * expected there, so a pack author can fix the formula without reading the parser.
 */
public final class FormulaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String END = "end of formula";

    private final int position;
    private final String expected;
    private final String found;

    private FormulaException(String message, int position, String expected, String found) {
        super(message);
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    /** "at position 17: expected ')' but found 'where'". */
    static FormulaException expected(int position, String expected, String found) {
        return new FormulaException("at position " + position + ": expected " + expected + " but found " + quote(found),
                position, expected, found);
    }

    /** "at position 1: unknown function 'cnt'; expected one of count, sum, ...". */
    static FormulaException unknownFunction(int position, String name, String known) {
        String expected = "one of " + known;
        return new FormulaException("at position " + position + ": unknown function '" + name + "'; expected " + expected,
                position, expected, name);
    }

    private static String quote(String found) {
        return found.startsWith("'") ? found : "'" + found + "'";
    }

    /** The 1-based column where the problem starts. */
    public int position() {
        return position;
    }

    /** What the grammar allows at that position, as worded in the message. */
    public String expected() {
        return expected;
    }

    /** The text found there: a token as written, or "end of formula". */
    public String found() {
        return found;
    }
}
