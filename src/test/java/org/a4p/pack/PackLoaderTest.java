package org.a4p.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.a4p.indicators.PackFormulas;
import org.a4p.orgunit.OrgUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackLoaderTest {

    @Nested
    class BundledPack {
        static Pack pack;

        @BeforeAll
        static void load() {
            pack = PackLoader.loadBundled();
        }

        @Test
        void hasTheNinePrioritiesInOrder() {
            assertThat(pack.priorities()).extracting(Priority::id)
                    .containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7", "WPS", "DATA");
            assertThat(pack.priorities()).filteredOn(Priority::crossCutting).extracting(Priority::id)
                    .containsExactly("WPS", "DATA");
        }

        @Test
        void hasTheEightCommitmentAreas() {
            assertThat(pack.commitmentAreas()).extracting(CommitmentArea::id).containsExactly(
                    "POLITICS", "WPS", "PROTECTION", "SAFETY_SECURITY", "PERFORMANCE_ACCOUNTABILITY",
                    "PEACEBUILDING", "PARTNERSHIPS", "CONDUCT");
        }

        @Test
        void hasTheRecordTypesOfTheFoundationAndCrimesAgainstPeacekeepers() {
            assertThat(pack.recordTypes().keySet())
                    .startsWith("fatality", "personnel", "allegation", "site_environment", "attack_case")
                    .contains("media_item");
        }

        @Test
        void hasTheThreeScopes() {
            for (String scope : List.of("PKO", "SPM", "OTHER")) {
                assertThat(pack.orgUnits().find(scope)).get().extracting(OrgUnit::level).isEqualTo(OrgUnit.Level.SCOPE);
            }
        }

        @Test
        void minusmaEndsIn2023AndSitsAtBamako() {
            OrgUnit minusma = pack.orgUnits().mission("MINUSMA").orElseThrow();
            assertThat(minusma.scope()).isEqualTo("PKO");
            assertThat(minusma.end()).isEqualTo(LocalDate.of(2023, 12, 31));
            assertThat(minusma.latitude()).isCloseTo(12.6, within(0.2));
            assertThat(minusma.longitude()).isCloseTo(-8.0, within(0.2));
        }

        @Test
        void unamidEndsIn2020() {
            assertThat(pack.orgUnits().mission("UNAMID").orElseThrow().end()).isEqualTo(LocalDate.of(2020, 12, 31));
        }

        @Test
        void unamaIsASpecialPoliticalMission() {
            assertThat(pack.orgUnits().mission("UNAMA").orElseThrow().scope()).isEqualTo("SPM");
        }

        @Test
        void minuscaHasSites() {
            List<OrgUnit> sites = pack.orgUnits().sitesOf("MINUSCA");
            assertThat(sites).isNotEmpty().allSatisfy(site -> {
                assertThat(site.level()).isEqualTo(OrgUnit.Level.SITE);
                assertThat(site.parent()).isEqualTo("MINUSCA");
                assertThat(site.scope()).isEqualTo("PKO");
            });
        }

        @Test
        void headlineIndicatorsExistWithTheirPriority() {
            assertThat(pack.indicator("P4.FATALITIES_MALICIOUS")).get().extracting(Indicator::priority).isEqualTo("P4");
            assertThat(pack.indicator("WPS.WOMEN_TROOPS")).get().extracting(Indicator::priority).isEqualTo("WPS");
            assertThat(pack.indicator("P5.WASTEWATER_MIN_RISK")).get().extracting(Indicator::priority).isEqualTo("P5");
            assertThat(pack.indicator("P5.SEA_ALLEGATIONS")).get().extracting(Indicator::priority).isEqualTo("P5");
        }

        @Test
        void womenTroopsTargetsAre8In2021And15In2028() {
            Indicator troops = pack.indicator("WPS.WOMEN_TROOPS").orElseThrow();
            assertThat(troops.targets()).extracting(Indicator.Benchmark::year, Indicator.Benchmark::value)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2021, 8.0),
                            org.assertj.core.groups.Tuple.tuple(2028, 15.0));
        }

        @Test
        void everyFormulaParsesAndFitsTheRecordTypes() {
            assertThat(PackFormulas.check(pack)).isEmpty();
        }
    }

    @Nested
    class BrokenPacks {
        static final String FATALITY = "record_types/fatality.yaml";
        static final String PERSONNEL = "record_types/personnel.yaml";
        static final String P4 = "indicators/p4_accountability_to_peacekeepers.yaml";
        static final String P5 = "indicators/p5_accountability_of_peacekeepers.yaml";
        static final String WPS = "indicators/wps_women_peace_security.yaml";
        static final String UN_FATALITIES = "layouts/un_fatalities.yaml";

        @TempDir
        Path dir;

        PackFixture pack;

        @org.junit.jupiter.api.BeforeEach
        void copy() {
            pack = PackFixture.copyBundled(dir);
        }

        @Test
        void anUnbrokenCopyLoadsWithoutProblems() {
            assertThat(pack.problems()).isEmpty();
        }

        @Test
        void unknownCodeListIsReportedAtTheField() {
            String text = pack.replaceOnce(FATALITY, "codelist: incident_type", "codelist: incident_kinds");
            int fieldLine = PackFixture.lineOf(text, "- name: incident_type");
            int codeListLine = PackFixture.lineOf(text, "codelist: incident_kinds");

            assertThat(pack.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(FATALITY);
                assertThat(p.line()).as("line of the field or its codelist").isIn(fieldLine, codeListLine);
                assertThat(p.message()).contains("'incident_type'", "unknown code list 'incident_kinds'");
            });
        }

        @Test
        void formulaThatDoesNotParseSaysWhereAndWhatWasExpected() {
            String text = pack.replaceOnce(P4, "formula: count(fatality)\n", "formula: count(fatality where)\n");
            int indicatorLine = PackFixture.lineOf(text, "- id: P4.FATALITIES_ALL");
            int formulaLine = PackFixture.lineOf(text, "formula: count(fatality where)");

            List<PackProblem> problems = pack.problems();

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(P4);
                assertThat(p.line()).as("line of the indicator or its formula").isIn(indicatorLine, formulaLine);
                assertThat(p.message()).contains("P4.FATALITIES_ALL", "does not parse")
                        .containsPattern("at position \\d+: expected .+ but found");
            });
        }

        @Test
        void formulaNamingAnUnknownFieldNamesTheFieldAndTheRecordType() {
            String text = pack.replaceOnce(P4, "formula: count(fatality)\n", "formula: count(fatality where cause = 'x')\n");
            int indicatorLine = PackFixture.lineOf(text, "- id: P4.FATALITIES_ALL");
            int formulaLine = PackFixture.lineOf(text, "formula: count(fatality where cause = 'x')");

            assertThat(pack.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(P4);
                assertThat(p.line()).isIn(indicatorLine, formulaLine);
                assertThat(p.message()).contains("P4.FATALITIES_ALL", "'cause' is not a field of fatality");
            });
        }

        @Test
        void indicatorMappedToAnUnknownPriorityIsReportedAtItsPriority() {
            String text = pack.replaceAfter(WPS, "- id: WPS.WOMEN_FPU", "priority: WPS", "priority: GENDER");
            int priorityLine = PackFixture.lineOf(text, "priority: GENDER");

            assertThat(pack.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(WPS);
                assertThat(p.line()).isEqualTo(priorityLine);
                assertThat(p.message()).contains("WPS.WOMEN_FPU", "unknown priority 'GENDER'");
            });
        }

        @Test
        void indicatorWithNoCommitmentAreaIsReportedAtTheIndicator() {
            String text = pack.replaceAfter(P4, "- id: P4.FATALITIES_ALL", "    commitment_areas: [SAFETY_SECURITY]\n", "");
            int indicatorLine = PackFixture.lineOf(text, "- id: P4.FATALITIES_ALL");

            assertThat(pack.problems()).singleElement().isEqualTo(new PackProblem(P4, indicatorLine,
                    "indicator 'P4.FATALITIES_ALL' is mapped to no commitment area"));
        }

        @Test
        void indicatorWithoutAFrenchNameIsReported() {
            String text = pack.replaceAfter(P4, "- id: P4.FATALITIES_ALL", "    name_fr: Décès, toutes causes\n", "");
            int indicatorLine = PackFixture.lineOf(text, "- id: P4.FATALITIES_ALL");

            assertThat(pack.problems()).singleElement().isEqualTo(new PackProblem(P4, indicatorLine, "missing 'name_fr'"));
        }

        @Test
        void priorityWithFewerThanThreeIndicatorsIsReported() {
            pack.replaceOnce("pack.yaml", "  - indicators/data_quality.yaml\n", "");

            assertThat(pack.problems()).singleElement().isEqualTo(new PackProblem("pack.yaml", 1, "priority DATA has 0 indicator(s);"
                    + " the pack asks (settings.min_indicators_per_priority) that each priority be demonstrated with at least 3"));
        }

        @Test
        void theOwnersAndTheLeastIndicatorsPerPriorityComeFromThePack() {
            pack.replaceOnce("pack.yaml", "min_indicators_per_priority: 3", "min_indicators_per_priority: 8");
            pack.replaceOnce("pack.yaml", "owners: [DPO, DOS, DMSPC, mission]", "owners: [DPO, DOS, mission]");

            assertThat(pack.problems()).extracting(PackProblem::message)
                    .contains("priority P1 has 4 indicator(s); the pack asks (settings.min_indicators_per_priority) that each priority"
                            + " be demonstrated with at least 8")
                    .anySatisfy(m -> assertThat(m).endsWith("owner must be one of DPO, DOS, mission (settings.owners), got 'DMSPC'"))
                    .noneMatch(m -> m.startsWith("priority P5 "));
        }

        @Test
        void yamlSyntaxErrorIsReportedAtItsLine() {
            String text = pack.replaceAfter(P5, "- id: P5.SEA_ALLEGATIONS_RATE", "unit: rate", "unit: rate: per thousand");
            int errorLine = PackFixture.lineOf(text, "unit: rate: per thousand");

            assertThat(pack.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(P5);
                assertThat(p.line()).isEqualTo(errorLine);
                assertThat(p.message()).startsWith("not valid YAML: ");
            });
        }

        @Test
        void missingIncludedFileIsNamed() {
            pack.delete(WPS);

            assertThat(pack.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(WPS);
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.message()).startsWith("cannot read the file");
            });
        }

        @Test
        void layoutMappingAnUnknownFieldIsReportedAtTheMapping() {
            String text = pack.replaceOnce(UN_FATALITIES, "      nationality: isocode3", "      citizenship: isocode3");
            int line = PackFixture.lineOf(text, "citizenship: isocode3");

            assertThat(pack.problems()).containsExactly(new PackProblem(UN_FATALITIES, line,
                    "layout 'un_fatalities' maps unknown field 'citizenship' of 'fatality'"));
        }

        @Test
        void aTotalWithOnePartAndANegativeGraceAreReported() {
            pack.replaceOnce("layouts/un_contributions.yaml", "parts: [male, female]", "parts: [male]");
            String text = pack.replaceOnce(UN_FATALITIES, "mission_start_grace_days: 183", "mission_start_grace_days: -5");
            int graceLine = PackFixture.lineOf(text, "mission_start_grace_days: -5");

            assertThat(pack.problems()).extracting(PackProblem::message).containsExactlyInAnyOrder(
                    "a total of layout 'un_contributions' needs 'parts': at least two columns that add up to it",
                    "mission_start_grace_days must be a whole number of days, 0 or more, and needs mission_life: warn");
            assertThat(pack.problems()).anySatisfy(p -> assertThat(p.line()).isEqualTo(graceLine));
        }

        @Test
        void mayBeFutureOnATextFieldIsReported() {
            pack.replaceAfter(PERSONNEL, "- name: contributing_country", "type: text", "type: text\n      may_be_future: true");
            assertThat(pack.problems()).extracting(PackProblem::message)
                    .containsExactly("field 'contributing_country': may_be_future applies to date and timestamp fields only");
        }

        @Test
        void aPackWithoutScopesIsReported() {
            pack.replaceOnce("pack.yaml", "  scopes:\n", "  roots:\n");
            assertThat(pack.problems()).extracting(PackProblem::message)
                    .contains("orgunits needs 'scopes': the roots of the org-unit tree, each with a code and a name");
        }

        @Test
        void unknownFieldTypeListsTheTypes() {
            String text = pack.replaceAfter(PERSONNEL, "- name: women", "type: integer", "type: int");
            int line = PackFixture.lineOf(text, "type: int\n");

            assertThat(pack.problems()).anySatisfy(p -> assertThat(p).isEqualTo(new PackProblem(PERSONNEL, line,
                    "unknown field type 'int': expected date, timestamp, integer, decimal, code, mission, site, text or boolean")));
        }

        @Test
        void missionWithAnUnknownScopeIsReportedAtItsCsvLine() {
            String text = pack.replaceOnce("orgunits/missions.csv", "MINUSMA,United Nations Multidimensional Integrated Stabilization Mission in Mali,PKO,",
                    "MINUSMA,United Nations Multidimensional Integrated Stabilization Mission in Mali,PK,");
            int line = PackFixture.lineOf(text, "MINUSMA,United");

            assertThat(pack.problems()).containsExactly(new PackProblem("orgunits/missions.csv", line,
                    "scope must be one of the pack's scopes [PKO, SPM, OTHER], got 'PK'"));
        }

        @Test
        void everyProblemIsReportedNotOnlyTheFirst() {
            String personnel = pack.replaceAfter(PERSONNEL, "- name: women", "type: integer", "type: int");
            String layout = pack.replaceOnce(UN_FATALITIES, "      nationality: isocode3", "      citizenship: isocode3");
            String wps = pack.replaceAfter(WPS, "- id: WPS.WOMEN_FPU", "priority: WPS", "priority: GENDER");
            String p4 = pack.replaceAfter(P4, "- id: P4.FATALITIES_ALL", "    commitment_areas: [SAFETY_SECURITY]\n", "");

            List<PackProblem> problems = pack.problems();

            assertThat(problems).extracting(PackProblem::file, PackProblem::line).contains(
                    org.assertj.core.groups.Tuple.tuple(PERSONNEL, PackFixture.lineOf(personnel, "type: int\n")),
                    org.assertj.core.groups.Tuple.tuple(UN_FATALITIES, PackFixture.lineOf(layout, "citizenship: isocode3")),
                    org.assertj.core.groups.Tuple.tuple(WPS, PackFixture.lineOf(wps, "priority: GENDER")),
                    org.assertj.core.groups.Tuple.tuple(P4, PackFixture.lineOf(p4, "- id: P4.FATALITIES_ALL")));
        }

        @Test
        void aPackWithProblemsDoesNotLoad() {
            pack.replaceOnce(UN_FATALITIES, "      nationality: isocode3", "      citizenship: isocode3");

            PackLoader.Result result = PackLoader.load(PackSource.folder(dir));

            assertThat(result.pack()).isEmpty();
            assertThat(result.problems()).hasSize(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(result::orThrow)
                    .isInstanceOf(PackException.class)
                    .hasMessageContaining("layouts/un_fatalities.yaml:");
        }
    }
}
