package org.a4p.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.release.Release;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;

/**
 * Two published releases of fatality records, for the open-data tests: release 1 holds 3
 * malicious-act deaths in MINUSCA in 2019 (a small cell, suppressed) and 7 in MONUSCO in 2020; release 2
 * recodes one MONUSCO death as an accident (6). One casualty's restricted name is {@link #PLANTED}.
 */
public final class TwoReleases {
    public static final String PLANTED = "Planted Secret Name";
    public static final String INDICATOR = "P4.FATALITIES_MALICIOUS";
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";

    public final Release first;
    public final Release second;

    private TwoReleases(Release first, Release second) {
        this.first = first;
        this.second = second;
    }

    public static TwoReleases publish(App app, Path folder) throws Exception {
        List<String> rows = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 3; i++) {
            rows.add("MINUSCA-2019-03-0000" + i + ",2019-03-0" + i + ",MINUSCA,military,malicious_act,M,BGD,Name " + i);
        }
        for (int i = 1; i <= 7; i++) {
            rows.add("MONUSCO-2020-04-0000" + i + ",2020-04-0" + i + ",MONUSCO,police,malicious_act,F,IND," + (i == 1 ? PLANTED : "Name " + i));
        }
        long submission = Fixtures.accepted(Fixtures.importFiles(app, "fatality", false, Fixtures.csv(folder, "fatalities.csv",
                rows.toArray(String[]::new)))).submissions().get(0).id();
        Release first = Fixtures.approveAllAndPublish(app);
        app.workflow().run(new ChangeSubmissionStatus.Request(submission, Step.REOPEN, Actor.operator("analyst"), "recoded"))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        Fixtures.accepted(Fixtures.importFiles(app, "fatality", false, Fixtures.csv(folder, "fatalities-recoded.csv", HEADER,
                "MONUSCO-2020-04-00001,2020-04-01,MONUSCO,police,accident,F,IND," + PLANTED + " Junior")));
        Release second = Fixtures.approveAllAndPublish(app);
        return new TwoReleases(first, second);
    }
}
