package org.a4p.indicators.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits formula text into tokens. It never rejects a stray character: it becomes a one-character
 * symbol, so the parser can report it in context ("expected ')' but found '#'"). Only an
 * unterminated string is reported here.
 */
final class Lexer {
    private static final List<String> TWO_CHAR_SYMBOLS = List.of("!=", "<>", "<=", ">=");

    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", null, text.length() + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = at;
        char c = text.charAt(at);
        if (isDigit(c)) {
            return number(start);
        }
        if (isWordStart(c)) {
            while (at < text.length() && isWordPart(text.charAt(at))) {
                at++;
            }
            return token(Token.Kind.WORD, start, null);
        }
        if (c == '\'') {
            return string(start);
        }
        String two = text.substring(at, Math.min(at + 2, text.length()));
        at += TWO_CHAR_SYMBOLS.contains(two) ? 2 : 1;
        return token(Token.Kind.SYMBOL, start, null);
    }

    /** digits, optionally followed by '.' and digits. */
    private Token number(int start) {
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        if (at + 1 < text.length() && text.charAt(at) == '.' && isDigit(text.charAt(at + 1))) {
            at++;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
        }
        return token(Token.Kind.NUMBER, start, null);
    }

    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c != '\'') {
                value.append(c);
            } else if (at < text.length() && text.charAt(at) == '\'') {
                value.append('\'');
                at++;
            } else {
                return token(Token.Kind.STRING, start, value.toString());
            }
        }
        throw FormulaException.expected(text.length() + 1, "a closing quote for the string started at position "
                + (start + 1), FormulaException.END);
    }

    private Token token(Token.Kind kind, int start, String value) {
        return new Token(kind, text.substring(start, at), value, start + 1);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
