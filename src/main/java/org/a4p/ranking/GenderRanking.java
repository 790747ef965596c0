package org.a4p.ranking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.a4p.pack.CodeList;
import org.a4p.pack.Pack;
import org.a4p.pack.ReferenceTable;

/**
 * The contributing-country gender ranking: for one month, each troop and police contributing
 * country's share of women per uniformed category, against the year's Uniformed Gender Parity
 * Strategy target (the pack's {@code gender_parity_targets} table), coloured
 * {@link Colour#GREEN} (meets the target), {@link Colour#YELLOW} (some women, below it) or
 * {@link Colour#RED} (no women).
 *
 * <p>Reads the current personnel records ({@code retired_by IS NULL}) whose report date falls in
 * the month, sums women and men over the missions of the scope per country and category, and
 * leaves out countries with no personnel in a category. Within a category countries rank by share
 * descending, then total descending, then name.
 */
public final class GenderRanking {
    /** The pack table of targets: columns year, category, target (percent, may be unset), source. */
    public static final String TARGETS_TABLE = "gender_parity_targets";
    /** The code list of uniformed categories, in the order categories are listed. */
    public static final String CATEGORIES = "personnel_category";
    /** The source named when no year of the category has a target set. */
    public static final String NO_TARGET = "no target set";

    static final String RECORDS_TABLE = "rec_personnel";
    /** The approved personnel records: what public readers are ranked from. */
    static final String APPROVED_TABLE = "pub_personnel";
    /** A share within this of the target meets it (interpolated targets are not exact in binary). */
    private static final double TOLERANCE = 1e-9;

    /** A year's target for a category, in percent (null when none is set), and where it comes from. */
    public record Target(Double percent, String source) {}

    private final Pack pack;
    private final List<String> categories;
    /** category -> year -> target and source, for the rows where the analyst set a target. */
    private final Map<String, TreeMap<Integer, SetTarget>> targets = new HashMap<>();

    private record SetTarget(double percent, String source) {}

    private final String table;

    public GenderRanking(Pack pack) {
        this(pack, false);
    }

    /** {@code approvedOnly}: rank from approved records only, as public readers see them. */
    public GenderRanking(Pack pack, boolean approvedOnly) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.table = approvedOnly ? APPROVED_TABLE : RECORDS_TABLE;
        CodeList list = pack.codeLists().get(CATEGORIES);
        this.categories = list == null ? List.of() : list.codes();
        pack.table(TARGETS_TABLE).ifPresent(this::readTargets);
    }

    private void readTargets(ReferenceTable table) {
        for (Map<String, String> row : table.rows()) {
            String year = blankToNull(row.get("year"));
            String category = blankToNull(row.get("category"));
            String target = blankToNull(row.get("target"));
            if (year == null || category == null || target == null) {
                continue; // a year the analyst has not set yet
            }
            int y;
            double percent;
            try {
                y = Integer.parseInt(year.trim());
                percent = Double.parseDouble(target.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("table " + TARGETS_TABLE + " (" + table.origin() + "): year '" + year
                        + "' and target '" + target + "' of category " + category + " must be numbers");
            }
            String source = blankToNull(row.get("source"));
            targets.computeIfAbsent(category.trim(), c -> new TreeMap<>())
                    .putIfAbsent(y, new SetTarget(percent, source == null ? "set for " + y : source));
        }
    }

    /** The uniformed category codes, in the code list's order. */
    public List<String> categories() {
        return categories;
    }

    /** The category's label in the code list, or the code itself. */
    public String label(String category) {
        CodeList list = pack.codeLists().get(CATEGORIES);
        String label = list == null ? null : list.labels().get(category);
        return label == null ? category : label;
    }

    /**
     * The target for a year and category: the one set for the year; between two set years,
     * linearly interpolated (as the strategy sets its yearly steps); before the first set year the
     * first, after the last the last; a null percent with source {@value #NO_TARGET} when the
     * category has no target set in any year.
     */
    public Target target(int year, String category) {
        TreeMap<Integer, SetTarget> set = targets.get(category);
        if (set == null || set.isEmpty()) {
            return new Target(null, NO_TARGET);
        }
        SetTarget exact = set.get(year);
        if (exact != null) {
            return new Target(exact.percent(), exact.source());
        }
        Map.Entry<Integer, SetTarget> before = set.lowerEntry(year);
        Map.Entry<Integer, SetTarget> after = set.higherEntry(year);
        if (before == null) {
            return new Target(after.getValue().percent(), "first set target (" + after.getKey() + ")");
        }
        if (after == null) {
            return new Target(before.getValue().percent(), "last set target (" + before.getKey() + ")");
        }
        double from = before.getValue().percent();
        double to = after.getValue().percent();
        double value = from + (to - from) * (year - before.getKey()) / (after.getKey() - before.getKey());
        return new Target(value, "interpolated between " + before.getKey() + " and " + after.getKey());
    }

    /**
     * The ranking for a month.
     *
     * @param scope    {@code PKO}, {@code SPM} (or {@code OTHER}) to count only the missions of that
     *                 scope; null for all records
     * @param category a {@value #CATEGORIES} code, or null for every category
     * @return rows by category (in the code list's order), then rank
     */
    public List<CountryRow> rank(Connection c, YearMonth month, String scope, String category) throws SQLException {
        Objects.requireNonNull(month, "month");
        if (scope != null && !pack.orgUnits().scopeCodes().contains(scope)) {
            throw new IllegalArgumentException("unknown scope '" + scope + "': expected one of " + pack.orgUnits().scopeCodes() + " or null for all");
        }
        if (category != null && !categories.contains(category)) {
            throw new IllegalArgumentException("unknown category '" + category + "': expected one of " + categories);
        }
        // category -> country -> {women, total}
        Map<String, Map<String, long[]>> sums = new HashMap<>();
        String sql = "SELECT \"mission\", \"contributing_country\", \"category\", SUM(\"women\"), SUM(\"men\")"
                + " FROM " + table
                + " WHERE retired_by IS NULL AND \"report_date\" >= ? AND \"report_date\" < ?"
                + (category == null ? "" : " AND \"category\" = ?")
                + " GROUP BY \"mission\", \"contributing_country\", \"category\"";
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, month.atDay(1));
            statement.setObject(2, month.plusMonths(1).atDay(1));
            if (category != null) {
                statement.setString(3, category);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String mission = rs.getString(1);
                    if (scope != null && !scope.equals(pack.orgUnits().scopeOf(mission))) {
                        continue;
                    }
                    long women = rs.getLong(4);
                    long men = rs.getLong(5);
                    long[] sum = sums.computeIfAbsent(rs.getString(3), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new long[2]);
                    sum[0] += women;
                    sum[1] += women + men;
                }
            }
        }
        List<String> order = new ArrayList<>(categories);
        new TreeSet<>(sums.keySet()).stream().filter(k -> !order.contains(k)).forEach(order::add); // codes outside the list
        List<CountryRow> out = new ArrayList<>();
        for (String cat : order) {
            Map<String, long[]> countries = sums.get(cat);
            if (countries != null) {
                out.addAll(rankCategory(cat, countries, target(month.getYear(), cat)));
            }
        }
        return out;
    }

    private static List<CountryRow> rankCategory(String category, Map<String, long[]> countries, Target target) {
        record Entry(String country, long women, long total) {}
        List<Entry> entries = new ArrayList<>();
        countries.forEach((country, sum) -> {
            if (sum[1] > 0) {
                entries.add(new Entry(country, sum[0], sum[1]));
            }
        });
        // Shares compared exactly (women_a * total_b against women_b * total_a), then total, then name.
        Comparator<Entry> byShare = (a, b) -> Long.compare(b.women() * a.total(), a.women() * b.total());
        entries.sort(byShare
                .thenComparing(Comparator.comparingLong(Entry::total).reversed())
                .thenComparing(Entry::country));
        List<CountryRow> rows = new ArrayList<>();
        for (Entry e : entries) {
            double share = 100.0 * e.women() / e.total();
            rows.add(new CountryRow(e.country(), category, e.women(), e.total(), share, target.percent(), target.source(),
                    colour(e.women(), share, target.percent()), rows.size() + 1));
        }
        return rows;
    }

    /** RED without women; GREEN when the share meets the target; else YELLOW (always, without a target). */
    static Colour colour(long women, double share, Double target) {
        if (women == 0) {
            return Colour.RED;
        }
        return target != null && share >= target - TOLERANCE ? Colour.GREEN : Colour.YELLOW;
    }

    /** The months that have current personnel records, oldest first. */
    public List<YearMonth> months(Connection c) throws SQLException {
        TreeSet<YearMonth> months = new TreeSet<>();
        String sql = "SELECT DISTINCT \"report_date\" FROM " + table + " WHERE retired_by IS NULL";
        try (PreparedStatement statement = c.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                LocalDate date = rs.getObject(1, LocalDate.class);
                if (date != null) {
                    months.add(YearMonth.from(date));
                }
            }
        }
        return List.copyOf(months);
    }

    /** The nearest months with data before and after a month; either is null when there is none. */
    public record Nearest(YearMonth before, YearMonth after) {}

    /** The nearest of {@code months} before and after {@code month}. */
    public static Nearest nearest(List<YearMonth> months, YearMonth month) {
        TreeSet<YearMonth> set = new TreeSet<>(months);
        return new Nearest(set.lower(month), set.higher(month));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
