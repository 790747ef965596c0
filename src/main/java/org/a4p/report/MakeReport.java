package org.a4p.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.pack.Pack;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;

/**
 * Use case: the Member State progress report of a year, in English or French, as PDF or HTML, from
 * the latest published release as the public sees it. One template feeds both formats.
 */
public final class MakeReport {
    public enum Format {
        PDF("pdf", "application/pdf"), HTML("html", "text/html; charset=utf-8");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** {@code orgUnit} null: the pack's first scope (all peacekeeping operations). */
    public record Request(int year, Language language, Format format, String orgUnit) {
        public Request(int year, Language language, Format format) {
            this(year, language, format, null);
        }
    }

    /** The report's bytes, a file name to suggest ({@code a4p-report-PKO-2020-fr.pdf}) and its content type. */
    public record Report(byte[] content, String fileName, String contentType, int release) {}

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final int FIRST_YEAR = 1948;

    private final Pack pack;
    private final ReadReleases releases;
    private final ReportContent content;
    private final ReportSources sources;
    private final Clock clock;

    public MakeReport(Pack pack, Database database, Clock clock) {
        this.pack = pack;
        this.releases = new ReadReleases(pack, database);
        this.content = new ReportContent(pack, database);
        this.sources = new ReportSources(pack, database);
        this.clock = clock;
    }

    public Outcome<Report> run(Request request) {
        String orgUnit = request.orgUnit() == null ? pack.orgUnits().defaultScope() : request.orgUnit();
        if (pack.orgUnits().find(orgUnit).isEmpty()) {
            return Outcome.failed(Failure.invalid("unknown org unit '" + orgUnit + "': " + pack.orgUnits().describeCodes()));
        }
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (request.year() < FIRST_YEAR || request.year() > thisYear) {
            return Outcome.failed(Failure.invalid("expected a year from " + FIRST_YEAR + " to " + thisYear + ", got " + request.year()));
        }
        List<Release> published = releases.list();
        if (published.isEmpty()) {
            return Outcome.failed(new Failure(Failure.Kind.CONFLICT, "no release is published yet: the report shows the latest published"
                    + " release, as Member States see it; an analyst publishes one with ./a4p release (or POST /api/v1/releases)"));
        }
        Release release = published.get(0);
        boolean pdf = request.format() == Format.PDF;
        Messages words = Messages.of("report", request.language());
        Outcome<ReportPage> page = content.gather(release, orgUnit, request.year(), request.language(), pdf, sources.of(release, words));
        if (page instanceof Outcome.Failed<ReportPage> failed) {
            return Outcome.failed(failed.failure());
        }
        StringOutput html = new StringOutput();
        TEMPLATES.render("report/report.jte", ((Outcome.Ok<ReportPage>) page).value(), html);
        byte[] bytes = pdf ? PdfOutput.render(html.toString(), "A4P+ Monitor") : html.toString().getBytes(StandardCharsets.UTF_8);
        String name = "a4p-report-" + orgUnit + "-" + request.year() + "-" + request.language().code() + "." + request.format().extension();
        return Outcome.ok(new Report(bytes, name, request.format().contentType(), release.number()));
    }
}
