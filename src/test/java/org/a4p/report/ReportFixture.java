package org.a4p.report;

import static org.a4p.support.Fixtures.accepted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.support.Fixtures;

/**
 * A small real dataset for the report: deaths from malicious acts in MINUSCA and UNMISS, 2017 to
 * 2020, each year's count at least 5 (published as is); three illness deaths of MONUSCO in 2020 (a
 * small cell, suppressed for the public); and a synthetic personnel file of women among troops for
 * 2018 and 2020, six contributing countries per mission and date (so the share is published, marked synthetic).
 */
final class ReportFixture {
    static final String FATALITY_HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    /** Malicious-act deaths per year: MINUSCA, UNMISS. PKO 2017 to 2020: 20, 16, 13, 11, lower every year. */
    static final int[][] MALICIOUS = {{2017, 12, 8}, {2018, 10, 6}, {2019, 7, 6}, {2020, 6, 5}};
    /** A casualty's name: a restricted field, never in the report. */
    static final String SECRET_NAME = "Planted Secret Name";
    static final String[] COUNTRIES = {"Ghana", "Rwanda", "Nepal", "Zambia", "Egypt", "Senegal"};

    private ReportFixture() {}

    static void load(App app, Path folder) throws IOException {
        List<String> deaths = new ArrayList<>(List.of(FATALITY_HEADER));
        for (int[] year : MALICIOUS) {
            add(deaths, "MINUSCA", year[0], "malicious_act", year[1]);
            add(deaths, "UNMISS", year[0], "malicious_act", year[2]);
        }
        add(deaths, "MONUSCO", 2020, "illness", 3);
        accepted(Fixtures.importFiles(app, "fatality", false, Fixtures.csv(folder, "fatalities.csv", deaths.toArray(String[]::new))));

        List<String> personnel = new ArrayList<>(List.of("report_date,mission,contributing_country,category,women,men"));
        for (String date : List.of("2018-12-31", "2020-12-31")) {
            int women = date.startsWith("2018") ? 3 : 6;
            for (String mission : List.of("MINUSCA", "UNMISS")) {
                for (String country : COUNTRIES) {
                    personnel.add(date + "," + mission + "," + country + ",military_contingent," + women + ",94");
                }
            }
        }
        ImportFile file = ImportFile.of(Fixtures.csv(folder, "synthetic-personnel.csv", personnel.toArray(String[]::new)));
        accepted(app.importer().run(new ImportRequest("personnel", null, List.of(file), false, true, "test", false), Progress.NONE));
    }

    private static void add(List<String> lines, String mission, int year, String type, int count) {
        for (int i = 1; i <= count; i++) {
            lines.add(String.format("%s-%d-%s-%03d,%d-04-%02d,%s,military,%s,M,BGD," + SECRET_NAME + " %d", mission, year, type.replace("_", ""), i, year, i,
                    mission, type, i));
        }
    }
}
