package org.a4p.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads written templates back with POI, as Excel would see them. */
final class Workbooks {
    private static final DataFormatter TEXT = new DataFormatter();

    private Workbooks() {}

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static void save(XSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    static String text(Cell cell) {
        return cell == null ? "" : TEXT.formatCellValue(cell);
    }

    static List<String> rowText(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            out.add(text(row.getCell(c)));
        }
        return out;
    }

    /** The validation covering the column's data rows (2 to 5000), if any. */
    static Optional<DataValidation> validation(Sheet sheet, int column) {
        for (DataValidation v : sheet.getDataValidations()) {
            for (CellRangeAddress range : v.getRegions().getCellRangeAddresses()) {
                if (range.getFirstColumn() <= column && column <= range.getLastColumn()
                        && range.getFirstRow() == 1 && range.getLastRow() == TemplateWriter.LAST_ROW - 1) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /** The values a list validation offers: its in-cell list, or the cells of the named range it refers to. */
    static List<String> listValues(XSSFWorkbook workbook, DataValidation validation) {
        DataValidationConstraint constraint = validation.getValidationConstraint();
        if (constraint.getExplicitListValues() != null) {
            return List.of(constraint.getExplicitListValues());
        }
        return rangeValues(workbook, constraint.getFormula1());
    }

    static List<String> rangeValues(XSSFWorkbook workbook, String rangeName) {
        Name name = workbook.getName(rangeName);
        if (name == null) {
            throw new AssertionError("no named range " + rangeName);
        }
        AreaReference area = new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        List<String> out = new ArrayList<>();
        for (CellReference ref : area.getAllReferencedCells()) {
            Sheet sheet = workbook.getSheet(ref.getSheetName());
            Row row = sheet.getRow(ref.getRow());
            out.add(row == null ? "" : text(row.getCell(ref.getCol())));
        }
        return out;
    }
}
