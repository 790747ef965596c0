package org.a4p.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Example values for text fields match the field's pattern, whatever the pattern. */
class ExampleTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"[A-Za-z0-9-]+", "[A-Za-z0-9][A-Za-z0-9 -]*", "[A-Z]{3}", "\\d{4}-\\d{2}", "[A-Z]{2}\\d{3,5}",
            "(CASE|INC)-[0-9]{6}", "[a-z]+_[a-z]+", "(?:MINUSCA|MONUSCO)/\\d+", "[^0-9]{2}", "P[1-7]\\.[A-Z_]+",
            "^[0-9]+$", "x?y*z+", "[\\w.]+@un\\.org"})
    void matchesThePattern(String regex) {
        String example = ExampleText.matching(regex).orElseThrow(() -> new AssertionError("no example for " + regex));
        assertThat(Pattern.compile(regex).matcher(example).matches()).as(example + " matches " + regex).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[A-Za-z0-9-]+", "[A-Za-z0-9][A-Za-z0-9 -]*"})
    void prefersAReadableExample(String regex) {
        assertThat(ExampleText.matching(regex)).contains("EXAMPLE-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?=abc)x", "[", "a{2}(?<n>b)"})
    void givesUpOnWhatItCannotSatisfy(String regex) {
        assertThat(ExampleText.matching(regex)).isEmpty();
    }
}
