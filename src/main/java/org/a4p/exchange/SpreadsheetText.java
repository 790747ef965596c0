package org.a4p.exchange;

import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellPropertyType;
import org.apache.poi.ss.util.CellUtil;

/**
 * Keeps the text the product writes to CSV and XLSX from being run as a formula by the spreadsheet
 * that opens it (OWASP, "CSV Injection"): a text value that starts with =, +, -, @, tab or carriage
 * return is marked as text. Numbers are left alone: -5 and +3.2 are numbers, not formulas.
 */
public final class SpreadsheetText {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetText() {}

    /** Whether a spreadsheet could take {@code text} for a formula: it starts like one and is not a number. */
    static boolean looksLikeFormula(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches();
    }

    /** {@code text} behind a single quote when it looks like a formula, else as it is (null stays null). */
    public static String neutralise(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }

    /**
     * The values of one CSV record, for {@code CSVPrinter.printRecord}: numbers and null as they are,
     * anything else printed as text and neutralised.
     */
    public static Object[] csvRecord(Object... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            out[i] = value == null || value instanceof Number ? value : neutralise(value.toString());
        }
        return out;
    }

    /**
     * Writes {@code text} to a workbook cell as text. When it looks like a formula, the value stays
     * as it is (so the workbook's own lists and example rows still import) and the cell's style gets
     * Excel's quote prefix, what Excel stores when one types a leading single quote: the cell is
     * shown, edited and re-entered as text. Call it after setting the cell's style, which it keeps.
     */
    public static void setText(Cell cell, String text) {
        cell.setCellValue(text);
        if (looksLikeFormula(text)) {
            CellUtil.setCellStyleProperty(cell, CellPropertyType.QUOTE_PREFIXED, true);
        }
    }
}
