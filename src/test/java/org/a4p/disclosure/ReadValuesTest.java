package org.a4p.disclosure;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.indicators.QueryValues;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored values as each caller sees them, on H2 and PostgreSQL: public readers get small cells
 * suppressed, decided on the indicator's complete tables whatever part they ask for; staff get
 * the values as stored.
 *
 * <p>The fixture: 3 deaths in MINUSCA, 6 in UNMISS, 7 in MONUSCO, all on 2020-03-10, all of male
 * military personnel in malicious acts. So every value of a mission (2020, 2020-Q1, 2020-03; the
 * total and its one code of each field) rests on that mission's count, and PKO's on 16. MINUSCA's
 * 3 is small; PKO 16 = 3 + 6 + 7 then hides UNMISS (6, the next smallest), and each table of one
 * cell (a year and its only quarter, a total and its only code) hides both or neither. Shown:
 * PKO 16 and MONUSCO 7, from which only MINUSCA + UNMISS = 9 follows.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadValuesTest {
    private static final String INDICATOR = "P4.FATALITIES_ALL";

    @Parameter
    String url;

    App app;
    ReadValues values;

    @BeforeParameterizedClassInvocation
    void load() throws Exception {
        app = Fixtures.app(url);
        values = new ReadValues(app.pack(), app.database());
        StringBuilder rows = new StringBuilder("casualty_id,incident_date,mission,personnel_type,incident_type,gender");
        int id = 0;
        for (String mission : List.of("MINUSCA", "MINUSCA", "MINUSCA", "UNMISS", "UNMISS", "UNMISS", "UNMISS", "UNMISS", "UNMISS",
                "MONUSCO", "MONUSCO", "MONUSCO", "MONUSCO", "MONUSCO", "MONUSCO", "MONUSCO")) {
            rows.append("\nD").append(++id).append(",2020-03-10,").append(mission).append(",military,malicious_act,M");
        }
        Path folder = Files.createTempDirectory("read-values");
        accepted(importFiles(app, "fatality", false, csv(folder, "fatalities.csv", rows.toString())));
        Fixtures.approveAllAndPublish(app);
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    private List<PublicValue> read(Caller caller, String orgUnit, String period, boolean totalsOnly) {
        Outcome<List<PublicValue>> outcome = values.run(caller, new QueryValues.Request(INDICATOR, orgUnit, period, null, totalsOnly));
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<List<PublicValue>>) outcome).value();
    }

    /** As the public sees it: from release 1. */
    private static PublicValue shown(String orgUnit, String period, String disaggregation, double count) {
        return new PublicValue(INDICATOR, orgUnit, period, disaggregation, count, (long) count, false, false, false, false, 1, 1);
    }

    private static PublicValue hidden(String orgUnit, String period, String disaggregation) {
        return new PublicValue(INDICATOR, orgUnit, period, disaggregation, null, null, false, false, true, false, 1, 1);
    }

    /** As staff see it: the live value, approved. */
    private static PublicValue live(String orgUnit, String period, String disaggregation, double count) {
        return new PublicValue(INDICATOR, orgUnit, period, disaggregation, count, (long) count, false, false, false);
    }

    @Test
    void suppressesTheSmallMissionAndItsComplementForPublicReaders() {
        for (Caller caller : List.of(Caller.anonymous(), Caller.of(Role.DELEGATE))) {
            assertThat(read(caller, null, "2020", true)).containsExactly(
                    hidden("MINUSCA", "2020", ""), shown("MONUSCO", "2020", "", 7), shown("PKO", "2020", "", 16), hidden("UNMISS", "2020", ""));
        }
    }

    @Test
    void suppressesTheComplementWhenItIsAskedForAlone() {
        // UNMISS's 6 is not small, but showing it anywhere would give MINUSCA's 3 away (16 - 7 - 6).
        assertThat(read(Caller.anonymous(), "UNMISS", "2020-03", false)).containsExactly(hidden("UNMISS", "2020-03", ""),
                hidden("UNMISS", "2020-03", "gender=M"), hidden("UNMISS", "2020-03", "incident_type=malicious_act"),
                hidden("UNMISS", "2020-03", "personnel_type=military"));
        assertThat(read(Caller.anonymous(), "MONUSCO", "2020-Q1", false)).containsExactly(shown("MONUSCO", "2020-Q1", "", 7),
                shown("MONUSCO", "2020-Q1", "gender=M", 7), shown("MONUSCO", "2020-Q1", "incident_type=malicious_act", 7),
                shown("MONUSCO", "2020-Q1", "personnel_type=military", 7));
    }

    @Test
    void showsStaffTheValuesAsStored() {
        for (Role role : List.of(Role.ANALYST, Role.ADMIN, Role.MISSION_OFFICER, Role.CONDUCT_OFFICER)) {
            assertThat(read(Caller.of(role, role.scopedToMissions() ? new String[] {"UNMISS"} : new String[0]), null, "2020", true))
                    .as("%s", role).containsExactly(live("MINUSCA", "2020", "", 3), live("MONUSCO", "2020", "", 7),
                            live("PKO", "2020", "", 16), live("UNMISS", "2020", "", 6));
        }
    }

    @Test
    void passesOnTheQuerysRefusal() {
        Outcome<List<PublicValue>> outcome = values.run(Caller.anonymous(), new QueryValues.Request(INDICATOR, null, "2020-13", null, false));
        assertThat(((Outcome.Failed<List<PublicValue>>) outcome).failure())
                .isEqualTo(Failure.invalid("'2020-13' is not a period: expected 2020, 2020-Q3 or 2020-07"));
    }
}
