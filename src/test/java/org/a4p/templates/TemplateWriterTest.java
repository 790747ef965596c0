package org.a4p.templates;

import static org.a4p.templates.Workbooks.listValues;
import static org.a4p.templates.Workbooks.rangeValues;
import static org.a4p.templates.Workbooks.rowText;
import static org.a4p.templates.Workbooks.text;
import static org.a4p.templates.Workbooks.validation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.CodeList;
import org.a4p.pack.Field;
import org.a4p.pack.FieldType;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workbook of every record type of the bundled pack, read back with POI. */
class TemplateWriterTest {
    @TempDir
    Path folder;

    static Stream<String> recordTypes() {
        // System types (data-quality records) are written by A4P+ Monitor itself: no template.
        return Fixtures.pack().recordTypes().values().stream().filter(t -> !t.reporting().system()).map(RecordType::id);
    }

    private static String plain(java.math.BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static Pack pack() {
        return Fixtures.pack();
    }

    private XSSFWorkbook written(RecordType type) throws Exception {
        Path file = folder.resolve(type.id() + "-template.xlsx");
        new TemplateWriter(pack()).write(type, file);
        return Workbooks.open(file);
    }

    /** The fields a file of the type carries: all but the stage dates the store derives. */
    private static List<Field> columns(RecordType type) {
        return type.fields().stream().filter(f -> !type.isDerived(f.name())).toList();
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void headerIsTheOwnLayoutBoldFrozenAndExplained(String id) throws Exception {
        RecordType type = pack().recordType(id).orElseThrow();
        List<Field> fields = columns(type);
        try (XSSFWorkbook workbook = written(type)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("data");
            Sheet data = workbook.getSheet("data");
            Row header = data.getRow(0);
            assertThat(rowText(header)).containsExactlyElementsOf(fields.stream().map(Field::name).toList());
            assertThat(rowText(header)).containsExactlyElementsOf(pack().layouts().get(id).fields().values().stream()
                    .map(m -> m.column()).toList());
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            for (int c = 0; c < fields.size(); c++) {
                Field field = fields.get(c);
                Cell cell = header.getCell(c);
                assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).as(field.name()).isTrue();
                assertThat(data.getColumnWidth(c)).as(field.name()).isGreaterThanOrEqualTo((field.name().length() + 1) * 256);
                String note = cell.getCellComment().getString().getString();
                assertThat(note).as(field.name()).startsWith(field.required() ? "Required." : "Optional.");
                if (field.isRestricted()) {
                    assertThat(note).contains("Restricted: visible to the restricted (need-to-know) role only; never published");
                } else {
                    assertThat(note).doesNotContain("Restricted");
                }
            }
            // required and optional headers are told apart by their fill
            List<Short> requiredFills = new ArrayList<>();
            List<Short> optionalFills = new ArrayList<>();
            for (int c = 0; c < fields.size(); c++) {
                short fill = header.getCell(c).getCellStyle().getFillForegroundColor();
                (fields.get(c).required() ? requiredFills : optionalFills).add(fill);
            }
            assertThat(requiredFills).isNotEmpty();
            assertThat(requiredFills.stream().distinct().toList()).hasSize(1);
            assertThat(optionalFills).doesNotContain(requiredFills.get(0));
        }
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void everyColumnHasTheValidationOfItsType(String id) throws Exception {
        RecordType type = pack().recordType(id).orElseThrow();
        List<Field> fields = columns(type);
        TemplateWriter writer = new TemplateWriter(pack());
        try (XSSFWorkbook workbook = written(type)) {
            Sheet data = workbook.getSheet("data");
            int lists = 0;
            for (int c = 0; c < fields.size(); c++) {
                Field field = fields.get(c);
                DataValidation v = validation(data, c).orElseThrow(() -> new AssertionError("no validation on " + field.name()));
                int kind = v.getValidationConstraint().getValidationType();
                assertThat(v.getShowErrorBox()).isTrue();
                assertThat(v.getEmptyCellAllowed()).isTrue();
                switch (field.type()) {
                    case CODE -> {
                        CodeList list = pack().codeLists().get(field.codeList());
                        assertThat(kind).isEqualTo(ValidationType.LIST);
                        assertThat(listValues(workbook, v)).as(field.name()).containsExactlyElementsOf(list.codes());
                        assertThat(v.getErrorBoxText()).isEqualTo("Choose a code from the list: code list " + list.id());
                        assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
                    }
                    case MISSION -> {
                        assertThat(kind).isEqualTo(ValidationType.LIST);
                        assertThat(v.getValidationConstraint().getFormula1()).isEqualTo(TemplateWriter.MISSIONS_RANGE);
                        assertThat(listValues(workbook, v)).containsExactlyElementsOf(expectedMissions());
                    }
                    case SITE -> {
                        assertThat(kind).isEqualTo(ValidationType.LIST);
                        assertThat(v.getValidationConstraint().getFormula1()).isEqualTo(TemplateWriter.SITES_RANGE);
                        assertThat(listValues(workbook, v)).hasSize(pack().orgUnits().all().stream()
                                .filter(u -> u.level() == OrgUnit.Level.SITE).toList().size()).contains("MINUSCA-BANGUI");
                    }
                    case BOOLEAN -> {
                        assertThat(kind).isEqualTo(ValidationType.LIST);
                        assertThat(listValues(workbook, v)).containsExactly("true", "false");
                    }
                    case DATE -> {
                        assertThat(kind).isEqualTo(ValidationType.DATE);
                        assertThat(v.getValidationConstraint().getOperator()).isEqualTo(OperatorType.BETWEEN);
                        assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("DATE(1945,1,1)");
                        assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("DATE(2100,12,31)");
                        assertThat(DateUtil.isADateFormat(data.getColumnStyle(c).getDataFormat(), data.getColumnStyle(c).getDataFormatString()))
                                .isTrue();
                        assertThat(data.getColumnStyle(c).getDataFormatString()).isEqualTo("yyyy-mm-dd");
                    }
                    case INTEGER, DECIMAL -> {
                        assertThat(kind).isEqualTo(field.type() == FieldType.INTEGER ? ValidationType.INTEGER : ValidationType.DECIMAL);
                        if (field.min() != null && field.max() != null) {
                            assertThat(v.getValidationConstraint().getOperator()).isEqualTo(OperatorType.BETWEEN);
                            assertThat(v.getValidationConstraint().getFormula1()).isEqualTo(plain(field.min()));
                            assertThat(v.getValidationConstraint().getFormula2()).isEqualTo(plain(field.max()));
                            assertThat(v.getErrorBoxText()).contains(plain(field.min()) + " to " + plain(field.max()));
                        }
                    }
                    case TEXT -> assertThat(kind).isEqualTo(ValidationType.TEXT_LENGTH);
                    case TIMESTAMP -> assertThat(kind).isEqualTo(ValidationType.DATE);
                }
                if (kind == ValidationType.LIST) {
                    lists++;
                    // Excel hides the arrow when showDropDown is set (the attribute means "suppress" in practice)
                    String column = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
                    var raw = java.util.Arrays.stream(((org.apache.poi.xssf.usermodel.XSSFSheet) data).getCTWorksheet().getDataValidations()
                            .getDataValidationArray()).filter(d -> d.getSqref().toString().startsWith(column + "2:")).findFirst().orElseThrow();
                    assertThat(raw.isSetShowDropDown() && raw.getShowDropDown()).as("the arrow of the drop-down of %s is shown", field.name())
                            .isFalse();
                }
            }
            assertThat(writer.dropDowns(type)).isEqualTo(lists);
            Sheet hidden = workbook.getSheet("lists");
            assertThat(hidden).isNotNull();
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex(hidden))).isTrue();
        }
    }

    /** PKO and SPM missions whose end is unknown or on or after 2017-01-01, computed from the pack's own CSV view. */
    private static List<String> expectedMissions() {
        return pack().orgUnits().missions().stream()
                .filter(m -> m.scope().equals("PKO") || m.scope().equals("SPM"))
                .filter(m -> m.end() == null || m.end().getYear() >= 2017)
                .map(OrgUnit::code).sorted().toList();
    }

    @Test
    void missionDropDownHoldsActiveOperationsOnly() throws Exception {
        try (XSSFWorkbook workbook = written(pack().recordType("fatality").orElseThrow())) {
            List<String> missions = rangeValues(workbook, TemplateWriter.MISSIONS_RANGE);
            assertThat(missions).contains("MINUSCA", "MONUSCO", "UNMISS", "UNIFIL")
                    .doesNotContain("UNAMIR", "ONUC", "UNSPECIFIED")
                    .isSorted()
                    .doesNotHaveDuplicates();
            // too many for an in-cell list, which Excel caps at 255 characters
            assertThat(String.join(",", missions).length()).isGreaterThan(255);
            for (String code : missions) {
                OrgUnit mission = pack().orgUnits().mission(code).orElseThrow();
                assertThat(mission.scope()).isIn("PKO", "SPM");
                assertThat(mission.end() == null || !mission.end().isBefore(LocalDate.of(2017, 1, 1))).as(code).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void exampleRowIsTypedAndNoted(String id) throws Exception {
        RecordType type = pack().recordType(id).orElseThrow();
        List<Field> fields = columns(type);
        Map<String, Object> example = new TemplateWriter(pack()).example(type);
        try (XSSFWorkbook workbook = written(type)) {
            Row row = workbook.getSheet("data").getRow(1);
            assertThat(row.getCell(0).getCellComment().getString().getString()).startsWith("Example row: replace or delete it");
            for (int c = 0; c < fields.size(); c++) {
                Field field = fields.get(c);
                Cell cell = row.getCell(c);
                assertThat(example).as("every field has an example value").containsKey(field.name());
                switch (field.type()) {
                    case DATE, TIMESTAMP -> {
                        assertThat(cell.getCellType()).as(field.name()).isEqualTo(CellType.NUMERIC);
                        assertThat(DateUtil.isCellDateFormatted(cell)).as(field.name()).isTrue();
                    }
                    case INTEGER, DECIMAL -> {
                        assertThat(cell.getCellType()).as(field.name()).isEqualTo(CellType.NUMERIC);
                        double value = cell.getNumericCellValue();
                        if (field.min() != null) {
                            assertThat(value).isGreaterThanOrEqualTo(field.min().doubleValue());
                        }
                        if (field.max() != null) {
                            assertThat(value).isLessThanOrEqualTo(field.max().doubleValue());
                        }
                    }
                    case CODE -> assertThat(text(cell)).isEqualTo(pack().codeLists().get(field.codeList()).codes().get(0));
                    case MISSION -> assertThat(text(cell)).isEqualTo("MINUSCA");
                    case SITE -> assertThat(text(cell)).isEqualTo("MINUSCA-BANGUI");
                    case TEXT -> {
                        if (field.pattern() != null) {
                            assertThat(Pattern.compile(field.pattern()).matcher(text(cell)).matches()).as(field.name()).isTrue();
                        }
                    }
                    case BOOLEAN -> assertThat(text(cell)).isIn("true", "false");
                }
            }
            if (type.field("mission").isPresent() && type.dateField() != null) {
                int dateColumn = fields.indexOf(type.field(type.dateField()).orElseThrow());
                assertThat(row.getCell(dateColumn).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 31));
            }
        }
    }

    @Test
    void exampleTextFollowsPatterns() {
        RecordType fatality = pack().recordType("fatality").orElseThrow();
        Map<String, Object> example = new TemplateWriter(pack()).example(fatality);
        assertThat(example.get("casualty_id")).isEqualTo("EXAMPLE-1");
        assertThat(example.get("nationality")).isEqualTo("XXX");
        assertThat(example.get("incident_date")).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void notesDescribeEveryField(String id) throws Exception {
        RecordType type = pack().recordType(id).orElseThrow();
        List<Field> fields = columns(type);
        try (XSSFWorkbook workbook = written(type)) {
            Sheet notes = workbook.getSheet("notes");
            StringBuilder paragraph = new StringBuilder();
            int table = -1;
            for (int r = 0; r <= notes.getLastRowNum(); r++) {
                Row row = notes.getRow(r);
                if (row != null && text(row.getCell(0)).equals("field")) {
                    table = r;
                    break;
                }
                if (row != null) {
                    paragraph.append(text(row.getCell(0))).append('\n');
                }
            }
            assertThat(table).as("the table's header row").isPositive();
            assertThat(rowText(notes.getRow(table))).containsExactly("field", "type", "required", "code list / allowed values", "range",
                    "pattern", "confidentiality", "description");
            assertThat(paragraph.toString()).contains(type.name(), "Natural key: " + String.join(", ", type.key()),
                    "./a4p import --type " + id + " FILE.xlsx", "revises");
            List<String> names = new ArrayList<>();
            for (int r = table + 1; r <= notes.getLastRowNum(); r++) {
                names.add(text(notes.getRow(r).getCell(0)));
            }
            assertThat(names).containsExactlyElementsOf(fields.stream().map(Field::name).toList());
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                List<String> row = rowText(notes.getRow(table + 1 + i));
                assertThat(row.get(1)).isEqualTo(field.type().word());
                assertThat(row.get(2)).isEqualTo(field.required() ? "yes" : "no");
                if (field.type() == FieldType.CODE) {
                    CodeList list = pack().codeLists().get(field.codeList());
                    list.labels().forEach((code, label) -> assertThat(row.get(3)).contains(code + " = " + label));
                }
                if (field.min() != null && field.max() != null) {
                    assertThat(row.get(4)).isEqualTo(plain(field.min()) + " to " + plain(field.max()));
                }
                assertThat(row.get(5)).isEqualTo(field.pattern() == null ? "" : field.pattern());
                assertThat(row.get(6)).startsWith(field.confidentiality().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @Test
    void casesExplainTheirStagesAndLeaveDerivedDatesOut() throws Exception {
        RecordType type = pack().recordTypes().values().stream().filter(t -> t.stages() != null).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(type != null, "the pack has no record type with stages");
        try (XSSFWorkbook workbook = written(type)) {
            List<String> header = rowText(workbook.getSheet("data").getRow(0));
            assertThat(header).doesNotContainAnyElementsOf(type.stages().derivedFields());
            StringBuilder notes = new StringBuilder();
            workbook.getSheet("notes").forEach(row -> notes.append(text(row.getCell(0))).append('\n'));
            assertThat(notes.toString()).contains("Stages: each row reports the stage", String.join(", ", type.stages().order()));
        }
    }
}
