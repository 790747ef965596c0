package org.a4p.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * XLSX through POI's streaming event API: {@link XSSFReader}, {@link ReadOnlySharedStringsTable} and
 * {@link XSSFSheetXMLHandler}. The sheet XML is pulled with StAX and fed to the handler one element at
 * a time, so rows come out on demand (no reader thread, no buffering of rows) and memory stays flat.
 * Reads the sheet named {@code data} (any case) if there is one, else the first worksheet. The first
 * row with a value is the header. Cells become text: dates (date-formatted numbers) as
 * {@code yyyy-MM-dd}, or {@code yyyy-MM-dd'T'HH:mm} (plus {@code :ss} when the seconds are not zero)
 * when there is a time of day, time-only values as {@code HH:mm}; other numbers in plain notation
 * rounded to Excel's 15 significant digits, no trailing zeros; booleans {@code true}/{@code false};
 * error cells as their code ({@code #DIV/0!}); formulas as their cached value. Blank cells are
 * {@code null}; rows without any value are skipped. A value to the right of the last header column is
 * an error. Hostile workbooks are refused: XML with a document type declaration (the door to external
 * entities, which are never resolved), parts that inflate more than {@link Limits#MAX_INFLATION} times
 * or beyond {@link #MAX_PART_BYTES} (zip bombs), and the bounds of {@link Limits}.
 */
final class XlsxTableSource extends AbstractTableSource {

    private static final String DATA_SHEET = "data";
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final int LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
    /** Inflated size of one part; a sheet of a million rows of ten columns is about 300 MB of XML. */
    static final long MAX_PART_BYTES = 1L << 30;
    private static final String DOCTYPE = "the workbook's XML holds a document type declaration (DOCTYPE), which Excel"
            + " never writes and which could make a reader fetch other files; it was not read";

    static {
        // POI's guards are process-wide settings: pinned here so that the bounds do not depend on POI's defaults
        ZipSecureFile.setMinInflateRatio(1.0 / Limits.MAX_INFLATION);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private final String fileName;
    private final Path tempToDelete;
    private final OPCPackage pkg;
    private final InputStream sheetStream;
    private final CountingInputStream counted;
    private final long sheetBytes;
    private final XMLStreamReader xml;
    private final XSSFSheetXMLHandler handler;
    private final AttributesImpl attributes = new AttributesImpl();
    private final AttributesImpl noAttributes = new AttributesImpl();
    private final CellFormatter formatter;
    private String sheetName;

    // state of the row being assembled
    private String cellType;
    private int rowIndex;
    private String[] cells = new String[16];
    private int maxColumn = -1;
    private int nextColumn;

    private List<String> header;
    private int width;
    private volatile boolean done; // read by progress() from other threads
    private boolean closed;

    static TableSource open(String fileName, Path file) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError e) { // LinkageError: an entry compressed in a way POI needs an absent codec for
            throw notWorkbook(fileName, file, e);
        }
        return new XlsxTableSource(fileName, pkg, null);
    }

    /** Copies the stream to a temporary file (deleted on close) so that POI can read it zip-wise. */
    static TableSource open(String fileName, InputStream in) {
        Path tmp = null;
        try (in) {
            tmp = Files.createTempFile("a4p-upload-", ".xlsx");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ReadException(fileName, 0, "could not be read (" + e.getMessage() + ")", e);
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError e) { // LinkageError: an entry compressed in a way POI needs an absent codec for
            ReadException failure = notWorkbook(fileName, tmp, e);
            deleteQuietly(tmp);
            throw failure;
        }
        return new XlsxTableSource(fileName, pkg, tmp);
    }

    /** Why a file POI could not open as a package is refused: the words depend on what it starts as. */
    private static ReadException notWorkbook(String fileName, Path file, Throwable e) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (IOException unreadable) {
            head = new byte[0];
        }
        boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (zip && !isZipBomb(e)) {
            return new ReadException(fileName, 0, "the workbook is damaged or incomplete (was it cut short?)", e);
        }
        return notWorkbook(fileName, e);
    }

    private static ReadException notWorkbook(String fileName, Throwable e) {
        if (e instanceof OLE2NotOfficeXmlFileException) {
            return new ReadException(fileName, 0, "not an Excel workbook (xlsx) file: it is an old-style .xls "
                    + "workbook or a password-protected one; save it as an unprotected .xlsx workbook", e);
        }
        if (isZipBomb(e)) {
            return new ReadException(fileName, 0,
                    "the workbook is compressed unusually strongly or is unusually large (a possible zip bomb) and was not read", e);
        }
        if (hasDoctype(e)) {
            return new ReadException(fileName, 0, DOCTYPE, e);
        }
        return new ReadException(fileName, 0, "not an Excel workbook (xlsx) file", e);
    }

    private static boolean isZipBomb(Throwable e) {
        return causedBy(e, "Zip bomb");
    }

    /** POI's SAX and XMLBeans parsers refuse a DOCTYPE outright; this finds their refusal. */
    private static boolean hasDoctype(Throwable e) {
        return causedBy(e, "DOCTYPE");
    }

    private static boolean causedBy(Throwable e, String words) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(words)) {
                return true;
            }
        }
        return false;
    }

    private XlsxTableSource(String fileName, OPCPackage pkg, Path tempToDelete) {
        this.fileName = fileName;
        this.pkg = pkg;
        this.tempToDelete = tempToDelete;
        InputStream stream = null;
        XMLStreamReader reader = null;
        try {
            XSSFReader xssf = new XSSFReader(pkg);
            PackagePart sheet = chooseSheet(xssf);
            boolean date1904 = isDate1904(xssf);
            StylesTable styles = xssf.getStylesTable();
            SharedStrings strings = new CachedStrings(new ReadOnlySharedStringsTable(pkg, false));
            this.sheetBytes = sheet.getSize();
            stream = sheet.getInputStream();
            this.sheetStream = stream;
            this.counted = new CountingInputStream(stream);
            this.formatter = new CellFormatter(date1904);
            this.handler = new XSSFSheetXMLHandler(styles, null, strings, new Rows(), formatter, false);
            XMLInputFactory factory = XMLHelper.newXMLInputFactory();
            reader = factory.createXMLStreamReader(counted);
            this.xml = reader;
            while (header == null && !done) {
                pump();
            }
            if (header == null) {
                throw new ReadException(fileName, 0, "the sheet \"" + Limits.abbreviate(sheetName)
                        + "\" is empty: expected a first row with the column names");
            }
        } catch (ReadException e) {
            cleanUp(reader, stream);
            throw e;
        } catch (Exception | LinkageError e) {
            cleanUp(reader, stream);
            if (isZipBomb(e) || hasDoctype(e)) {
                throw notWorkbook(fileName, e);
            }
            if (e instanceof UnsupportedFileFormatException || e instanceof POIXMLException
                    || e instanceof org.apache.poi.openxml4j.exceptions.OpenXML4JException) {
                throw notWorkbook(fileName, e);
            }
            throw new ReadException(fileName, 0, "the workbook is damaged and could not be read", e);
        }
    }

    private void cleanUp(XMLStreamReader reader, InputStream stream) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing useful to do
            }
        }
        TableReaders.closeQuietly(stream);
        pkg.revert();
        deleteQuietly(tempToDelete);
    }

    /** The worksheet named "data" if any, else the first worksheet. */
    private PackagePart chooseSheet(XSSFReader xssf) throws Exception {
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) xssf.getSheetsData();
        PackagePart first = null;
        while (it.hasNext()) {
            TableReaders.closeQuietly(it.next()); // we only want the part; it is reopened when read
            PackagePart part = it.getSheetPart();
            if (part.getContentType() != null && part.getContentType().contains("chartsheet")) {
                continue;
            }
            if (DATA_SHEET.equalsIgnoreCase(it.getSheetName().strip())) {
                sheetName = it.getSheetName();
                return part;
            }
            if (first == null) {
                first = part;
                sheetName = it.getSheetName();
            }
        }
        if (first == null) {
            throw new ReadException(fileName, 0, "the workbook has no worksheet");
        }
        return first;
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
    private static boolean isDate1904(XSSFReader xssf) throws Exception {
        try (InputStream in = xssf.getWorkbookData()) {
            XMLStreamReader r = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        String local = r.getLocalName();
                        if ("workbookPr".equals(local)) {
                            String v = r.getAttributeValue(null, "date1904");
                            return "1".equals(v) || "true".equalsIgnoreCase(v);
                        }
                        if ("sheets".equals(local)) {
                            return false;
                        }
                    }
                }
                return false;
            } finally {
                r.close();
            }
        }
    }

    /** Feeds XML events to the handler until a data row is ready or the sheet ends. */
    private void pump() throws XMLStreamException, SAXException {
        XMLStreamReader r = xml;
        while (next == null && !done) {
            if (!r.hasNext()) {
                done = true;
                return;
            }
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String local = r.getLocalName();
                    String uri = r.getNamespaceURI();
                    AttributesImpl attrs = noAttributes;
                    int n = r.getAttributeCount();
                    if (n > 0 && (local.equals("c") || local.equals("row") || local.equals("f"))) {
                        attrs = attributes;
                        attrs.clear();
                        for (int i = 0; i < n; i++) {
                            String an = r.getAttributeLocalName(i);
                            String ap = r.getAttributePrefix(i);
                            String aq = ap == null || ap.isEmpty() ? an : ap + ":" + an;
                            String ans = r.getAttributeNamespace(i);
                            attrs.addAttribute(ans == null ? "" : ans, an, aq, "CDATA", r.getAttributeValue(i));
                        }
                        if (local.equals("c")) {
                            cellType = attrs.getValue("t");
                        }
                    } else if (local.equals("c")) {
                        cellType = null;
                    }
                    // the handler ignores qName: pass the local name rather than build prefix:local
                    handler.startElement(uri == null ? "" : uri, local, local, attrs);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String uri = r.getNamespaceURI();
                    String local = r.getLocalName();
                    handler.endElement(uri == null ? "" : uri, local, local);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        handler.characters(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.END_DOCUMENT -> done = true;
                case XMLStreamConstants.DTD -> throw new ReadException(fileName, 0, DOCTYPE);
                default -> {
                    // comments, processing instructions: nothing for the handler
                }
            }
        }
    }

    /**
     * The shared strings, each turned into text once. {@link ReadOnlySharedStringsTable#getItemAt}
     * builds a new XMLBeans-backed XSSFRichTextString on every call, which was a fifth of the reading
     * time; here each distinct string costs that once and later look-ups allocate nothing.
     */
    private static final class CachedStrings implements SharedStrings {
        private final SharedStrings table;
        // grown to the strings the sheet uses: sized by the count a file declares, a 2 KB file could ask for 8 GB
        private PlainText[] cache = new PlainText[64];

        CachedStrings(SharedStrings table) {
            this.table = table;
        }

        @Override
        public RichTextString getItemAt(int idx) {
            PlainText t = idx >= 0 && idx < cache.length ? cache[idx] : null;
            if (t == null) {
                t = new PlainText(table.getItemAt(idx).getString()); // POI reports an index it does not hold
                if (idx >= cache.length) {
                    cache = Arrays.copyOf(cache, Math.max(idx + 1, cache.length * 2));
                }
                cache[idx] = t;
            }
            return t;
        }

        @Override
        public int getCount() {
            return table.getCount();
        }

        @Override
        public int getUniqueCount() {
            return table.getUniqueCount();
        }
    }

    /** An immutable unformatted string, all the sheet handler needs from a shared string. */
    private static final class PlainText implements RichTextString {
        private final String text;

        PlainText(String text) {
            this.text = text;
        }

        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException();
        }
    }

    /** Receives cells from the handler and assembles rows. */
    private final class Rows implements SheetContentsHandler {

        @Override
        public void startRow(int rowNum) {
            rowIndex = rowNum;
            if (maxColumn >= 0 && header == null) {
                Arrays.fill(cells, 0, maxColumn + 1, null); // after the header, endRow leaves a fresh array
            }
            maxColumn = -1;
            nextColumn = 0;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : columnOf(cellReference);
            if (column < 0 || column > LAST_COLUMN) { // before the header, the cells array grows to the column
                throw new ReadException(fileName, rowIndex + 1, "a cell beyond column XFD, the last column a sheet can have");
            }
            nextColumn = column + 1;
            String value = textOf(formattedValue);
            if (value == null) {
                return;
            }
            if (header != null && column >= width) {
                throw new ReadException(fileName, rowIndex + 1, "a value in column "
                        + CellReference.convertNumToColString(column) + ", but the header ends at column "
                        + CellReference.convertNumToColString(width - 1));
            }
            if (value.length() > Limits.MAX_FIELD_CHARS) {
                throw new ReadException(fileName, rowIndex + 1, "the value in column "
                        + CellReference.convertNumToColString(column) + " is longer than "
                        + Limits.count(Limits.MAX_FIELD_CHARS) + " characters, the most a value may have");
            }
            if (header == null && column >= Limits.MAX_COLUMNS) {
                throw new ReadException(fileName, rowIndex + 1, "the header has more than "
                        + Limits.count(Limits.MAX_COLUMNS) + " columns, the most a table may have");
            }
            if (column >= cells.length) { // only before the header is known
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            cells[column] = value;
            if (column > maxColumn) {
                maxColumn = column;
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (maxColumn < 0) {
                return; // no value at all: skip
            }
            if (header == null) {
                List<String> names = new ArrayList<>(maxColumn + 1);
                for (int i = 0; i <= maxColumn; i++) {
                    names.add(cells[i] == null ? "" : cells[i].strip());
                }
                while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                    names.remove(names.size() - 1); // whitespace-only trailing names
                }
                if (names.isEmpty()) {
                    return;
                }
                Limits.checkHeader(fileName, rowNum + 1L, names, CellReference::convertNumToColString);
                header = Collections.unmodifiableList(names);
                width = names.size();
                cells = new String[width];
                return;
            }
            next = new SourceRow(rowNum + 1L, cells); // cells has exactly width entries: hand it over
            cells = new String[width];
        }
    }

    /** Column index (0-based) of a cell reference such as "AB12". */
    static int columnOf(String ref) {
        int col = 0;
        for (int i = 0, n = ref.length(); i < n; i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else if (c != '$') {
                break;
            }
        }
        return col - 1;
    }

    /** Turns the handler's text for the current cell into our value, using the cell's type. */
    private String textOf(String formatted) {
        boolean byFormatter = formatter.produced;
        formatter.produced = false;
        if (formatted == null || formatted.isEmpty()) {
            return null;
        }
        String t = cellType;
        if (t == null || t.equals("n")) {
            return byFormatter ? formatted : plainNumber(formatted);
        }
        return switch (t) {
            case "b" -> formatted.equals("TRUE") ? "true" : "false";
            case "e" -> formatted.startsWith("ERROR:") ? formatted.substring(6) : formatted;
            default -> formatted;
        };
    }

    /** Raw number text (no style) in plain notation; anything unparsable is returned unchanged. */
    private static String plainNumber(String raw) {
        try {
            return plainNumber(Double.parseDouble(raw));
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    static String plainNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(Double.toString(v)).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** Formats numbers our way: ISO dates for date formats, plain notation otherwise. */
    static final class CellFormatter extends DataFormatter {
        private final boolean date1904;
        private final byte[] isDateByFormat = new byte[1 << 16]; // 0 unknown, 1 no, 2 yes
        boolean produced;

        CellFormatter(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            produced = true;
            int key = formatIndex & 0xFFFF;
            byte known = isDateByFormat[key];
            if (known == 0) {
                known = DateUtil.isADateFormat(formatIndex, formatString) ? (byte) 2 : (byte) 1;
                isDateByFormat[key] = known;
            }
            if (known == 2) {
                String date = isoDate(value, date1904);
                if (date != null) {
                    return date;
                }
            }
            return plainNumber(value);
        }
    }

    static String isoDate(double value, boolean date1904) {
        if (value >= 0 && value < 1) {
            long seconds = Math.round(value * 86400.0) % 86400;
            StringBuilder sb = new StringBuilder(8);
            appendTime(sb, (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
            return sb.toString();
        }
        if (!DateUtil.isValidExcelDate(value)) {
            return null;
        }
        LocalDateTime dt = DateUtil.getLocalDateTime(value, date1904, true);
        if (dt == null) {
            return null;
        }
        String date = dt.toLocalDate().toString();
        if (dt.getHour() == 0 && dt.getMinute() == 0 && dt.getSecond() == 0) {
            return date;
        }
        StringBuilder sb = new StringBuilder(20).append(date).append('T');
        appendTime(sb, dt.getHour(), dt.getMinute(), dt.getSecond());
        return sb.toString();
    }

    private static void appendTime(StringBuilder sb, int h, int m, int s) {
        two(sb, h).append(':');
        two(sb, m);
        if (s != 0) {
            two(sb.append(':'), s);
        }
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    @Override
    protected boolean advance() {
        if (done) {
            return false;
        }
        if (closed) {
            throw new IllegalStateException(fileName + " is closed");
        }
        try {
            pump();
        } catch (ReadException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            if (isZipBomb(e)) {
                throw notWorkbook(fileName, e);
            }
            throw new ReadException(fileName, rowIndex + 1L, "the worksheet data is damaged and could not be read", e);
        }
        return next != null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public double progress() {
        if (done && next == null) {
            return 1.0;
        }
        if (sheetBytes <= 0) {
            return 0.0;
        }
        return Math.min(1.0, (double) counted.count() / sheetBytes);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanUp(xml, sheetStream);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // left for the OS to clean up
            }
        }
    }
}
