package org.a4p.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.a4p.ingest.read.ReadException;
import org.a4p.ingest.read.SourceRow;
import org.a4p.ingest.read.TableReaders;
import org.a4p.ingest.read.TableSource;
import org.a4p.pack.Field;
import org.a4p.pack.Layout;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordValues;

/** Reads one file through its layout, validates every row and merges rows that share a key. */
final class FileParser {
    private final Pack pack;
    private final RecordType type;
    private final Instant now;

    /** {@code now} is the moment of the import, after which no date may fall. */
    FileParser(Pack pack, RecordType type, Instant now) {
        this.pack = pack;
        this.type = type;
        this.now = now;
    }

    /** Returns the batch, or null when the file had errors (all reported to {@code issues}). */
    FileBatch parse(ImportFile file, String forcedLayout, Issues issues, Progress progress, List<String> notes) {
        MessageDigest digest = sha256();
        try (InputStream raw = file.opener().open();
             DigestInputStream in = new DigestInputStream(raw, digest);
             TableSource source = TableReaders.open(file.name(), new KeepOpen(in))) {
            LayoutPlan.Result chosen = LayoutPlan.choose(pack, type, forcedLayout, source.header());
            if (chosen.error() != null) {
                issues.fileError(chosen.error());
                return null;
            }
            LayoutPlan plan = chosen.plan();
            if (!plan.ignoredColumns.isEmpty()) {
                notes.add(file.name() + ": columns not used by layout '" + plan.layout.id() + "': " + plan.ignoredColumns);
            }
            RowValidator validator = new RowValidator(pack, plan, file.name(), now);
            int[] keyIndexes = RecordValues.keyIndexes(type);
            List<Object[]> records = new ArrayList<>();
            List<Long> rowNumbers = new ArrayList<>();
            Map<String, Integer> byKey = new HashMap<>();
            Merger merger = new Merger(plan.layout.duplicates());
            LocalDate snapshot = null;
            int rowsRead = 0;
            int merged = 0;
            while (source.hasNext()) {
                SourceRow row = source.next();
                rowsRead++;
                if ((rowsRead & 0x3fff) == 0) {
                    progress.update("reading " + file.name(), source.progress());
                }
                if (plan.snapshotColumn >= 0) {
                    String text = row.value(plan.snapshotColumn);
                    LocalDate date = text == null || text.isBlank() ? null : RowValidator.parseDate(text.trim());
                    if (text != null && !text.isBlank() && date == null) {
                        issues.error(row.rowNumber(), plan.layout.snapshotColumn(), text, "expected a date like 2023-11-28");
                    } else if (date != null && date.isAfter(now.atOffset(ZoneOffset.ofHours(14)).toLocalDate())) {
                        issues.error(row.rowNumber(), plan.layout.snapshotColumn(), text, "expected a date no later than today");
                    } else if (date != null && (snapshot == null || date.isAfter(snapshot))) {
                        snapshot = date;
                    }
                }
                Object[] values = validator.convert(row, issues);
                issues.rowRead(validator.lastMission(), validator.lastMonth());
                if (values == null) {
                    continue;
                }
                String key = RecordValues.key(type, keyIndexes, values);
                Integer earlier = byKey.putIfAbsent(key, records.size());
                if (earlier == null) {
                    records.add(values);
                    rowNumbers.add(row.rowNumber());
                } else if (merger.merge(records.get(earlier), values, rowNumbers.get(earlier), row.rowNumber(),
                        RecordValues.describeKey(type, key), plan, issues)) {
                    merged++;
                }
            }
            drain(in);
            progress.update("reading " + file.name(), 1.0);
            if (merged > 0) {
                notes.add(file.name() + ": " + merged + " row(s) shared a key with an earlier row and were merged into it ("
                        + mergeRule(plan.layout.duplicates()) + ")");
            }
            if (issues.errorCount() > 0) {
                return null;
            }
            long[] numbers = rowNumbers.stream().mapToLong(Long::longValue).toArray();
            return new FileBatch(file.name(), HexFormat.of().formatHex(digest.digest()), plan.layout.id(), snapshot, rowsRead,
                    records, numbers, issues.warnings().size());
        } catch (ReadException e) {
            issues.error(e.row(), null, null, e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(file.name()) + "( row \\d+)?: ", ""));
            return null;
        } catch (IOException e) {
            issues.fileError("cannot read the file: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return null;
        }
    }

    /** Keeps a reader from closing the stream, so that the rest of the file can still be hashed. */
    private static final class KeepOpen extends java.io.FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes the underlying stream
        }
    }

    private static String mergeRule(Layout.Duplicates rule) {
        List<String> parts = new ArrayList<>();
        if (!rule.sum().isEmpty()) {
            parts.add("added up: " + String.join(", ", rule.sum()));
        }
        if (!rule.mayDiffer().isEmpty()) {
            parts.add("first value kept for " + String.join(", ", rule.mayDiffer().keySet()));
        }
        return String.join("; ", parts);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        while (in.read(buffer) >= 0) {
            // read to the end so the content hash covers the whole file
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Applies a layout's rule for rows that share a natural key. */
    private final class Merger {
        private final Layout.Duplicates rule;

        Merger(Layout.Duplicates rule) {
            this.rule = rule;
        }

        boolean merge(Object[] first, Object[] later, long firstRow, long laterRow, String key, LayoutPlan plan, Issues issues) {
            if (!rule.merge()) {
                issues.error(laterRow, plan.columnNames[RecordValues.keyIndexes(type)[0]], null,
                        "expected a unique record: this row repeats the key " + key + " of row " + firstRow);
                return false;
            }
            List<Field> fields = type.fields();
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).name();
                if (rule.sum().contains(name)) {
                    continue;
                }
                if (rule.mayDiffer().containsKey(name)) {
                    continue;
                }
                if (!Objects.equals(first[i], later[i]) && !isAlternateTarget(name)) {
                    issues.error(laterRow, plan.columnNames[i], fields.get(i).isRestricted() ? RowIssue.WITHHELD : String.valueOf(later[i]),
                            "expected the same value as row " + firstRow + " (which shares the key " + key
                                    + "), as layout '" + plan.layout.id() + "' merges such rows only when they differ in "
                                    + (rule.mayDiffer().isEmpty() ? rule.sum() : rule.mayDiffer().keySet()));
                    return false;
                }
            }
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).name();
                if (rule.sum().contains(name)) {
                    first[i] = add(first[i], later[i]);
                } else if (rule.mayDiffer().containsKey(name) && !Objects.equals(first[i], later[i])) {
                    String alternate = rule.mayDiffer().get(name);
                    int target = alternate == null ? -1 : indexOf(alternate);
                    if (target >= 0 && first[target] == null) {
                        first[target] = later[i];
                    }
                }
            }
            return true;
        }

        private boolean isAlternateTarget(String name) {
            return rule.mayDiffer().containsValue(name);
        }

        private int indexOf(String name) {
            List<Field> fields = type.fields();
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private Object add(Object a, Object b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            if (a instanceof Long x && b instanceof Long y) {
                return x + y;
            }
            return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        }
    }
}
