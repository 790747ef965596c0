package org.a4p.templates;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Makes up an example value for a text field that matches the field's pattern: first a few
 * readable candidates ({@code EXAMPLE-1}, {@code XXX}...), else a sample built by walking the
 * regular expression (literals, classes, groups, alternatives and quantifiers, each at its
 * smallest count). The result is always checked against the pattern; empty when none fits.
 */
final class ExampleText {
    /** Readable candidates, in order of preference; "XXX" is ICAO's code for "unspecified nationality". */
    private static final List<String> CANDIDATES = List.of("EXAMPLE-1", "EXAMPLE 1", "Example 1", "EXAMPLE1", "EXAMPLE",
            "Example", "example", "XXX", "X", "1");

    private ExampleText() {}

    /** A value for a field without a pattern: "Example contributing country" for contributing_country. */
    static String free(String fieldName) {
        return "Example " + fieldName.replace('_', ' ');
    }

    /** A value matching {@code regex} (a full match), or empty when none could be made. */
    static Optional<String> matching(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        for (String candidate : CANDIDATES) {
            if (pattern.matcher(candidate).matches()) {
                return Optional.of(candidate);
            }
        }
        try {
            String sample = new Walker(regex).sequence();
            if (!sample.isEmpty() && pattern.matcher(sample).matches()) {
                return Optional.of(sample);
            }
        } catch (RuntimeException e) {
            // a construct the walker does not know: no example
        }
        return Optional.empty();
    }

    /** Builds one short string from a regular expression. Unknown constructs throw. */
    private static final class Walker {
        private final String re;
        private int pos;

        Walker(String re) {
            this.re = re;
        }

        /** An alternation: the first alternative that yields something, else the first. */
        String sequence() {
            String first = null;
            while (true) {
                String alternative = branch();
                if (first == null || (first.isEmpty() && !alternative.isEmpty())) {
                    first = alternative;
                }
                if (pos < re.length() && re.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                return first;
            }
        }

        private String branch() {
            StringBuilder out = new StringBuilder();
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                String atom = atom();
                int[] count = quantifier();
                out.append(atom.repeat(count[0]));
            }
            return out.toString();
        }

        private String atom() {
            char c = re.charAt(pos++);
            switch (c) {
                case '^', '$' -> {
                    return "";
                }
                case '.' -> {
                    return "X";
                }
                case '(' -> {
                    if (re.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (pos < re.length() && re.charAt(pos) == '?') {
                        throw new IllegalArgumentException("lookaround or named group");
                    }
                    String inner = sequence();
                    expect(')');
                    return inner;
                }
                case '[' -> {
                    return String.valueOf(characterClass());
                }
                case '\\' -> {
                    return String.valueOf(escape(re.charAt(pos++)));
                }
                default -> {
                    return String.valueOf(c);
                }
            }
        }

        private static char escape(char e) {
            return switch (e) {
                case 'd' -> '1';
                case 'w' -> 'X';
                case 's' -> ' ';
                case 'D', 'W', 'S' -> e == 'D' ? 'X' : '-';
                case 'p', 'P', 'b', 'B', 'Q', 'E', 'k', 'u', 'x', '0' -> throw new IllegalArgumentException("escape \\" + e);
                default -> e;
            };
        }

        /** The first character a class allows; for a negated class, a letter it does not exclude. */
        private char characterClass() {
            boolean negated = pos < re.length() && re.charAt(pos) == '^';
            if (negated) {
                pos++;
            }
            StringBuilder members = new StringBuilder();
            boolean firstChar = true;
            while (pos < re.length() && (re.charAt(pos) != ']' || firstChar)) {
                firstChar = false;
                char c = re.charAt(pos++);
                if (c == '[' || c == '&') {
                    throw new IllegalArgumentException("nested class");
                }
                if (c == '\\') {
                    char e = re.charAt(pos++);
                    members.append(switch (e) {
                        case 'd' -> "0123456789";
                        case 'w' -> "XABCDEFGHIJKLMNOPQRSTUVWYZ";
                        case 's' -> " ";
                        default -> String.valueOf(escape(e));
                    });
                    continue;
                }
                if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                    char to = re.charAt(pos + 1);
                    pos += 2;
                    for (char x = c; x <= to; x++) {
                        members.append(x);
                    }
                    continue;
                }
                members.append(c);
            }
            expect(']');
            if (!negated) {
                if (members.isEmpty()) {
                    throw new IllegalArgumentException("empty class");
                }
                return members.charAt(0);
            }
            for (char x : "XAB1-".toCharArray()) {
                if (members.indexOf(String.valueOf(x)) < 0) {
                    return x;
                }
            }
            throw new IllegalArgumentException("negated class excludes every candidate");
        }

        /** {min, max}: the smallest count a quantifier allows, at least one for + and {n,}. */
        private int[] quantifier() {
            if (pos >= re.length()) {
                return new int[] {1, 1};
            }
            char c = re.charAt(pos);
            int[] count;
            switch (c) {
                case '?', '*' -> {
                    pos++;
                    count = new int[] {0, 0};
                }
                case '+' -> {
                    pos++;
                    count = new int[] {1, 1};
                }
                case '{' -> {
                    int close = re.indexOf('}', pos);
                    String body = re.substring(pos + 1, close);
                    pos = close + 1;
                    String low = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
                    int min = Integer.parseInt(low.trim());
                    count = new int[] {min, min};
                }
                default -> {
                    return new int[] {1, 1};
                }
            }
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                pos++; // lazy or possessive: same count
            }
            return count;
        }

        private void expect(char c) {
            if (pos >= re.length() || re.charAt(pos) != c) {
                throw new IllegalArgumentException("expected " + c);
            }
            pos++;
        }
    }
}
