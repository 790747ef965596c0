package org.a4p.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both languages have every word, French is written as French writes, and a missing key is loud. */
class MessagesTest {
    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "report", "sdmx"})
    void everyKeyIsInBothLanguages(String bundle) throws IOException {
        if (MessagesTest.class.getResource("/i18n/" + bundle + ".properties") == null) {
            return; // a bundle not built yet
        }
        Set<String> english = keys("/i18n/" + bundle + ".properties");
        Set<String> french = keys("/i18n/" + bundle + "_fr.properties");
        assertThat(french).as("French keys of " + bundle).containsExactlyInAnyOrderElementsOf(english);
    }

    /** Every text is a MessageFormat pattern, where a lone apostrophe starts a quote and vanishes: it must be written ''. */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "messages_fr", "report", "report_fr", "sdmx", "sdmx_fr"})
    void noTextHasALoneApostrophe(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String key : properties.stringPropertyNames()) {
            assertThat(properties.getProperty(key).replace("''", "")).as(bundle + ": " + key).doesNotContain("'");
        }
    }

    @Test
    void quotesAndArgumentsAreRead() {
        Messages fr = Messages.of(Language.FR);
        assertThat(fr.get("overview.title")).isEqualTo("Vue d'ensemble");
        assertThat(fr.get("indicator.now", "PKO", 2020)).isEqualTo("PKO en 2020"); // a year is not grouped as 2 020
        assertThat(Messages.of(Language.EN).get("indicator.now", "PKO", 2020)).isEqualTo("PKO in 2020");
    }

    @Test
    void numbersFollowTheLanguage() {
        assertThat(Messages.of(Language.FR).number(5.12, "percent")).isEqualTo("5,1\u00A0%");
        assertThat(Messages.of(Language.EN).number(5.12, "percent")).isEqualTo("5.1%");
        assertThat(Messages.of(Language.FR).count(851940)).isEqualTo("851\u202F940");
        assertThat(Messages.of(Language.EN).number(null, "count")).isEqualTo("—");
    }

    @Test
    void aMissingKeyIsAFault() {
        assertThatThrownBy(() -> Messages.of(Language.EN).get("no.such.key")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no.such.key");
    }
}
