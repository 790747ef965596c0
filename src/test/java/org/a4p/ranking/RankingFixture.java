package org.a4p.ranking;

import static org.a4p.support.Fixtures.accepted;

import java.io.IOException;
import java.nio.file.Path;
import org.a4p.app.App;
import org.a4p.support.Fixtures;

/**
 * A hand-made personnel file in the product's own layout: December 2020 in two PKO missions
 * (MINUSCA, UNMISS) and one SPM (UNAMA), a November 2020 report that must not count for December,
 * and a June 2024 report to check the colour against an interpolated target.
 *
 * <p>December 2020, PKO, military contingents (target 2020: 8%, the first set target, 2021's):
 * Ghana 15/150 (10 + 5 over two missions) 10% GREEN; Rwanda 8/100 8% GREEN (exactly on target);
 * Nepal 4/100 4% YELLOW; Zambia 2/50 4% YELLOW (same share, smaller); Bhutan and Egypt 0/200 RED
 * (same share and total: by name); Fiji 0/0 left out. UNAMA adds Nepal 50/50 and Mongolia 0/10.
 * Staff officers (target 18%): Ghana 2/10 20% GREEN, Nepal 1/10 10% YELLOW, Egypt 0/5 RED.
 * June 2024 military contingents (target 8 + 3/7 * 7 = 11%): Ghana 11/100 GREEN, Nepal 109/1000 YELLOW.
 */
final class RankingFixture {
    static final String HEADER = "report_date,mission,contributing_country,category,women,men";
    static final String[] LINES = {
            HEADER,
            "2020-12-31,MINUSCA,Ghana,military_contingent,10,90",
            "2020-12-31,UNMISS,Ghana,military_contingent,5,45",
            "2020-12-31,MINUSCA,Rwanda,military_contingent,8,92",
            "2020-12-31,MINUSCA,Nepal,military_contingent,4,96",
            "2020-12-31,MINUSCA,Zambia,military_contingent,2,48",
            "2020-12-31,MINUSCA,Egypt,military_contingent,0,200",
            "2020-12-31,UNMISS,Bhutan,military_contingent,0,200",
            "2020-12-31,MINUSCA,Fiji,military_contingent,0,0",
            "2020-12-31,MINUSCA,Ghana,staff_officer,2,8",
            "2020-12-31,MINUSCA,Nepal,staff_officer,1,9",
            "2020-12-31,UNMISS,Egypt,staff_officer,0,5",
            "2020-12-31,UNAMA,Nepal,military_contingent,50,0",
            "2020-12-31,UNAMA,Mongolia,military_contingent,0,10",
            "2020-11-30,MINUSCA,Ghana,military_contingent,0,100",
            "2020-11-30,MINUSCA,Kenya,military_contingent,5,5",
            "2024-06-30,MINUSCA,Ghana,military_contingent,11,89",
            "2024-06-30,MINUSCA,Nepal,military_contingent,109,891",
    };

    static final String STRATEGY = "Uniformed Gender Parity Strategy 2018-2028";
    static final String FIRST_2021 = "first set target (2021)";

    private RankingFixture() {}

    /** Imports the file into the app's database. */
    static void load(App app, Path folder) throws IOException {
        accepted(Fixtures.importFiles(app, "personnel", false, Fixtures.csv(folder, "personnel.csv", LINES)));
    }
}
