package org.a4p.sdmx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.a4p.indicators.Grain;
import org.a4p.indicators.Period;
import org.a4p.release.ReleasedValue;

/**
 * A data query of the SDMX REST API, parsed: the key ({@code INDICATOR.REF_AREA.DISAGGREGATION.FREQ},
 * each part empty or {@code *} for any, or codes joined by {@code +} or {@code ,}; fewer parts
 * than dimensions leave the rest open), {@code c[DIM]=} filters on the dimensions, on
 * {@code TIME_PERIOD} ({@code ge:}, {@code gt:}, {@code le:}, {@code lt:}, {@code eq:}; {@code +}
 * joins conditions that must all hold, {@code ,} alternatives) and on {@code OBS_STATUS} and
 * {@code CONF_STATUS}; {@code startPeriod}, {@code endPeriod}, {@code updatedAfter},
 * {@code firstNObservations} and {@code lastNObservations}. Codes are SDMX codes, translated back
 * to ours; a query naming a code that does not exist matches nothing, as SDMX says.
 *
 * <p>A period is within a time bound when it lies wholly inside it: {@code ge:2020-07} keeps
 * {@code 2020-Q3} and {@code 2020-08} but not the year 2020.
 */
public final class SdmxQuery {
    /** A query that cannot be read, with what was expected. */
    public static final class Invalid extends RuntimeException {
        private final String parameter;

        Invalid(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    public static final Set<String> PARAMETERS = Set.of("startPeriod", "endPeriod", "updatedAfter", "firstNObservations",
            "lastNObservations", "dimensionAtObservation", "format");

    /** Per dimension in key order: the SDMX codes asked for, empty for any. */
    final List<Set<String>> codes = new ArrayList<>();
    final List<Predicate<String>> time = new ArrayList<>();
    final Set<String> obsStatus = new LinkedHashSet<>();
    final Set<String> confStatus = new LinkedHashSet<>();
    Instant updatedAfter;
    Integer firstN;
    Integer lastN;

    private SdmxQuery() {
        for (int i = 0; i < DataStructure.DIMENSIONS.size(); i++) {
            codes.add(new LinkedHashSet<>());
        }
    }

    /** {@code key} null, {@code all} or {@code *} for every series; {@code parameters} the query string's, one value each. */
    public static SdmxQuery parse(String key, Map<String, String> parameters) {
        SdmxQuery query = new SdmxQuery();
        if (key != null && !key.isEmpty() && !key.equals("all") && !key.equals("*")) {
            String[] parts = key.split("\\.", -1);
            if (parts.length > DataStructure.DIMENSIONS.size()) {
                throw new Invalid("key", "expected a key of at most " + DataStructure.DIMENSIONS.size() + " parts, "
                        + String.join(".", DataStructure.DIMENSIONS) + ", got " + parts.length + " in '" + key + "'");
            }
            for (int i = 0; i < parts.length; i++) {
                query.addCodes(i, parts[i], "key");
            }
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue();
            if (name.startsWith("c[") && name.endsWith("]")) {
                query.component(name.substring(2, name.length() - 1), value, name);
            } else if (!PARAMETERS.contains(name)) {
                throw new Invalid(name, "unknown parameter '" + name + "': expected c[DIMENSION]=, " + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        if (parameters.containsKey("startPeriod")) {
            query.time.add(bound("ge", period(parameters.get("startPeriod"), "startPeriod"), "startPeriod"));
        }
        if (parameters.containsKey("endPeriod")) {
            query.time.add(bound("le", period(parameters.get("endPeriod"), "endPeriod"), "endPeriod"));
        }
        if (parameters.containsKey("updatedAfter")) {
            query.updatedAfter = instant(parameters.get("updatedAfter"));
        }
        query.firstN = count(parameters.get("firstNObservations"), "firstNObservations");
        query.lastN = count(parameters.get("lastNObservations"), "lastNObservations");
        String atObservation = parameters.get("dimensionAtObservation");
        if (atObservation != null && !atObservation.equals(DataStructure.TIME)) {
            throw new Invalid("dimensionAtObservation", "expected TIME_PERIOD (time series are the only view served), got '" + atObservation + "'");
        }
        return query;
    }

    private void addCodes(int dimension, String part, String parameter) {
        if (part.isEmpty() || part.equals("*")) {
            return;
        }
        for (String code : part.split("[+,]", -1)) {
            if (code.isEmpty() || !code.matches("[A-Za-z0-9_@$-]+")) {
                throw new Invalid(parameter, "expected " + DataStructure.DIMENSIONS.get(dimension) + " codes of letters, digits, _ @ $ or -,"
                        + " joined by + or , (or * for any), got '" + part + "'");
            }
            codes.get(dimension).add(code);
        }
    }

    private void component(String component, String value, String parameter) {
        int dimension = DataStructure.DIMENSIONS.indexOf(component);
        if (dimension >= 0) {
            addCodes(dimension, value, parameter);
        } else if (component.equals(DataStructure.TIME)) {
            List<Predicate<String>> alternatives = new ArrayList<>();
            for (String alternative : value.split(",", -1)) {
                Predicate<String> all = p -> true;
                for (String condition : alternative.split("\\+", -1)) {
                    int colon = condition.indexOf(':');
                    String operator = colon < 0 ? "eq" : condition.substring(0, colon);
                    all = all.and(bound(operator, period(condition.substring(colon + 1), parameter), parameter));
                }
                alternatives.add(all);
            }
            time.add(p -> alternatives.stream().anyMatch(a -> a.test(p)));
        } else if (component.equals("OBS_STATUS") || component.equals("CONF_STATUS")) {
            List<String> allowed = component.equals("OBS_STATUS") ? DataStructure.OBS_STATUS : DataStructure.CONF_STATUS;
            for (String code : value.split("[+,]", -1)) {
                if (!allowed.contains(code)) {
                    throw new Invalid(parameter, "expected " + component + " codes " + String.join(", ", allowed) + ", got '" + code + "'");
                }
                (component.equals("OBS_STATUS") ? obsStatus : confStatus).add(code);
            }
        } else {
            throw new Invalid(parameter, "expected c[] on a dimension (" + String.join(", ", DataStructure.DIMENSIONS) + "), TIME_PERIOD,"
                    + " OBS_STATUS or CONF_STATUS, got '" + component + "'");
        }
    }

    private static Predicate<String> bound(String operator, String period, String parameter) {
        LocalDate start = start(period);
        LocalDate end = Period.endOf(period);
        return switch (operator) {
            case "ge" -> p -> !start(p).isBefore(start);
            case "gt" -> p -> start(p).isAfter(end);
            case "le" -> p -> !Period.endOf(p).isAfter(end);
            case "lt" -> p -> Period.endOf(p).isBefore(start);
            case "eq" -> p -> p.equals(period);
            default -> throw new Invalid(parameter, "expected an operator ge:, gt:, le:, lt: or eq:, got '" + operator + ":'");
        };
    }

    private static String period(String text, String parameter) {
        String label = text.matches("\\d{4}-A1") ? text.substring(0, 4) : text;
        if (label == null || Grain.of(label) == null) {
            throw new Invalid(parameter, "expected a period such as 2020, 2020-Q3 or 2020-07, got '" + text + "'");
        }
        return label;
    }

    static LocalDate start(String period) {
        int year = Period.yearOf(period);
        return switch (Grain.of(period)) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (period.charAt(6) - '1') * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, Integer.parseInt(period.substring(5)), 1);
        };
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new Invalid("updatedAfter", "expected an ISO 8601 date-time with its offset, such as 2026-01-31T12:00:00Z, or a date, got '"
                        + text + "'");
            }
        }
    }

    private static Integer count(String text, String parameter) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[1-9]\\d{0,5}")) {
            throw new Invalid(parameter, "expected a whole number from 1 to 999999, got '" + text + "'");
        }
        return Integer.valueOf(text);
    }

    /** Whether a value's period, status and confidentiality pass the filters the database was not asked to apply. */
    boolean keeps(ReleasedValue value, String obsStatusCode) {
        return time.stream().allMatch(t -> t.test(value.period()))
                && (obsStatus.isEmpty() || obsStatus.contains(obsStatusCode))
                && (confStatus.isEmpty() || confStatus.contains(value.suppressed() ? "C" : "F"));
    }

    /** The years that every time filter leaves open, for the database: null for no bound. */
    Integer[] years() {
        Integer from = null;
        Integer to = null;
        // The only bounds pushed down are the plain ones, by trying the years a filter keeps.
        if (!time.isEmpty()) {
            int first = 1900;
            int last = 2200;
            while (first <= last && !anyPeriodOf(first)) {
                first++;
            }
            while (last >= first && !anyPeriodOf(last)) {
                last--;
            }
            from = first;
            to = last;
        }
        return new Integer[] {from, to};
    }

    private boolean anyPeriodOf(int year) {
        List<String> periods = new ArrayList<>();
        periods.add(Period.year(year));
        for (int month = 1; month <= 12; month++) {
            periods.add(Period.month(year, month));
            periods.add(Period.quarter(year, month));
        }
        return periods.stream().anyMatch(p -> time.stream().allMatch(t -> t.test(p)));
    }
}
