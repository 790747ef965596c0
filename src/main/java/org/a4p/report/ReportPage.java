package org.a4p.report;

import java.util.List;
import org.a4p.i18n.Messages;

/**
 * The report as its template shows it, every figure already written in the report's language.
 * Public because the precompiled template (another package) reads it.
 */
public record ReportPage(Messages words, String lang, String title, String orgUnitName, int year, String release, boolean pdf,
        boolean synthetic, Summary summary, List<Section> sections, List<Annex> annexes, List<Source> sources) {

    /** The words of {@code key} in the report's language, for the template. */
    public String t(String key, Object... arguments) {
        return words.get(key, arguments);
    }

    /** The page footer of the PDF ("A4P+ · MINUSCA, 2020 · page 3 of 34"), as CSS: the page counters exist only in a margin box's content. */
    public String footerCss() {
        return "@page { @bottom-center { content: \"" + cssString("A4P+ · " + orgUnitName + ", " + year + " · " + t("footer.page") + " ") + "\" counter(page) \" "
                + cssString(t("footer.of")) + " \" counter(pages); } }";
    }

    private static String cssString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3C ").replace("\n", " ");
    }

    /** Headline counts over every priority, and per priority. */
    public record Summary(List<SummaryRow> priorities, SummaryRow total) {}

    public record SummaryRow(String anchor, String name, int indicators, int improving, int stable, int worsening, int onTrack) {}

    /** One priority: its indicators, charts, narrative (paragraphs; empty when none was written) and drafted sentences. */
    public record Section(String anchor, String heading, List<Line> indicators, List<Chart> charts, List<String> narrative,
            String narrativeBy, List<String> sentences) {}

    /** One indicator's row; {@code synthetic} when its value rests on synthetic demo records. */
    public record Line(String name, String value, String target, String status, String trend, String baseline, boolean synthetic,
            boolean headline) {}

    /** A PNG chart as a data: URI, with a text alternative for screen readers. */
    public record Chart(String title, String image, String description) {}

    public record Annex(String anchor, String code, String name, List<Line> indicators) {}

    public record Source(String recordType, String files, String snapshot, boolean synthetic) {}
}
