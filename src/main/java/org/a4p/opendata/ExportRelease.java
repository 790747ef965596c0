package org.a4p.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Optional;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.i18n.Language;
import org.a4p.pack.Pack;
import org.a4p.release.ReadReleases;
import org.a4p.release.Release;
import org.a4p.sdmx.SdmxData;

/**
 * Use case: a published release as open data: for people who do not speak SDMX, values.csv,
 * values.json, or the whole release as a zip with its data dictionary; for those who do, the
 * release as one SDMX-CSV or SDMX-JSON message. Only what the release
 * published is written (small cells suppressed, no record, no restricted field), streamed value by
 * value, so memory stays flat whatever the release's size. The CLI's {@code export} and the
 * {@code /open-data} downloads both call it.
 */
public final class ExportRelease {
    /** What was written: the release, the format and how many values. */
    public record Written(Release release, ExportFormat format, long values) {}

    private final ReadReleases releases;
    private final DataDictionary dictionary;
    private final ValuesCsv csv;
    private final ValuesJson json;
    private final ReleaseZip zip;
    private final SdmxData sdmx;

    public ExportRelease(Pack pack, ReadReleases releases, Clock clock) {
        this.releases = releases;
        this.dictionary = DataDictionary.of(pack);
        ReleaseValues values = new ReleaseValues(pack, releases);
        this.csv = new ValuesCsv(values);
        this.json = new ValuesJson(values);
        this.zip = new ReleaseZip(pack, csv, json, dictionary);
        this.sdmx = new SdmxData(pack, releases, clock);
    }

    /** The release {@code which} names: {@code latest} or a number. */
    public Outcome<Release> release(String which) {
        Optional<Release> latest = releases.latest();
        if (latest.isEmpty()) {
            return Outcome.failed(Failure.noData("no release has been published yet: approve submissions, then publish one (./a4p release)"));
        }
        if (which == null || which.equals("latest")) {
            return Outcome.ok(latest.get());
        }
        int number;
        try {
            number = Integer.parseInt(which);
        } catch (NumberFormatException e) {
            return Outcome.failed(Failure.invalid("expected a release number or 'latest', got '" + which + "'"));
        }
        return releases.list().stream().filter(r -> r.number() == number).findFirst().<Outcome<Release>>map(Outcome::ok)
                .orElseGet(() -> Outcome.failed(Failure.notFound("there is no release " + number + ": the releases are 1 to "
                        + latest.get().number())));
    }

    /** The format {@code code} names. */
    public static Outcome<ExportFormat> format(String code) {
        return ExportFormat.of(code).<Outcome<ExportFormat>>map(Outcome::ok)
                .orElseGet(() -> Outcome.failed(Failure.invalid("expected a format of " + ExportFormat.codes() + ", got '" + code + "'")));
    }

    /** Writes {@code release} in {@code format} to {@code out}, which stays open. */
    public Written write(Release release, ExportFormat format, OutputStream out) throws IOException {
        long values = writerOf(format).write(release, out);
        out.flush();
        return new Written(release, format, values);
    }

    /** Writes dictionary.json to {@code out}, which stays open: the pack's, the same for every release. */
    public void writeDictionary(OutputStream out) throws IOException {
        dictionary.writeJson(out);
        out.flush();
    }

    DataDictionary dictionary() {
        return dictionary;
    }

    /** The one place a format meets its writer. */
    private ReleaseWriter writerOf(ExportFormat format) {
        return switch (format) {
            case CSV -> csv;
            case JSON -> json;
            case ZIP -> zip;
            case SDMX_CSV -> (release, out) -> sdmx.write(release, SdmxData.Format.CSV, out, Language.EN);
            case SDMX_JSON -> (release, out) -> sdmx.write(release, SdmxData.Format.JSON, out, Language.EN);
        };
    }
}
