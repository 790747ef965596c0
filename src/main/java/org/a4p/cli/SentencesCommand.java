package org.a4p.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.i18n.Language;
import org.a4p.narrative.DataSentence;
import org.a4p.narrative.DraftSentences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sentences", description = {
        "Drafts a data sentence for each headline indicator of the scorecard, in English and French, from its values",
        "over the year and the three before it (\"from 59 in 2017 to 13 in 2020, lower every year\"), to keep or edit.",
        "Nothing is stored."})
final class SentencesCommand implements Callable<Integer> {
    enum Lang { en, fr }

    @Spec
    CommandSpec spec;

    @Option(names = "--mission", paramLabel = "ORGUNIT", description = "Org unit (default: the pack's first scope, PKO).")
    String orgUnit;

    @Option(names = "--year", paramLabel = "Y", description = "The latest year (default: the scorecard's, the year with the most headline values).")
    Integer year;

    @Option(names = "--lang", description = "en or fr (default: both).")
    Lang lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = Main.database(spec).open()) {
            String orgUnit = this.orgUnit == null ? app.pack().orgUnits().defaultScope() : this.orgUnit;
            DraftSentences.Sentences sentences = new DraftSentences(app.pack(), app.database())
                    .run(new DraftSentences.Request(orgUnit, year)).orElseThrow(Refused::new);
            out.printf("Data sentences (drafts): %s (%s), %d%n", sentences.orgUnitName(), sentences.orgUnit(), sentences.year());
            if (sentences.drafts().stream().anyMatch(DataSentence.Draft::synthetic)) {
                out.println("Indicators marked * rest on synthetic demo records, not real data.");
            }
            for (DataSentence.Draft draft : sentences.drafts()) {
                out.printf("%n%s%s%n", draft.indicator(), draft.synthetic() ? " *" : "");
                if (lang == null || lang == Lang.en) {
                    out.printf("  %s%s%n", lang == null ? "en: " : "", draft.in(Language.EN));
                }
                if (lang == null || lang == Lang.fr) {
                    out.printf("  %s%s%n", lang == null ? "fr: " : "", draft.in(Language.FR));
                }
            }
            return Main.OK;
        }
    }
}
