package org.a4p.templates;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.importFiles;
import static org.a4p.templates.Workbooks.listValues;
import static org.a4p.templates.Workbooks.rangeValues;
import static org.a4p.templates.Workbooks.validation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.Field;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key property: a template filled in as a user would (values picked from its drop-downs, real
 * Excel dates and numbers) is accepted by the real importer, and the records hold what was typed.
 */
class TemplateRoundTripTest {
    private static final String MISSION = "MINUSCA";
    private static final String[] COUNTRIES = {"RWA", "BGD", "NPL"};

    @TempDir
    Path folder;

    static Stream<String> recordTypes() {
        // System types (data-quality records) are written by A4P+ Monitor itself: no template.
        return Fixtures.pack().recordTypes().values().stream().filter(t -> !t.reporting().system()).map(RecordType::id);
    }

    private static Pack pack() {
        return Fixtures.pack();
    }

    private static List<Field> columns(RecordType type) {
        return type.fields().stream().filter(f -> !type.isDerived(f.name())).toList();
    }

    private Path template(Pack pack, RecordType type) {
        Path file = folder.resolve(type.id() + "-template.xlsx");
        new TemplateWriter(pack).write(type, file);
        return file;
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void theExampleRowImportsAsIs(String id) throws Exception {
        RecordType type = pack().recordType(id).orElseThrow();
        Path file = template(pack(), type);
        try (App app = Fixtures.app(Databases.h2Url("tpl"))) {
            SubmissionSummary summary = accepted(importFiles(app, id, false, file)).submissions().get(0);
            assertThat(summary.layout()).isEqualTo(id);
            assertThat(summary.rowsRead()).isEqualTo(1);
            assertThat(summary.added()).isEqualTo(1);
            assertThat(summary.warnings()).isZero();
            List<Map<String, Object>> rows = stored(app, type);
            assertThat(rows).hasSize(1);
            Map<String, Object> example = new TemplateWriter(pack()).example(type);
            assertThat(rows.get(0)).isEqualTo(normalized(type, example));
        }
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void aFilledInTemplateImportsWithTheValuesTypedIn(String id) throws Exception {
        RecordType type = pack().recordType(id).orElseThrow();
        Path file = template(pack(), type);
        List<Map<String, Object>> typed = new ArrayList<>();
        try (XSSFWorkbook workbook = Workbooks.open(file)) {
            Sheet data = workbook.getSheet("data");
            for (int i = 0; i < 3; i++) {
                // the first row overwrites the example row; the others are new rows below it
                typed.add(fill(pack(), workbook, data, type, i + 1, i));
            }
            Workbooks.save(workbook, file);
        }
        try (App app = Fixtures.app(Databases.h2Url("tpl"))) {
            SubmissionSummary summary = accepted(importFiles(app, id, false, file)).submissions().get(0);
            assertThat(summary.rowsRead()).isEqualTo(3);
            assertThat(summary.added()).isEqualTo(3);
            List<Map<String, Object>> expected = typed.stream().map(t -> normalized(type, t)).toList();
            assertThat(stored(app, type)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void rowsBelowADeletedExampleRowImport() throws Exception {
        RecordType type = pack().recordType("fatality").orElseThrow();
        Path file = template(pack(), type);
        List<Map<String, Object>> typed = new ArrayList<>();
        try (XSSFWorkbook workbook = Workbooks.open(file)) {
            Sheet data = workbook.getSheet("data");
            data.removeRow(data.getRow(1));
            for (int i = 0; i < 3; i++) {
                typed.add(fill(pack(), workbook, data, type, i + 3, i));
            }
            Workbooks.save(workbook, file);
        }
        try (App app = Fixtures.app(Databases.h2Url("tpl"))) {
            SubmissionSummary summary = accepted(importFiles(app, "fatality", false, file)).submissions().get(0);
            assertThat(summary.added()).isEqualTo(3);
            assertThat(stored(app, type)).containsExactlyElementsOf(typed.stream().map(t -> normalized(type, t)).toList());
            // the same workbook again changes nothing: the natural key makes re-imports idempotent
            SubmissionSummary again = accepted(importFiles(app, "fatality", false, file)).submissions().get(0);
            assertThat(again.unchanged()).isEqualTo(3);
            assertThat(again.added()).isZero();
        }
    }

    /**
     * Types row {@code rowIndex} (0-based) as a user would: codes, missions and sites picked from
     * the template's own drop-downs, dates as Excel dates in the column's format, numbers as numbers.
     * Returns the values typed, by field.
     */
    private static Map<String, Object> fill(Pack pack, XSSFWorkbook workbook, Sheet data, RecordType type, int rowIndex, int i) {
        Row row = data.getRow(rowIndex) == null ? data.createRow(rowIndex) : data.getRow(rowIndex);
        List<Field> fields = columns(type);
        List<String> missions = rangeValues(workbook, TemplateWriter.MISSIONS_RANGE);
        assertThat(missions).contains(MISSION);
        Map<String, Object> typed = new LinkedHashMap<>();
        for (int c = 0; c < fields.size(); c++) {
            Field field = fields.get(c);
            Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
            cell.setCellStyle(data.getColumnStyle(c)); // what Excel does when one types in a formatted column
            Object value = switch (field.type()) {
                case DATE -> LocalDate.of(2024, 2, 10 + i);
                case TIMESTAMP -> LocalDateTime.of(2024, 2, 10 + i, 14, 5);
                case INTEGER -> clamp(field, 2 + i);
                case DECIMAL -> clamp(field, 2 + i) + 0.25;
                case BOOLEAN -> i == 1 ? "false" : Boolean.TRUE;
                case CODE -> {
                    List<String> codes = dropDown(workbook, data, c);
                    yield codes.get(i % codes.size());
                }
                case MISSION -> MISSION;
                case SITE -> {
                    List<String> listed = dropDown(workbook, data, c);
                    List<String> ofMission = pack.orgUnits().sitesOf(MISSION).stream().map(OrgUnit::code)
                            .filter(listed::contains).sorted().toList();
                    yield ofMission.get(i % ofMission.size());
                }
                case TEXT -> text(field, i);
            };
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
            } else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
            } else if (value instanceof Long number) {
                cell.setCellValue(number);
            } else if (value instanceof Double number) {
                cell.setCellValue(number);
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else {
                cell.setCellValue((String) value);
            }
            typed.put(field.name(), value);
        }
        return typed;
    }

    private static List<String> dropDown(XSSFWorkbook workbook, Sheet data, int column) {
        DataValidation v = validation(data, column).orElseThrow();
        return listValues(workbook, v);
    }

    private static long clamp(Field field, long value) {
        long out = value;
        if (field.min() != null) {
            out = Math.max(out, field.min().setScale(0, java.math.RoundingMode.CEILING).longValue());
        }
        if (field.max() != null) {
            out = Math.min(out, field.max().setScale(0, java.math.RoundingMode.FLOOR).longValue());
        }
        return out;
    }

    private static String text(Field field, int i) {
        if (field.pattern() == null) {
            return "Typed text " + (i + 1);
        }
        Pattern pattern = Pattern.compile(field.pattern());
        for (String candidate : List.of("TPL-" + (i + 1), COUNTRIES[i], "P-000" + (i + 1), "tpl" + (i + 1))) {
            if (pattern.matcher(candidate).matches()) {
                return candidate;
            }
        }
        throw new AssertionError("the test has no value for the pattern " + field.pattern());
    }

    /** A typed value as the store gives it back: booleans as Boolean, numbers as Long or Double. */
    private static Map<String, Object> normalized(RecordType type, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : columns(type)) {
            Object value = values.get(field.name());
            out.put(field.name(), switch (field.type()) {
                case BOOLEAN -> value == null ? null : Boolean.valueOf(value.toString());
                case INTEGER -> value == null ? null : ((Number) value).longValue();
                case DECIMAL -> value == null ? null : ((Number) value).doubleValue();
                default -> value;
            });
        }
        return out;
    }

    /** The stored records of the type, by field, in date order. */
    private static List<Map<String, Object>> stored(App app, RecordType type) throws Exception {
        List<Field> fields = columns(type);
        String columns = fields.stream().map(f -> "\"" + f.name() + "\"").collect(Collectors.joining(", "));
        String sql = "SELECT " + columns + " FROM " + type.tableName() + " WHERE retired_by IS NULL ORDER BY \"" + type.dateField() + "\"";
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection connection = app.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    Field field = fields.get(i);
                    int column = i + 1;
                    Object value = switch (field.type()) {
                        case DATE -> rs.getObject(column, LocalDate.class);
                        case TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
                        case INTEGER -> rs.getObject(column) == null ? null : rs.getLong(column);
                        case DECIMAL -> rs.getObject(column) == null ? null : rs.getDouble(column);
                        case BOOLEAN -> rs.getObject(column) == null ? null : rs.getBoolean(column);
                        default -> rs.getString(column);
                    };
                    row.put(field.name(), value);
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void everyFieldTypeRoundTrips() throws Exception {
        Pack pack = TestPacks.withPatrol(folder);
        RecordType patrol = pack.recordType("patrol").orElseThrow();
        Map<String, Object> example = new TemplateWriter(pack).example(patrol);
        assertThat(example).containsEntry("patrol_id", "P-0000").containsEntry("started_at", LocalDateTime.of(2024, 1, 31, 9, 30))
                .containsEntry("distance_km", 1.5).containsEntry("vehicles", 1L).containsEntry("night", false);
        Path untouched = template(pack, patrol);
        Path filled = folder.resolve("patrols.xlsx");
        List<Map<String, Object>> typed = new ArrayList<>();
        try (XSSFWorkbook workbook = Workbooks.open(untouched)) {
            Sheet data = workbook.getSheet("data");
            for (int i = 0; i < 3; i++) {
                typed.add(fill(pack, workbook, data, patrol, i + 1, i));
            }
            Workbooks.save(workbook, filled);
        }
        try (App app = new App(pack, Database.open(Databases.h2Url("tpl")))) {
            assertThat(accepted(importFiles(app, "patrol", false, untouched)).submissions().get(0).added()).isEqualTo(1);
            assertThat(stored(app, patrol)).containsExactly(normalized(patrol, example));
        }
        try (App app = new App(pack, Database.open(Databases.h2Url("tpl")))) {
            assertThat(accepted(importFiles(app, "patrol", false, filled)).submissions().get(0).added()).isEqualTo(3);
            assertThat(stored(app, patrol)).containsExactlyElementsOf(typed.stream().map(t -> normalized(patrol, t)).toList());
        }
    }
}
