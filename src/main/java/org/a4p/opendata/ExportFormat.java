package org.a4p.opendata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats a release is exported in, each with its code (as {@code --format} and the download
 * links name it), media type and file name; {@code /open-data} offers a download of each. A
 * format's writer is chosen in {@link ExportRelease#writerOf} (its switch does not compile until
 * every format has one), its link label is {@code opendata.download.CODE} in the messages bundles.
 * The SDMX formats are the {@code /sdmx} endpoint's messages for the whole release.
 */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=utf-8", "values.csv"),
    JSON("json", "application/json", "values.json"),
    ZIP("zip", "application/zip", null),
    SDMX_CSV("sdmx-csv", "application/vnd.sdmx.data+csv;version=2.0.0; charset=utf-8", "values.sdmx.csv"),
    SDMX_JSON("sdmx-json", "application/vnd.sdmx.data+json;version=2.0.0", "values.sdmx.json");

    private final String code;
    private final String mediaType;
    private final String fileName;

    ExportFormat(String code, String mediaType, String fileName) {
        this.code = code;
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    public String code() {
        return code;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file's name in a release's download path, {@code release} a number or {@code latest}: {@code values.csv}, {@code release-7.zip}. */
    public String downloadName(String release) {
        return fileName == null ? "release-" + release + ".zip" : fileName;
    }

    /** The file's name for release {@code number}, as a download saves it: {@code a4p-release-7-values.csv}, {@code a4p-release-7.zip}. */
    public String fileName(int number) {
        return fileName == null ? "a4p-release-" + number + ".zip" : "a4p-release-" + number + "-" + fileName;
    }

    public static Optional<ExportFormat> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The codes, for messages: {@code csv, json, zip, sdmx-csv or sdmx-json}. */
    public static String codes() {
        String all = Arrays.stream(values()).map(ExportFormat::code).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
