package org.a4p.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.a4p.ingest.read.SourceRow;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;
import org.a4p.pack.CodeList;
import org.a4p.pack.Field;
import org.a4p.pack.FieldType;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/**
 * Turns one source row into typed field values and checks each against its field's rules: type,
 * required, code list, range, pattern, org unit, and the mission's life; and the row as a whole: no
 * control characters in any value, no date after today, totals that equal the sum of their parts.
 * Every problem found is reported, not only the first.
 */
final class RowValidator {
    private static final int MAX_TEXT = 4000;

    private final LayoutPlan plan;
    private final OrgUnits orgUnits;
    private final List<Field> fields;
    private final CodeList[] codeLists;
    private final Pattern[] patterns;
    private final String[] constants;
    private final int dateIndex;
    private final int missionIndex;
    private final int siteIndex;
    private final String file;
    private final LocalDate latestDate;
    private final LocalDateTime latestTimestamp;
    private String lastMission;
    private YearMonth lastMonth;

    /**
     * {@code now} is the moment of the import: a date after today is an error, where today is the
     * date in UTC+14, the first time zone to reach it (so no record from anywhere is refused for
     * being dated in its own today); timestamps are UTC, with the same 14 hours of leeway.
     */
    RowValidator(Pack pack, LayoutPlan plan, String file, Instant now) {
        this.plan = plan;
        this.latestDate = now.atOffset(ZoneOffset.ofHours(14)).toLocalDate();
        this.latestTimestamp = LocalDateTime.ofInstant(now, ZoneOffset.UTC).plusHours(14);
        this.orgUnits = pack.orgUnits();
        this.file = file;
        RecordType type = plan.type;
        this.fields = type.fields();
        this.codeLists = new CodeList[fields.size()];
        this.patterns = new Pattern[fields.size()];
        this.constants = new String[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            codeLists[i] = field.codeList() == null ? null : pack.codeLists().get(field.codeList());
            patterns[i] = field.pattern() == null ? null : Pattern.compile(field.pattern());
            var mapping = plan.mapping(i);
            constants[i] = mapping == null ? null : mapping.constant();
        }
        this.dateIndex = indexOf(type.dateField());
        this.missionIndex = indexOf(type.missionField());
        this.siteIndex = type.siteField() == null ? -1 : indexOf(type.siteField());
    }

    private int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Converts the row; returns null when it had errors (reported to {@code issues}). */
    Object[] convert(SourceRow row, Issues issues) {
        Object[] values = new Object[fields.size()];
        boolean ok = noControlCharacters(row, issues);
        for (int i = 0; i < values.length; i++) {
            String raw = plan.columns[i] >= 0 ? row.value(plan.columns[i]) : constants[i];
            if (raw != null) {
                raw = raw.trim();
                Map<String, String> map = plan.valueMap(i);
                if (!map.isEmpty()) {
                    String mapped = map.get(raw);
                    if (mapped != null) {
                        raw = mapped;
                    }
                }
            }
            Field field = fields.get(i);
            if (raw == null || raw.isEmpty()) {
                if (field.required()) {
                    issues.error(row.rowNumber(), plan.columnNames[i], "", "expected a value: " + field.name() + " is required");
                    ok = false;
                }
                continue;
            }
            Object value = parse(i, field, raw, row.rowNumber(), issues);
            if (value == null) {
                ok = false;
            }
            values[i] = value;
        }
        lastMission = missionIndex >= 0 ? (String) values[missionIndex] : null;
        lastMonth = dateIndex >= 0 && values[dateIndex] instanceof LocalDate date ? YearMonth.from(date) : null;
        if (ok) {
            ok = checkOrgUnits(values, row.rowNumber(), issues);
        }
        if (ok) {
            ok = checkTotals(row, issues);
        }
        return ok ? values : null;
    }

    /**
     * Control characters hide in values and break whatever later reads them: every C0 and C1
     * control but tab and line breaks, and the bidirectional overrides that make text display
     * other than it reads. One error per column, naming the character and where it is.
     */
    private boolean noControlCharacters(SourceRow row, Issues issues) {
        boolean ok = true;
        for (int column = 0; column < row.size(); column++) {
            String value = row.value(column);
            if (value == null) {
                continue;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (isForbiddenControl(c)) {
                    String name = column < plan.header.size() ? plan.header.get(column) : "#" + (column + 1);
                    issues.error(row.rowNumber(), name, isRestrictedColumn(column) ? RowIssue.WITHHELD : visible(value),
                            String.format(Locale.ROOT, "expected text without control characters, found U+%04X at character %d", (int) c, i + 1));
                    ok = false;
                    break;
                }
            }
        }
        return ok;
    }

    static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The value with its control characters written as {@code \\u0000}, so a message shows them. */
    private static String visible(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 200) + 16);
        for (int i = 0; i < value.length() && out.length() < 200; i++) {
            char c = value.charAt(i);
            if (isForbiddenControl(c) || c == '\t' || c == '\n' || c == '\r') {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private boolean isRestrictedColumn(int column) {
        for (int i = 0; i < fields.size(); i++) {
            if (plan.columns[i] == column && fields.get(i).isRestricted()) {
                return true;
            }
        }
        return false;
    }

    /** A total that the file carries must equal the sum of its parts; blank parts leave it unchecked. */
    private boolean checkTotals(SourceRow row, Issues issues) {
        boolean ok = true;
        for (LayoutPlan.BoundTotal total : plan.totals) {
            String totalText = trimmed(row.value(total.column()));
            if (totalText == null) {
                continue;
            }
            Double stated = parseDecimal(totalText);
            String column = plan.header.get(total.column());
            if (stated == null) {
                issues.error(row.rowNumber(), column, totalText, "expected a number (the total of " + total.describe() + ")");
                ok = false;
                continue;
            }
            double sum = 0;
            boolean complete = true;
            for (int part : total.parts()) {
                Double value = parseDecimal(Objects.requireNonNullElse(trimmed(row.value(part)), ""));
                if (value == null) {
                    complete = false;
                    break;
                }
                sum += value;
            }
            if (complete && Math.abs(sum - stated) > 1e-9 * Math.max(1, Math.abs(stated))) {
                issues.error(row.rowNumber(), column, totalText,
                        "expected the total of " + total.describe() + ", which is " + plain(BigDecimal.valueOf(sum)));
                ok = false;
            }
        }
        return ok;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Object parse(int i, Field field, String raw, long row, Issues issues) {
        String column = plan.columnNames[i];
        String shown = field.isRestricted() ? RowIssue.WITHHELD : raw;
        switch (field.type()) {
            case DATE -> {
                LocalDate date = parseDate(raw);
                if (date == null) {
                    issues.error(row, column, shown, "expected a date like 2020-03-31");
                } else if (date.isAfter(latestDate) && !field.mayBeFuture()) {
                    issues.error(row, column, shown, "expected a date no later than today");
                    return null;
                }
                return date;
            }
            case TIMESTAMP -> {
                LocalDateTime time = parseTimestamp(raw);
                if (time == null) {
                    issues.error(row, column, shown, "expected a date and time like 2020-03-31T14:05 (UTC)");
                } else if (time.isAfter(latestTimestamp) && !field.mayBeFuture()) {
                    issues.error(row, column, shown, "expected a date and time no later than now");
                    return null;
                }
                return time;
            }
            case INTEGER -> {
                Long number = parseInteger(raw);
                if (number == null) {
                    issues.error(row, column, shown, "expected a whole number");
                    return null;
                }
                return inRange(field, BigDecimal.valueOf(number), column, shown, row, issues) ? number : null;
            }
            case DECIMAL -> {
                Double number = parseDecimal(raw);
                if (number == null) {
                    issues.error(row, column, shown, "expected a number like 12.5");
                    return null;
                }
                return inRange(field, BigDecimal.valueOf(number), column, shown, row, issues) ? number : null;
            }
            case BOOLEAN -> {
                Boolean flag = parseBoolean(raw);
                if (flag == null) {
                    issues.error(row, column, shown, "expected true or false (or yes/no, 1/0)");
                }
                return flag;
            }
            case CODE -> {
                CodeList list = codeLists[i];
                if (!list.contains(raw)) {
                    issues.error(row, column, shown, "expected " + describeCodes(i, list));
                    return null;
                }
                return raw;
            }
            case MISSION -> {
                if (orgUnits.mission(raw).isEmpty()) {
                    issues.error(row, column, shown, "expected a known mission acronym such as MINUSCA or UNMISS");
                    return null;
                }
                return raw;
            }
            case SITE -> {
                if (orgUnits.site(raw).isEmpty()) {
                    issues.error(row, column, shown, "expected a known site code such as MINUSCA-BANGUI");
                    return null;
                }
                return raw;
            }
            case TEXT -> {
                if (raw.length() > MAX_TEXT) {
                    issues.error(row, column, field.isRestricted() ? RowIssue.WITHHELD : raw.substring(0, 40) + "...",
                            "expected at most " + MAX_TEXT + " characters");
                    return null;
                }
                if (patterns[i] != null && !patterns[i].matcher(raw).matches()) {
                    issues.error(row, column, shown, "expected text matching " + field.pattern());
                    return null;
                }
                return raw;
            }
        }
        throw new IllegalStateException("unhandled field type " + field.type());
    }

    private String describeCodes(int i, CodeList list) {
        Map<String, String> map = plan.valueMap(i);
        List<String> accepted = map.isEmpty() ? list.codes() : List.copyOf(map.keySet());
        String shown = accepted.stream().limit(12).collect(Collectors.joining(", "));
        return "one of " + shown + (accepted.size() > 12 ? ", ..." : "") + " (code list " + list.id() + ")";
    }

    private boolean inRange(Field field, BigDecimal value, String column, String shown, long row, Issues issues) {
        if (field.min() != null && value.compareTo(field.min()) < 0) {
            issues.error(row, column, shown, "expected at least " + plain(field.min()));
            return false;
        }
        if (field.max() != null && value.compareTo(field.max()) > 0) {
            issues.error(row, column, shown, "expected at most " + plain(field.max()));
            return false;
        }
        return true;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private boolean checkOrgUnits(Object[] values, long row, Issues issues) {
        if (missionIndex < 0 || values[missionIndex] == null) {
            return true;
        }
        String missionCode = (String) values[missionIndex];
        OrgUnit mission = orgUnits.mission(missionCode).orElseThrow();
        if (siteIndex >= 0 && values[siteIndex] != null) {
            OrgUnit site = orgUnits.site((String) values[siteIndex]).orElseThrow();
            if (!site.parent().equals(missionCode)) {
                issues.error(row, plan.columnNames[siteIndex], site.code(),
                        "expected a site of " + missionCode + " (this site belongs to " + site.parent() + ")");
                return false;
            }
        }
        if (dateIndex >= 0 && values[dateIndex] instanceof LocalDate date && !mission.isActiveOn(date)) {
            String life = missionCode + " (" + (mission.start() == null ? "?" : mission.start()) + " to "
                    + (mission.end() == null ? "today" : mission.end()) + ")";
            String expected = "expected a date within the life of " + life;
            long daysEarly = mission.start() != null && date.isBefore(mission.start()) ? ChronoUnit.DAYS.between(date, mission.start()) : 0;
            int grace = plan.layout.missionStartGraceDays();
            if (plan.layout.missionLifeWarnsOnly() && daysEarly > grace) {
                issues.error(row, plan.columnNames[dateIndex], date.toString(), "expected a date no earlier than " + grace
                        + " days before the start of " + life + ": this one is " + daysEarly + " days before it");
                return false;
            }
            if (plan.layout.missionLifeWarnsOnly()) {
                issues.warning(row, plan.columnNames[dateIndex], date.toString(),
                        "is outside the life of " + life + "; kept, as the published dataset is authoritative");
            } else {
                issues.error(row, plan.columnNames[dateIndex], date.toString(), expected);
                return false;
            }
        }
        return true;
    }

    static LocalDate parseDate(String raw) {
        String text = raw.length() > 10 && (raw.charAt(10) == 'T' || raw.charAt(10) == ' ') ? raw.substring(0, 10) : raw;
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Accepts 2020-03-31T14:05, 2020-03-31 14:05 and with seconds (dropped); a plain date is
     * midnight (Excel writes a date-time cell at 00:00 as a date).
     */
    static LocalDateTime parseTimestamp(String raw) {
        if (raw.length() == 10) {
            LocalDate date = parseDate(raw);
            return date == null ? null : date.atStartOfDay();
        }
        if (raw.length() < 16 || (raw.charAt(10) != 'T' && raw.charAt(10) != ' ')) {
            return null;
        }
        try {
            return LocalDateTime.parse(raw.substring(0, 10) + "T" + raw.substring(11)).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Long parseInteger(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            Double d = parseDecimal(raw);
            return d != null && d == Math.rint(d) && Math.abs(d) < 9e15 ? d.longValue() : null;
        }
    }

    /** Accepts a decimal point or, when there is no point, a decimal comma (a quirk of UN files). */
    static Double parseDecimal(String raw) {
        String text = raw.indexOf('.') < 0 && raw.indexOf(',') >= 0 && raw.indexOf(',') == raw.lastIndexOf(',')
                ? raw.replace(',', '.') : raw;
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) && !text.endsWith("d") && !text.endsWith("f") && !text.endsWith("D") && !text.endsWith("F") ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean parseBoolean(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "oui" -> Boolean.TRUE;
            case "false", "no", "n", "0", "non" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The mission the last row named, when that value itself was valid (even if the row was not). */
    String lastMission() {
        return lastMission;
    }

    /** The month of the last row's date, when that value itself was valid (even if the row was not). */
    YearMonth lastMonth() {
        return lastMonth;
    }
}
