package org.a4p.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.a4p.exchange.SpreadsheetText;
import org.a4p.exchange.Unclosed;
import org.a4p.release.Release;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** values.csv: a header of {@link ValueColumn}'s names, then one row per value of the release (UTF-8, comma, CRLF). */
final class ValuesCsv implements ReleaseWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(Arrays.stream(ValueColumn.values()).map(ValueColumn::columnName).toArray(String[]::new)).get();

    private final ReleaseValues values;

    ValuesCsv(ReleaseValues values) {
        this.values = values;
    }

    @Override
    public long write(Release release, OutputStream out) throws IOException {
        return writeCounted(release, out).values();
    }

    ReleaseValues.Counted writeCounted(Release release, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(new Unclosed(out), StandardCharsets.UTF_8);
        ValueColumn[] columns = ValueColumn.values();
        ReleaseValues.Counted count;
        try (CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            count = values.each(release, row -> {
                Object[] cells = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    Object cell = columns[i].of(row);
                    cells[i] = cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell;
                }
                try {
                    printer.printRecord(SpreadsheetText.csvRecord(cells));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return count;
    }
}
