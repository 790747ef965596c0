package org.a4p.sdmx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.a4p.release.Release;
import org.a4p.release.ReleasedValue;

/**
 * An SDMX-CSV 2.0 data message, as its field guide has it: {@code STRUCTURE,STRUCTURE_ID,ACTION},
 * the dimensions in key order, {@code TIME_PERIOD}, {@code OBS_VALUE}, then the attributes; one
 * row per observation, action {@code R} (replace), or {@code D} with the dimensions only for an
 * observation withdrawn since {@code updatedAfter}. A suppressed value is intentionally missing:
 * {@code NaN}, with {@code CONF_STATUS} {@code C}; a value that could not be computed (a share of
 * nothing) is empty. Values are written in plain decimal notation.
 */
final class SdmxCsvData implements DataWriter {
    static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
        header.addAll(DataStructure.DIMENSIONS);
        header.add(DataStructure.TIME);
        header.add(DataStructure.MEASURE);
        header.addAll(List.of("UNIT_MEASURE", "OBS_STATUS", "CONF_STATUS", "SYNTHETIC", "IMPLAUSIBLE", "RELEASE", "FIRST_RELEASE", "RECORDS"));
        HEADER = List.copyOf(header);
    }

    private final Writer out;
    private final DataStructure structure;
    private CSVPrinter csv;

    SdmxCsvData(OutputStream out, DataStructure structure) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.structure = structure;
    }

    @Override
    public void begin(Release release) throws IOException {
        csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
    }

    @Override
    public void series(Series series) throws IOException {
        for (Series.Observation observation : series.observations()) {
            ReleasedValue v = observation.value();
            List<Object> row = start(series, "R", v.period());
            row.add(v.suppressed() ? "NaN" : v.value() == null ? "" : BigDecimal.valueOf(v.value()).stripTrailingZeros().toPlainString());
            row.add(series.unit());
            row.add(observation.status());
            row.add(v.suppressed() ? "C" : "F");
            row.add(v.synthetic());
            row.add(v.flagged());
            row.add(v.release());
            row.add(v.firstRelease());
            row.add(v.records() == null ? "" : v.records());
            csv.printRecord(row);
        }
    }

    @Override
    public void deleted(Series series) throws IOException {
        for (Series.Observation observation : series.observations()) {
            List<Object> row = start(series, "D", observation.value().period());
            while (row.size() < HEADER.size()) {
                row.add("");
            }
            csv.printRecord(row);
        }
    }

    private List<Object> start(Series series, String action, String period) {
        List<Object> row = new ArrayList<>(HEADER.size());
        row.add("dataflow");
        row.add(DataStructure.flowReference());
        row.add(action);
        row.add(structure.indicators().sdmx(series.indicator()));
        row.add(structure.orgUnits().sdmx(series.orgUnit()));
        row.add(SdmxIds.disaggregation(series.disaggregation()));
        row.add(Series.frequency(series.grain()));
        row.add(period);
        return row;
    }

    @Override
    public void end() throws IOException {
        csv.flush();
    }
}
