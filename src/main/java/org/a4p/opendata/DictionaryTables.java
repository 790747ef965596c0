package org.a4p.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.exchange.SpreadsheetText;
import org.a4p.exchange.Unclosed;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The data dictionary as CSV tables, for spreadsheets: columns, indicators, targets, org units, codes. */
final class DictionaryTables {
    /** A table's file name and writer. */
    interface Table {
        void write(CSVPrinter printer) throws IOException;
    }

    private DictionaryTables() {}

    /** The tables by file name (under {@code dictionary/} in the zip), each with its header. */
    static Map<String, Table> of(DataDictionary dictionary) {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("columns.csv", printer -> {
            printer.printRecord("name", "type", "description", "description_fr");
            for (DataDictionary.Column c : dictionary.columns()) {
                row(printer, c.name(), c.type(), c.description(), c.descriptionFr());
            }
        });
        tables.put("indicators.csv", printer -> {
            printer.printRecord("id", "name", "name_fr", "definition", "unit", "direction", "formula", "priority", "disaggregations", "source",
                    "baseline_year", "baseline_value", "baseline_source");
            for (DataDictionary.IndicatorEntry i : dictionary.indicators()) {
                DataDictionary.Benchmark b = i.baseline();
                row(printer, i.id(), i.name(), i.nameFr(), i.definition(), i.unit(), i.direction(), i.formula(), i.priority(),
                        String.join(" ", i.disaggregations()), i.source(), b == null ? null : b.year(),
                        b == null ? null : ValueColumn.exact(b.value()).toPlainString(), b == null ? null : b.source());
            }
        });
        tables.put("targets.csv", printer -> {
            printer.printRecord("indicator", "year", "value", "source");
            for (DataDictionary.IndicatorEntry i : dictionary.indicators()) {
                for (DataDictionary.Benchmark t : i.targets()) {
                    row(printer, i.id(), t.year(), ValueColumn.exact(t.value()).toPlainString(), t.source());
                }
            }
        });
        tables.put("org_units.csv", printer -> {
            printer.printRecord("code", "name", "level", "parent", "scope", "start", "end");
            for (DataDictionary.OrgUnitEntry u : dictionary.orgUnits()) {
                row(printer, u.code(), u.name(), u.level(), u.parent(), u.scope(), u.start(), u.end());
            }
        });
        tables.put("codes.csv", printer -> {
            printer.printRecord("field", "code", "label", "label_fr");
            codes(printer, "frequency", dictionary.frequencies());
            codes(printer, "priority", dictionary.priorities());
            for (DataDictionary.Disaggregation d : dictionary.disaggregations()) {
                codes(printer, d.field(), d.codes());
            }
        });
        return tables;
    }

    /** Writes one table to {@code out}, which stays open. */
    static void write(Table table, OutputStream out) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(new Unclosed(out), StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            table.write(printer);
        }
    }

    private static void codes(CSVPrinter printer, String field, List<DataDictionary.Code> codes) throws IOException {
        for (DataDictionary.Code c : codes) {
            row(printer, field, c.code(), c.label(), c.labelFr());
        }
    }

    private static void row(CSVPrinter printer, Object... cells) throws IOException {
        printer.printRecord(SpreadsheetText.csvRecord(cells));
    }
}
