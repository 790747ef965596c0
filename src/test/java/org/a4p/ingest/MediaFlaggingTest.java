package org.a4p.ingest;

import org.a4p.indicators.Grain;
import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.indicators.IndicatorValue;
import org.a4p.indicators.ValueQuery;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Media items flagged at import from the term lists, on a labelled sample in English and French. */
class MediaFlaggingTest {
    static final String HEADER = "media_id,published_on,published_at,mission,platform,language,text,reach,flagged_category,responded_at";

    @TempDir
    Path folder;

    /** Text, language, and the category a reader would give it. */
    private record Labelled(String text, String language, String expected) {}

    private static final List<Labelled> SAMPLE = List.of(
            new Labelled("They are vermin and must leave the town", "en", "hate_speech"),
            new Labelled("Drive them out of the market tonight!", "en", "hate_speech"),
            new Labelled("Foreigners go home, says the banner", "en", "hate_speech"),
            new Labelled("Sources claim the UN is arming the rebels near the river", "en", "disinformation"),
            new Labelled("Unconfirmed reports say a convoy was stopped", "en", "misinformation"),
            new Labelled("The new clinic drives out malaria from the district", "en", "none"),
            new Labelled("Peacekeepers repaired the bridge on Tuesday", "en", "none"),
            new Labelled("Vermin-control campaign starts in the camp", "en", "hate_speech"),
            new Labelled("Ces gens sont des cafards, chassez-les !", "fr", "hate_speech"),
            new Labelled("ÉTRANGERS DEHORS crient les manifestants", "fr", "hate_speech"),
            new Labelled("L’ONU arme les rebelles, affirme le message", "fr", "disinformation"),
            new Labelled("Selon des rumeurs, la route serait fermée", "fr", "misinformation"),
            new Labelled("Un plan secret de l'ONU et selon des rumeurs des armes", "fr", "disinformation"),
            new Labelled("Il est cafardeux depuis lundi", "fr", "none"),
            new Labelled("Les casques bleus ont ouvert une école", "fr", "none"),
            new Labelled("They are vermin", "ar", "none"));

    private Path sampleFile(String name) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < SAMPLE.size(); i++) {
            Labelled item = SAMPLE.get(i);
            lines.add("M-" + i + ",2020-03-0" + (1 + i % 9) + ",2020-03-0" + (1 + i % 9) + "T08:00,MINUSCA,facebook," + item.language()
                    + ",\"" + item.text().replace("\"", "\"\"") + "\",1000,,");
        }
        return csv(folder, name, lines.toArray(String[]::new));
    }

    private static Map<String, String> categories(App app) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection connection = app.database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT \"media_id\", \"flagged_category\", \"severity\" FROM rec_media_item ORDER BY id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + "/" + rs.getLong(3));
            }
        }
        return out;
    }

    @Test
    void flagsTheLabelledSampleAsAReaderWould() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("media"))) {
            accepted(importFiles(app, "media_item", false, sampleFile("sample.csv")));
            Map<String, String> flagged = categories(app);
            for (int i = 0; i < SAMPLE.size(); i++) {
                assertThat(flagged.get("M-" + i)).as(SAMPLE.get(i).text()).startsWith(SAMPLE.get(i).expected() + "/");
            }
            assertThat(flagged.get("M-0")).isEqualTo("hate_speech/3");
            assertThat(flagged.get("M-4")).isEqualTo("misinformation/1");
            assertThat(flagged.get("M-12")).isEqualTo("disinformation/2"); // the highest severity of two matches wins
            assertThat(flagged.get("M-5")).isEqualTo("none/0");
        }
    }

    @Test
    void keepsAnAnalystsCategoryAndAddsTheMissionsOwnTerms() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("media"))) {
            Path terms = csv(folder, "terms.csv", "language,term,category,severity", "en,blue snakes,hate_speech,2");
            MissionTerms.Result loaded = new MissionTerms(app.database(), app.pack(), app.audit()).run(new MissionTerms.Request("MINUSCA", terms, false, "test")).orElseThrow(f -> new IllegalStateException(f.message()));
            assertThat(loaded.loaded()).isEqualTo(1);
            accepted(importFiles(app, "media_item", false, csv(folder, "items.csv", HEADER,
                    "A,2020-03-01,,MINUSCA,radio,en,The blue snakes are coming,10,,",
                    "B,2020-03-01,,UNMISS,radio,en,The blue snakes are coming,10,,",
                    "C,2020-03-01,,MINUSCA,radio,en,A calm day at the market,10,misinformation,")));
            assertThat(categories(app)).containsExactly(
                    Map.entry("A", "hate_speech/2"), // MINUSCA's own list
                    Map.entry("B", "none/0"), // not in UNMISS's lists
                    Map.entry("C", "misinformation/0")); // the analyst's category stands
        }
    }

    @Test
    void refusesABadTermListAndLoadsNothing() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("media"))) {
            Path terms = csv(folder, "bad-terms.csv", "language,term,category,severity",
                    "en,good term,hate_speech,2", "xx,term,hate_speech,2", "en,other,rumour,5");
            MissionTerms.Result result = new MissionTerms(app.database(), app.pack(), app.audit()).run(new MissionTerms.Request("MINUSCA", terms, false, "test")).orElseThrow(f -> new IllegalStateException(f.message()));
            assertThat(result.errors()).extracting(RowIssue::message).containsExactly(
                    "bad-terms.csv row 3, column 'language': expected one of [en, fr, ar, es, pt, sw, sg, other], got 'xx'",
                    "bad-terms.csv row 4, column 'category': expected one of [hate_speech, disinformation, misinformation], got 'rumour'",
                    "bad-terms.csv row 4, column 'severity': expected 1 (low), 2 (medium) or 3 (high), got '5'");
            assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM mission_term")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void countsFlaggedItemsAndTheHoursToRespond(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(importFiles(app, "media_item", false, csv(folder, "items.csv", HEADER,
                    "A,2020-03-01,2020-03-01T08:00,MINUSCA,radio,en,They are vermin,10,,2020-03-01T12:00",
                    "B,2020-03-02,2020-03-02T08:00,MINUSCA,radio,en,The UN is arming the rebels,10,,2020-03-03T08:00",
                    "C,2020-03-03,2020-03-03T08:00,MINUSCA,radio,fr,Selon des rumeurs,10,,",
                    "D,2020-03-04,2020-03-04T08:00,MINUSCA,radio,en,A calm day,10,,")));
            try (Connection connection = app.database().dataSource().getConnection()) {
                Map<String, Double> values = new LinkedHashMap<>();
                for (IndicatorValue v : new ValueQuery().find(connection, new ValueQuery.Filter(null, "MINUSCA", "2020-03", Grain.MONTH, true))) {
                    values.put(v.indicator(), v.value());
                }
                assertThat(values.get("P6.FLAGGED_MEDIA_ITEMS")).isEqualTo(3); // A, B, C; D is not flagged
                assertThat(values.get("P6.HOURS_TO_RESPONSE")).isEqualTo(14); // median of 4 and 24 hours
                assertThat(values.get("P6.FLAGGED_ITEMS_ANSWERED")).isCloseTo(200.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }
}
