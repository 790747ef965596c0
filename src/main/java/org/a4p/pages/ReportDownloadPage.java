package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.release.Release;
import org.a4p.report.MakeReport;
import org.a4p.report.ReportPage;
import org.a4p.report.ReportSources;
import org.a4p.web.HttpProblem;

/**
 * {@code /report}: the Member State progress report of a year, in English or French, as PDF or
 * HTML (the same use case as {@code ./a4p report}); {@code /sources}: the data the latest release
 * rests on, with snapshot dates.
 */
public final class ReportDownloadPage implements PageRoutes.PageTable {
    public record View(int year, List<Integer> years, Release release) {}

    /** Reports made, by release, year, language and format: a release never changes, so neither does its report. */
    private static final int KEPT_REPORTS = 8;

    private final PageFrame frame;
    private final MakeReport report;
    private final Map<String, MakeReport.Report> made = LastUsed.keeping(KEPT_REPORTS);
    private final ReportSources sources;
    private final App app;

    ReportDownloadPage(App app, PageFrame frame) {
        this.app = app;
        this.frame = frame;
        this.report = new MakeReport(app.pack(), app.database(), app.clock());
        this.sources = new ReportSources(app.pack(), app.database());
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/report", this::form);
        routes.get("/report/download", this::download);
        routes.get("/sources", this::sources);
    }

    private void form(Context ctx) {
        Messages words = PageFrame.words(ctx);
        Page page = frame.page(ctx, words.get("report.title"), "report");
        int thisYear = app.clock().instant().atZone(java.time.ZoneOffset.UTC).getYear();
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = thisYear; y >= 2015; y--) {
            years.add(y);
        }
        Integer asked = Choices.year(ctx);
        PageFrame.send(ctx, "report.jte", "page", page, "view", new View(asked == null ? thisYear - 1 : asked, years, page.latestRelease()));
    }

    private void download(Context ctx) {
        Messages words = PageFrame.words(ctx);
        Integer year = Choices.year(ctx);
        if (year == null) {
            throw HttpProblem.badParameter("year", null, words.get("error.year"));
        }
        String lang = ctx.queryParam("report_lang");
        Language language = Language.of(lang).orElseThrow(() -> HttpProblem.badParameter("report_lang", lang, words.get("error.language")));
        String format = ctx.queryParam("format");
        MakeReport.Format chosen = "html".equals(format) ? MakeReport.Format.HTML : "pdf".equals(format) ? MakeReport.Format.PDF : null;
        if (chosen == null) {
            throw HttpProblem.badParameter("format", format, words.get("error.format"));
        }
        Release latest = frame.latestRelease();
        String key = (latest == null ? 0 : latest.number()) + " " + year + " " + language + " " + chosen;
        MakeReport.Report made = this.made.get(key);
        if (made == null) {
            made = PageFrame.ok(report.run(new MakeReport.Request(year, language, chosen)));
            if (latest != null && made.release() == latest.number()) { // a release published meanwhile: not kept under the older key
                this.made.put(key, made);
            }
        }
        ctx.contentType(made.contentType());
        if (chosen == MakeReport.Format.PDF) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + made.fileName() + "\"");
        }
        ctx.result(made.content());
    }

    private void sources(Context ctx) {
        Messages words = PageFrame.words(ctx);
        Page page = frame.page(ctx, words.get("sources.title"), "sources");
        List<ReportPage.Source> list = page.latestRelease() == null ? List.of()
                : sources.of(page.latestRelease(), Messages.of("report", words.language()));
        PageFrame.send(ctx, "sources.jte", "page", page, "sources", list);
    }
}
