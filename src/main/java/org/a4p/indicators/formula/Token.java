package org.a4p.indicators.formula;

/**
 * A lexical token. {@code text} is the token as written; {@code value} is a string literal's
 * content with {@code ''} unescaped. {@code position} is the 1-based column of its first character.
 */
record Token(Kind kind, String text, String value, int position) {

    enum Kind {
        NUMBER, STRING, WORD, SYMBOL, END
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** A word compared ignoring case, because keywords are case-insensitive. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How the token is shown after "found" in error messages. */
    String shown() {
        return kind == Kind.END ? FormulaException.END : text;
    }
}
