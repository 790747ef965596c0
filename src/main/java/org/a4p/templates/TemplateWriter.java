package org.a4p.templates;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.a4p.exchange.SpreadsheetText;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;
import org.a4p.orgunit.Scope;
import org.a4p.pack.CodeList;
import org.a4p.pack.Confidentiality;
import org.a4p.pack.Field;
import org.a4p.pack.FieldType;
import org.a4p.pack.Layout;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.pack.Stages;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an Excel workbook for field officers to fill in records of one record type, which
 * {@code a4p import} then reads as is:
 * <ul>
 *   <li>sheet {@value #DATA_SHEET}: the header row in our own layout (one column per field, in pack
 *       order; bold, frozen, required fields filled orange, every header with a note on what to
 *       enter, restricted fields flagged), a valid example row, and per column the validation Excel
 *       can do: drop-downs for codes, missions, sites and true/false, date and number ranges, text
 *       length; rows 2 to {@value #LAST_ROW};</li>
 *   <li>sheet {@value #NOTES_SHEET}: the record type, its natural key, how to import, and one row
 *       per field (type, required, allowed values, range, pattern, confidentiality, description);</li>
 *   <li>hidden sheet {@value #LISTS_SHEET}: the lists too long for an in-cell list (missions, sites,
 *       long code lists), each behind a named range.</li>
 * </ul>
 */
public final class TemplateWriter {
    public static final String DATA_SHEET = "data";
    public static final String NOTES_SHEET = "notes";
    public static final String LISTS_SHEET = "lists";
    /** The last row (1-based, as Excel shows it) that the validations cover. */
    public static final int LAST_ROW = 5000;
    /** The mission drop-down lists PKO and SPM missions still active on or after this date. */
    public static final LocalDate ACTIVE_SINCE = LocalDate.of(2017, 1, 1);
    public static final LocalDate FIRST_DATE = LocalDate.of(1945, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    /** The example row's date and, when the pack has it and it is active then, its mission. */
    public static final LocalDate EXAMPLE_DATE = LocalDate.of(2024, 1, 31);
    public static final String EXAMPLE_MISSION = "MINUSCA";
    /** Named ranges (on the hidden sheet) behind the mission and site drop-downs. */
    public static final String MISSIONS_RANGE = "list_missions";
    public static final String SITES_RANGE = "list_sites";
    /** The note on the example row's first cell. */
    public static final String EXAMPLE_NOTE = "Example row: replace or delete it (if left in, it is imported as a record).";
    /** The longest text the importer takes (its RowValidator's limit). */
    static final int MAX_TEXT = 4000;
    /** Excel's limit on the characters of an in-cell list ("a,b,c"); longer lists go to the lists sheet. */
    private static final int INLINE_LIST_LIMIT = 255;
    private static final String AUTHOR = "A4P+ Monitor";
    private static final String RESTRICTED_NOTE =
            "Restricted: visible to the restricted (need-to-know) role only; never published.";

    private final Pack pack;
    private final List<String> missionChoices;
    private final List<String> siteChoices;

    public TemplateWriter(Pack pack) {
        this.pack = pack;
        OrgUnits units = pack.orgUnits();
        this.missionChoices = units.missions().stream()
                .filter(m -> units.scope(m.scope()).map(Scope::inTemplates).orElse(false))
                .filter(m -> m.end() == null || !m.end().isBefore(ACTIVE_SINCE))
                .map(OrgUnit::code).sorted().toList();
        this.siteChoices = units.all().stream().filter(u -> u.level() == OrgUnit.Level.SITE)
                .map(OrgUnit::code).sorted().toList();
    }

    /** The missions of the mission drop-down: PKO and SPM missions active on or after {@link #ACTIVE_SINCE}. */
    public List<String> missionChoices() {
        return missionChoices;
    }

    /** The site codes of the site drop-down: every site of the pack. */
    public List<String> siteChoices() {
        return siteChoices;
    }

    /**
     * The fields a file carries, in pack order: those of the record type's own layout. Fields the
     * store derives (the stage dates of a case) are not columns of the template.
     */
    public List<Field> columns(RecordType type) {
        Layout own = ownLayout(type);
        return type.fields().stream()
                .filter(f -> !type.isDerived(f.name()))
                .filter(f -> own == null || own.fields().containsKey(f.name()))
                .toList();
    }

    /** The column names of the record type's own layout (the field names), one per {@link #columns} entry. */
    public List<String> header(RecordType type) {
        Layout own = ownLayout(type);
        List<String> names = new ArrayList<>();
        for (Field field : columns(type)) {
            Layout.ColumnMapping mapping = own == null ? null : own.fields().get(field.name());
            names.add(mapping != null && mapping.column() != null ? mapping.column() : field.name());
        }
        return names;
    }

    private Layout ownLayout(RecordType type) {
        Layout own = pack.layouts().get(type.id());
        return own != null && own.recordType().equals(type.id()) ? own : null;
    }

    /** How many columns of the template have a drop-down (code, mission, site and true/false columns). */
    public int dropDowns(RecordType type) {
        int count = 0;
        for (Field field : columns(type)) {
            if (hasDropDown(field)) {
                count++;
            }
        }
        return count;
    }

    private boolean hasDropDown(Field field) {
        return switch (field.type()) {
            case CODE -> codeList(field).map(l -> !l.codes().isEmpty()).orElse(false);
            case MISSION -> !missionChoices.isEmpty();
            case SITE -> !siteChoices.isEmpty();
            case BOOLEAN -> true;
            default -> false;
        };
    }

    /**
     * The example row, a record the importer accepts: per field a {@link LocalDate},
     * {@link LocalDateTime}, {@link Long}, {@link Double}, {@link Boolean} or {@link String}; fields
     * for which no valid value could be made are absent.
     */
    public Map<String, Object> example(RecordType type) {
        Map<String, Object> values = new LinkedHashMap<>();
        Optional<OrgUnit> mission = exampleMission(type);
        LocalDate date = mission.map(this::exampleDate).orElse(EXAMPLE_DATE);
        Optional<OrgUnit> site = mission.flatMap(this::exampleSite);
        for (Field field : columns(type)) {
            Object value = switch (field.type()) {
                case DATE -> date;
                case TIMESTAMP -> date.atTime(9, 30);
                case INTEGER -> exampleNumber(field, BigDecimal.ONE).setScale(0, RoundingMode.CEILING).longValueExact();
                case DECIMAL -> exampleNumber(field, new BigDecimal("1.5")).doubleValue();
                case BOOLEAN -> Boolean.FALSE;
                case CODE -> codeList(field).flatMap(l -> l.codes().stream().findFirst()).orElse(null);
                case MISSION -> mission.map(OrgUnit::code).orElse(null);
                case SITE -> site.map(OrgUnit::code).orElse(null);
                case TEXT -> field.pattern() == null ? ExampleText.free(field.name()) : ExampleText.matching(field.pattern()).orElse(null);
            };
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        return values;
    }

    /** Writes the template of {@code type} to {@code out} (replacing it), through a temporary file. */
    public void write(RecordType type, Path out) {
        Path target = out.toAbsolutePath();
        Path tmp = null;
        try (XSSFWorkbook workbook = build(type)) {
            tmp = Files.createTempFile(target.getParent(), ".a4p-template-", ".xlsx");
            try (OutputStream stream = Files.newOutputStream(tmp)) {
                workbook.write(stream);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // left behind; nothing better to do
                }
            }
        }
    }

    /** The workbook of {@code type}, in memory. */
    XSSFWorkbook build(RecordType type) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        try {
            new Build(workbook, type).run();
            return workbook;
        } catch (RuntimeException e) {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
    }

    private Optional<CodeList> codeList(Field field) {
        return Optional.ofNullable(field.codeList()).map(id -> pack.codeLists().get(id));
    }

    // ---------------------------------------------------------------- the example row

    /** MINUSCA if the pack has it active on the example date, else the first listed mission that is. */
    private Optional<OrgUnit> exampleMission(RecordType type) {
        OrgUnits units = pack.orgUnits();
        List<String> candidates = new ArrayList<>();
        candidates.add(EXAMPLE_MISSION);
        candidates.addAll(missionChoices);
        units.missions().forEach(m -> candidates.add(m.code()));
        boolean needsSite = type.siteField() != null && type.field(type.siteField()).isPresent();
        Optional<OrgUnit> fallback = Optional.empty();
        for (String code : candidates) {
            Optional<OrgUnit> mission = units.mission(code);
            if (mission.isEmpty() || (needsSite && units.sitesOf(code).isEmpty())) {
                continue;
            }
            if (mission.get().isActiveOn(EXAMPLE_DATE)) {
                return mission;
            }
            if (fallback.isEmpty()) {
                fallback = mission;
            }
        }
        return fallback;
    }

    /** The example date if the mission was active then, else a date within its life. */
    private LocalDate exampleDate(OrgUnit mission) {
        if (mission.isActiveOn(EXAMPLE_DATE)) {
            return EXAMPLE_DATE;
        }
        return mission.end() != null ? mission.end() : mission.start();
    }

    /** The mission's site nearest to its headquarters (the mission's coordinates), else its first. */
    private Optional<OrgUnit> exampleSite(OrgUnit mission) {
        List<OrgUnit> sites = pack.orgUnits().sitesOf(mission.code()).stream()
                .sorted(Comparator.comparing(OrgUnit::code)).toList();
        if (mission.latitude() == null || mission.longitude() == null) {
            return sites.stream().findFirst();
        }
        return sites.stream().filter(s -> s.latitude() != null && s.longitude() != null)
                .min(Comparator.comparingDouble(s -> Math.hypot(s.latitude() - mission.latitude(), s.longitude() - mission.longitude())))
                .or(() -> sites.stream().findFirst());
    }

    private static BigDecimal exampleNumber(Field field, BigDecimal preferred) {
        BigDecimal value = preferred;
        if (field.min() != null && value.compareTo(field.min()) < 0) {
            value = field.min();
        }
        if (field.max() != null && value.compareTo(field.max()) > 0) {
            value = field.max();
        }
        if (field.type() == FieldType.INTEGER && value.stripTrailingZeros().scale() > 0) {
            BigDecimal up = value.setScale(0, RoundingMode.CEILING);
            value = field.max() == null || up.compareTo(field.max()) <= 0 ? up : value.setScale(0, RoundingMode.FLOOR);
        }
        return value;
    }

    // ---------------------------------------------------------------- texts shared by both sheets

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** "0 to 1000", "at least 0", "at most 5", or empty. */
    private static String range(Field field) {
        if (field.min() != null && field.max() != null) {
            return plain(field.min()) + " to " + plain(field.max());
        }
        if (field.min() != null) {
            return "at least " + plain(field.min());
        }
        return field.max() != null ? "at most " + plain(field.max()) : "";
    }

    private static String confidentiality(Field field) {
        Confidentiality c = field.confidentiality() == null ? Confidentiality.PUBLIC : field.confidentiality();
        return switch (c) {
            case PUBLIC -> "public";
            case INTERNAL -> "internal: staff only";
            case RESTRICTED -> "restricted: visible to the restricted (need-to-know) role only; never published";
        };
    }

    /** One line on what a column takes, for its header note. */
    private String whatToEnter(RecordType type, Field field) {
        return switch (field.type()) {
            case DATE -> "A date (yyyy-mm-dd), such as " + EXAMPLE_DATE + "."
                    + (field.name().equals(type.dateField()) ? " It must fall within the life of the row's mission." : "");
            case TIMESTAMP -> "A date and time in UTC (yyyy-mm-dd hh:mm), such as " + EXAMPLE_DATE + " 09:30.";
            case INTEGER -> "A whole number" + (range(field).isEmpty() ? "." : ", " + range(field) + ".");
            case DECIMAL -> "A number" + (range(field).isEmpty() ? "." : ", " + range(field) + ".");
            case BOOLEAN -> "true or false (pick from the list).";
            case CODE -> "A code of code list " + field.codeList() + " (pick from the list; the codes and their meaning are on sheet notes).";
            case MISSION -> "A mission acronym such as " + EXAMPLE_MISSION + " (pick from the list).";
            case SITE -> "A site code such as MINUSCA-BANGUI, of the row's mission (pick from the list).";
            case TEXT -> field.pattern() == null ? "Text, up to " + MAX_TEXT + " characters."
                    : "Text matching the pattern " + field.pattern() + ".";
        };
    }

    /** The allowed values of a field, for the notes sheet. */
    private String allowedValues(RecordType type, Field field) {
        return switch (field.type()) {
            case CODE -> codeList(field).map(list -> "code list " + list.id() + " (" + list.name() + "):\n"
                    + list.labels().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n")))
                    .orElse("code list " + field.codeList());
            case MISSION -> "a mission acronym. The drop-down lists the " + missionChoices.size()
                    + " peacekeeping operations (PKO) and special political missions (SPM) active on or after " + ACTIVE_SINCE
                    + "; any other mission known to A4P+ Monitor (" + pack.orgUnits().missions().size()
                    + " in all, older ones too) is accepted: Excel warns, answer Yes.";
            case SITE -> "a site code (" + siteChoices.size() + " in the drop-down), which must be a site of the row's mission"
                    + exampleSiteHint() + ".";
            case BOOLEAN -> "true or false (yes/no and 1/0 are accepted too)";
            case DATE -> "a date (yyyy-mm-dd) from " + FIRST_DATE + " to " + LAST_DATE
                    + (field.name().equals(type.dateField()) ? "; it places the record in time and must fall within the life of the row's mission" : "");
            case TIMESTAMP -> "a date and time in UTC (yyyy-mm-dd hh:mm)";
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number (decimal point)";
            case TEXT -> "text, up to " + MAX_TEXT + " characters" + (field.pattern() == null ? "" : ", matching the pattern");
        };
    }

    private String exampleSiteHint() {
        return pack.orgUnits().mission(EXAMPLE_MISSION).flatMap(this::exampleSite)
                .map(s -> " (for example " + s.code() + " of " + EXAMPLE_MISSION + ")").orElse("");
    }

    // ---------------------------------------------------------------- building one workbook

    /** The state of one workbook being built. */
    private final class Build {
        private final XSSFWorkbook workbook;
        private final RecordType type;
        private final List<Field> fields;
        private final List<String> header;
        private final XSSFDataValidationHelper validations;
        private final Styles styles;
        private XSSFSheet lists;

        Build(XSSFWorkbook workbook, RecordType type) {
            this.workbook = workbook;
            this.type = type;
            this.fields = columns(type);
            this.header = header(type);
            this.styles = new Styles(workbook);
            XSSFSheet data = workbook.createSheet(DATA_SHEET);
            this.validations = new XSSFDataValidationHelper(data);
        }

        void run() {
            XSSFSheet data = workbook.getSheet(DATA_SHEET);
            XSSFSheet notes = workbook.createSheet(NOTES_SHEET);
            writeData(data);
            writeNotes(notes);
            if (lists != null) {
                workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            }
            workbook.setActiveSheet(0);
            workbook.setSelectedTab(0);
            var properties = workbook.getProperties().getCoreProperties();
            properties.setTitle("A4P+ Monitor template: " + type.name());
            properties.setSubjectProperty("Records of type " + type.id() + " to import with: ./a4p import --type " + type.id() + " FILE.xlsx");
            properties.setCreator(AUTHOR);
        }

        // ------------------------------------------------------------ sheet data

        private void writeData(XSSFSheet sheet) {
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            Row head = sheet.createRow(0);
            Map<String, Object> example = example(type);
            Row exampleRow = sheet.createRow(1);
            for (int col = 0; col < fields.size(); col++) {
                Field field = fields.get(col);
                Cell cell = head.createCell(col);
                cell.setCellStyle(styles.header(field.required(), field.isRestricted()));
                SpreadsheetText.setText(cell, header.get(col));
                comment(drawing, cell, headerNote(field));

                CellStyle columnStyle = styles.column(field.type());
                sheet.setDefaultColumnStyle(col, columnStyle);
                Object value = example.get(field.name());
                Cell exampleCell = exampleRow.createCell(col);
                exampleCell.setCellStyle(columnStyle);
                set(exampleCell, value);
                sheet.setColumnWidth(col, width(field, header.get(col), value));
                validate(sheet, col, field);
            }
            if (!fields.isEmpty()) {
                comment(drawing, exampleRow.getCell(0), EXAMPLE_NOTE);
            }
            sheet.createFreezePane(0, 1);
        }

        private String headerNote(Field field) {
            List<String> lines = new ArrayList<>();
            lines.add(field.required() ? "Required." : "Optional.");
            if (type.key().contains(field.name())) {
                lines.add("Part of the natural key (" + String.join(", ", type.key()) + "): importing the same key again revises the record.");
            }
            if (field.isRestricted()) {
                lines.add(RESTRICTED_NOTE);
            }
            lines.add(whatToEnter(type, field));
            if (field.description() != null && !field.description().isBlank()) {
                lines.add(field.description().strip());
            }
            return String.join("\n", lines);
        }

        private void set(Cell cell, Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
            } else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
            } else if (value instanceof Long number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Double number) {
                cell.setCellValue(number);
            } else {
                // booleans as the text of the true/false list, in a text-formatted column
                SpreadsheetText.setText(cell, value.toString());
            }
        }

        private int width(Field field, String name, Object example) {
            int chars = (int) Math.ceil(name.length() * 1.2) + 3; // bold text is wider
            chars = Math.max(chars, 10);
            chars = switch (field.type()) {
                case DATE -> Math.max(chars, 12);
                case TIMESTAMP -> Math.max(chars, 17);
                case CODE -> Math.max(chars, codeList(field).map(l -> l.codes().stream().mapToInt(String::length).max().orElse(0) + 4).orElse(0));
                case MISSION -> Math.max(chars, missionChoices.stream().mapToInt(String::length).max().orElse(0) + 4);
                case SITE -> Math.max(chars, Math.min(30, siteChoices.stream().mapToInt(String::length).max().orElse(0) + 4));
                case TEXT -> Math.max(chars, example == null ? 0 : example.toString().length() + 2);
                default -> chars;
            };
            return Math.min(chars, 60) * 256;
        }

        // ------------------------------------------------------------ validations

        private void validate(XSSFSheet sheet, int col, Field field) {
            CellRangeAddressList cells = new CellRangeAddressList(1, LAST_ROW - 1, col, col);
            switch (field.type()) {
                case CODE -> codeList(field).filter(l -> !l.codes().isEmpty()).ifPresent(list -> add(sheet,
                        listConstraint("list_" + list.id(), list.id(), list.codes()), cells, DataValidation.ErrorStyle.STOP,
                        "Not in the code list", "Choose a code from the list: code list " + list.id()));
                case MISSION -> {
                    if (!missionChoices.isEmpty()) {
                        add(sheet, validations.createFormulaListConstraint(namedRange(MISSIONS_RANGE,
                                        "mission: PKO and SPM active since " + ACTIVE_SINCE, missionChoices)),
                                cells, DataValidation.ErrorStyle.WARNING, "Mission not in the list",
                                "Choose a mission from the list (missions active since " + ACTIVE_SINCE.getYear()
                                        + "). Another mission acronym known to A4P+ Monitor? Answer Yes to keep it.");
                    }
                }
                case SITE -> {
                    if (!siteChoices.isEmpty()) {
                        add(sheet, validations.createFormulaListConstraint(namedRange(SITES_RANGE, "site", siteChoices)),
                                cells, DataValidation.ErrorStyle.STOP, "Not a known site",
                                "Choose a site code from the list, a site of the row's mission (such as MINUSCA-BANGUI).");
                    }
                }
                case BOOLEAN -> add(sheet, validations.createExplicitListConstraint(new String[] {"true", "false"}), cells,
                        DataValidation.ErrorStyle.STOP, "Not true or false", "Choose true or false.");
                case DATE -> add(sheet, validations.createDateConstraint(OperatorType.BETWEEN, excelDate(FIRST_DATE),
                                excelDate(LAST_DATE), null), cells, DataValidation.ErrorStyle.STOP, "Not a date",
                        "Enter a date between " + FIRST_DATE + " and " + LAST_DATE + ", such as " + EXAMPLE_DATE + ".");
                case TIMESTAMP -> add(sheet, validations.createDateConstraint(OperatorType.BETWEEN, excelDate(FIRST_DATE),
                                excelDate(LAST_DATE) + "+TIME(23,59,59)", null), cells, DataValidation.ErrorStyle.STOP,
                        "Not a date and time", "Enter a date and time (UTC) between " + FIRST_DATE + " and " + LAST_DATE
                                + ", such as " + EXAMPLE_DATE + " 09:30.");
                case INTEGER -> add(sheet, numberConstraint(field, true), cells, DataValidation.ErrorStyle.STOP,
                        "Not a whole number", "Enter a whole number" + (range(field).isEmpty() ? "." : ", " + range(field) + "."));
                case DECIMAL -> add(sheet, numberConstraint(field, false), cells, DataValidation.ErrorStyle.STOP,
                        "Not a number", "Enter a number" + (range(field).isEmpty() ? "." : ", " + range(field) + "."));
                case TEXT -> add(sheet, validations.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL, Integer.toString(MAX_TEXT), null),
                        cells, DataValidation.ErrorStyle.STOP, "Text too long", "Enter at most " + MAX_TEXT + " characters.");
            }
        }

        private String excelDate(LocalDate date) {
            return "DATE(" + date.getYear() + "," + date.getMonthValue() + "," + date.getDayOfMonth() + ")";
        }

        private DataValidationConstraint numberConstraint(Field field, boolean whole) {
            String low = field.min() == null ? null : plain(field.min());
            String high = field.max() == null ? null : plain(field.max());
            int operator;
            String f1;
            String f2 = null;
            if (low != null && high != null) {
                operator = OperatorType.BETWEEN;
                f1 = low;
                f2 = high;
            } else if (low != null) {
                operator = OperatorType.GREATER_OR_EQUAL;
                f1 = low;
            } else if (high != null) {
                operator = OperatorType.LESS_OR_EQUAL;
                f1 = high;
            } else {
                operator = OperatorType.BETWEEN;
                f1 = "-999999999999999";
                f2 = "999999999999999";
            }
            return whole ? validations.createIntegerConstraint(operator, f1, f2) : validations.createDecimalConstraint(operator, f1, f2);
        }

        /** An in-cell list when it fits Excel's limit, else a named range on the lists sheet. */
        private DataValidationConstraint listConstraint(String rangeName, String title, List<String> values) {
            int length = values.stream().mapToInt(String::length).sum() + values.size() - 1;
            boolean inline = length <= INLINE_LIST_LIMIT && values.stream().noneMatch(v -> v.contains(",") || v.contains("\""));
            if (inline) {
                return validations.createExplicitListConstraint(values.toArray(String[]::new));
            }
            return validations.createFormulaListConstraint(namedRange(rangeName, title, values));
        }

        private void add(XSSFSheet sheet, DataValidationConstraint constraint, CellRangeAddressList cells, int errorStyle,
                String title, String message) {
            DataValidation validation = validations.createValidation(constraint, cells);
            validation.setEmptyCellAllowed(true);
            validation.setShowErrorBox(true);
            validation.setErrorStyle(errorStyle);
            validation.createErrorBox(title.length() > 32 ? title.substring(0, 32) : title, message);
            // Never setSuppressDropDownArrow(false) here: POI writes it as showDropDown="1", which Excel
            // reads as "hide the arrow". Left unset, list validations show their drop-down arrow.
            sheet.addValidationData(validation);
        }

        /** Writes the values to a new column of the hidden lists sheet and names them; returns the name. */
        private String namedRange(String name, String title, List<String> values) {
            if (workbook.getName(name) != null) {
                return name;
            }
            if (lists == null) {
                lists = workbook.createSheet(LISTS_SHEET);
            }
            int col = lists.getRow(0) == null ? 0 : lists.getRow(0).getLastCellNum();
            Row titleRow = lists.getRow(0) == null ? lists.createRow(0) : lists.getRow(0);
            Cell head = titleRow.createCell(col);
            head.setCellStyle(styles.bold);
            SpreadsheetText.setText(head, title);
            for (int i = 0; i < values.size(); i++) {
                Row row = lists.getRow(i + 1) == null ? lists.createRow(i + 1) : lists.getRow(i + 1);
                SpreadsheetText.setText(row.createCell(col), values.get(i));
            }
            lists.setColumnWidth(col, Math.min(60, Math.max(title.length(), values.stream().mapToInt(String::length).max().orElse(0)) + 2) * 256);
            String letter = CellReference.convertNumToColString(col);
            Name named = workbook.createName();
            named.setNameName(name);
            named.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1));
            return name;
        }

        // ------------------------------------------------------------ sheet notes

        private void writeNotes(XSSFSheet sheet) {
            int r = 0;
            Cell title = sheet.createRow(r++).createCell(0);
            title.setCellStyle(styles.title);
            SpreadsheetText.setText(title, type.name() + " (record type " + type.id() + ")");
            List<String> paragraph = new ArrayList<>();
            if (type.description() != null && !type.description().isBlank()) {
                paragraph.add(type.description().strip().replaceAll("\\s+", " "));
            }
            paragraph.add("Natural key: " + String.join(", ", type.key()) + ". These fields identify a record: importing a row whose key"
                    + " is already stored revises that record (the old version is kept in history); importing the same file twice"
                    + " changes nothing; two rows of one file with the same key are an error.");
            if (type.stages() != null) {
                Stages stages = type.stages();
                paragraph.add("Stages: each row reports the stage a case had reached (" + stages.field() + ") and when ("
                        + stages.dateField() + "). When the case reaches a new stage, report it again in a later file: every report"
                        + " is kept as the case's dated history. Stages in order: " + String.join(", ", stages.order())
                        + (stages.terminal().isEmpty() ? "" : "; final: " + String.join(", ", stages.terminal()))
                        + ". The date each stage was first reached (" + String.join(", ", stages.derivedFields())
                        + ") is derived from that history: those are not columns of this template.");
            }
            paragraph.add("How to import: fill the sheet '" + DATA_SHEET + "' (keep its header row; one record per row from row 2;"
                    + " replace or delete the example row), save the workbook as .xlsx, then run:  ./a4p import --type " + type.id()
                    + " FILE.xlsx  Every row is checked; if any row is wrong, nothing is written and every error is listed with its row"
                    + " and column.");
            paragraph.add("Header colours: orange = required, grey = optional; dark red text = restricted field. Each header cell has a"
                    + " note on what to enter. Dates are real Excel dates (shown yyyy-mm-dd).");
            for (String text : paragraph) {
                Row row = sheet.createRow(r);
                Cell cell = row.createCell(0);
                cell.setCellStyle(styles.wrap);
                SpreadsheetText.setText(cell, text);
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 7));
                row.setHeightInPoints(15f * (1 + text.length() / 150));
                r++;
            }
            r++;
            String[] columns = {"field", "type", "required", "code list / allowed values", "range", "pattern", "confidentiality", "description"};
            int[] widths = {26, 10, 10, 60, 16, 24, 24, 60};
            Row head = sheet.createRow(r++);
            for (int c = 0; c < columns.length; c++) {
                Cell cell = head.createCell(c);
                cell.setCellStyle(styles.tableHeader);
                SpreadsheetText.setText(cell, columns[c]);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                Row row = sheet.createRow(r++);
                String[] values = {header.get(i), field.type().word(), field.required() ? "yes" : "no", allowedValues(type, field),
                        range(field), field.pattern() == null ? "" : field.pattern(), confidentiality(field),
                        field.description() == null ? "" : field.description().strip()};
                int lines = 1;
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(styles.wrap);
                    SpreadsheetText.setText(cell, values[c]);
                    lines = Math.max(lines, lines(values[c], widths[c]));
                }
                row.setHeightInPoints(15f * lines);
            }
        }

        private int lines(String text, int width) {
            int lines = 0;
            for (String line : text.split("\n", -1)) {
                lines += 1 + line.length() / Math.max(1, width - 2);
            }
            return lines;
        }

        private void comment(Drawing<?> drawing, Cell cell, String text) {
            ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
            int lines = lines(text, 40);
            anchor.setCol1(cell.getColumnIndex() + 1);
            anchor.setCol2(cell.getColumnIndex() + 4);
            anchor.setRow1(cell.getRowIndex());
            anchor.setRow2(cell.getRowIndex() + lines + 2);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(workbook.getCreationHelper().createRichTextString(text));
            comment.setAuthor(AUTHOR);
            cell.setCellComment(comment);
        }
    }

    /** The cell styles of one workbook. */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle title;
        final CellStyle wrap;
        final CellStyle tableHeader;
        private final CellStyle[] headers = new CellStyle[4];
        private final Map<FieldType, CellStyle> columns = new LinkedHashMap<>();
        private final XSSFWorkbook workbook;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font restrictedFont = workbook.createFont();
            restrictedFont.setBold(true);
            restrictedFont.setColor(IndexedColors.DARK_RED.getIndex());
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            tableHeader = workbook.createCellStyle();
            tableHeader.setFont(boldFont);
            tableHeader.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            tableHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            tableHeader.setBorderBottom(BorderStyle.THIN);
            for (int i = 0; i < 4; i++) {
                boolean required = (i & 1) != 0;
                boolean restricted = (i & 2) != 0;
                CellStyle style = workbook.createCellStyle();
                style.setFont(restricted ? restrictedFont : boldFont);
                style.setFillForegroundColor(required ? IndexedColors.LIGHT_ORANGE.getIndex() : IndexedColors.GREY_25_PERCENT.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                style.setBorderBottom(BorderStyle.THIN);
                style.setDataFormat(workbook.createDataFormat().getFormat("@"));
                headers[i] = style;
            }
        }

        CellStyle header(boolean required, boolean restricted) {
            return headers[(required ? 1 : 0) | (restricted ? 2 : 0)];
        }

        /** The format of a data column: dates as yyyy-mm-dd, codes and text as text, numbers plain. */
        CellStyle column(FieldType type) {
            return columns.computeIfAbsent(type, t -> {
                CellStyle style = workbook.createCellStyle();
                String format = switch (t) {
                    case DATE -> "yyyy-mm-dd";
                    case TIMESTAMP -> "yyyy-mm-dd hh:mm";
                    case INTEGER -> "0";
                    case DECIMAL -> "General";
                    case CODE, MISSION, SITE, TEXT, BOOLEAN -> "@";
                };
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                return style;
            });
        }
    }
}
