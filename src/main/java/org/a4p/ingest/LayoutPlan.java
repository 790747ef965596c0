package org.a4p.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.a4p.pack.Field;
import org.a4p.pack.Layout;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/** A layout bound to one file's header: which column feeds which field. */
final class LayoutPlan {
    final Layout layout;
    final RecordType type;
    /** Per field (type order): the column index, or -1 when the field comes from a constant or is absent. */
    final int[] columns;
    final String[] columnNames;
    /** The file's header as written: names every column, mapped or not. */
    final List<String> header;
    final int snapshotColumn;
    final List<String> ignoredColumns;
    /** The layout's totals whose columns are all in this file's header. */
    final List<BoundTotal> totals;

    /** A total bound to the header: column indexes of the total and of its parts. */
    record BoundTotal(int column, int[] parts, String describe) {}

    private LayoutPlan(Layout layout, RecordType type, int[] columns, String[] columnNames, List<String> header,
            int snapshotColumn, List<String> ignoredColumns, List<BoundTotal> totals) {
        this.layout = layout;
        this.type = type;
        this.columns = columns;
        this.columnNames = columnNames;
        this.header = header;
        this.snapshotColumn = snapshotColumn;
        this.ignoredColumns = ignoredColumns;
        this.totals = totals;
    }

    /**
     * Picks the layout of the record type whose signature the header carries (the most specific
     * one when several do), or the one the user forced; explains the mismatch otherwise.
     */
    static Result choose(Pack pack, RecordType type, String forced, List<String> header) {
        List<String> normalized = header.stream().map(LayoutPlan::normalize).toList();
        List<Layout> candidates = pack.layoutsFor(type.id());
        if (forced != null) {
            Optional<Layout> layout = candidates.stream().filter(l -> l.id().equals(forced)).findFirst();
            if (layout.isEmpty()) {
                return Result.error("layout '" + forced + "' is not a layout of " + type.id() + "; known: "
                        + candidates.stream().map(Layout::id).toList());
            }
            List<String> missing = missing(layout.get(), normalized);
            if (!missing.isEmpty()) {
                return Result.error("the header lacks the column(s) " + missing + " that layout '" + forced + "' needs");
            }
            return Result.ok(bind(layout.get(), type, header, normalized));
        }
        Layout best = null;
        for (Layout layout : candidates) {
            if (missing(layout, normalized).isEmpty()
                    && (best == null || layout.signature().size() > best.signature().size())) {
                best = layout;
            }
        }
        if (best == null) {
            StringBuilder why = new StringBuilder("the header row matches no layout of " + type.id() + ". ");
            for (Layout layout : candidates) {
                why.append("Layout '").append(layout.id()).append("' is missing the column(s) ").append(missing(layout, normalized))
                        .append(". ");
            }
            why.append("Header found: ").append(shown(header));
            return Result.error(why.toString().trim());
        }
        return Result.ok(bind(best, type, header, normalized));
    }

    /** The header as a message shows it: at most 20 names of at most 40 characters (a header may hold 1,000 long ones). */
    private static String shown(List<String> header) {
        List<String> names = header.stream().limit(20).map(name -> name.length() <= 40 ? name : name.substring(0, 40) + "...").toList();
        return names + (header.size() > 20 ? " and " + (header.size() - 20) + " more" : "");
    }

    private static List<String> missing(Layout layout, List<String> normalized) {
        List<String> out = new ArrayList<>();
        for (String column : layout.signature()) {
            if (!normalized.contains(normalize(column))) {
                out.add(column);
            }
        }
        return out;
    }

    private static LayoutPlan bind(Layout layout, RecordType type, List<String> header, List<String> normalized) {
        List<Field> fields = type.fields();
        int[] columns = new int[fields.size()];
        String[] names = new String[fields.size()];
        List<String> used = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Layout.ColumnMapping mapping = layout.fields().get(fields.get(i).name());
            columns[i] = -1;
            if (mapping != null && mapping.column() != null) {
                columns[i] = normalized.indexOf(normalize(mapping.column()));
                names[i] = columns[i] >= 0 ? header.get(columns[i]) : mapping.column();
                used.add(normalize(mapping.column()));
            } else {
                names[i] = fields.get(i).name();
            }
        }
        int snapshot = layout.snapshotColumn() == null ? -1 : normalized.indexOf(normalize(layout.snapshotColumn()));
        if (snapshot >= 0) {
            used.add(normalize(layout.snapshotColumn()));
        }
        List<BoundTotal> totals = new ArrayList<>();
        for (Layout.Total total : layout.totals()) {
            int column = normalized.indexOf(normalize(total.column()));
            int[] parts = total.parts().stream().mapToInt(part -> normalized.indexOf(normalize(part))).toArray();
            if (column >= 0 && java.util.Arrays.stream(parts).allMatch(p -> p >= 0)) {
                totals.add(new BoundTotal(column, parts, String.join(" + ", total.parts())));
                used.add(normalize(total.column()));
            }
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!used.contains(normalized.get(i)) && !header.get(i).isBlank()) {
                ignored.add(header.get(i));
            }
        }
        return new LayoutPlan(layout, type, columns, names, List.copyOf(header), snapshot, ignored, List.copyOf(totals));
    }

    Layout.ColumnMapping mapping(int field) {
        return layout.fields().get(type.fields().get(field).name());
    }

    Map<String, String> valueMap(int field) {
        Layout.ColumnMapping mapping = mapping(field);
        return mapping == null ? Map.of() : mapping.values();
    }

    static String normalize(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }

    record Result(LayoutPlan plan, String error) {
        static Result ok(LayoutPlan plan) {
            return new Result(plan, null);
        }

        static Result error(String error) {
            return new Result(null, error);
        }
    }
}
