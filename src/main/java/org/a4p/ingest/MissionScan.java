package org.a4p.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.a4p.ingest.read.ReadException;
import org.a4p.ingest.read.SourceRow;
import org.a4p.ingest.read.TableReaders;
import org.a4p.ingest.read.TableSource;
import org.a4p.pack.RecordType;

/**
 * The rows of an upload in the record type's own layout that name a mission outside the
 * submitter's, one row issue each (file, row, column, value, expected). Everything else about the
 * file is the import's to judge: a file this scan cannot read is left to it, and it reports why.
 */
final class MissionScan {
    /** Row issues kept; every one is counted. */
    static final int KEPT = 1_000;

    record Found(List<RowIssue> issues, long count) {}

    private MissionScan() {}

    static Found outside(RecordType type, String fileName, byte[] bytes, List<String> missions) {
        List<RowIssue> issues = new ArrayList<>();
        long count = 0;
        String expected = "expected one of your missions (" + String.join(", ", missions) + ")";
        try (TableSource source = TableReaders.open(fileName, new ByteArrayInputStream(bytes), bytes.length)) {
            int column = columnOf(source.header(), type.missionField());
            if (column < 0) {
                return new Found(List.of(), 0);
            }
            while (source.hasNext()) {
                SourceRow row = source.next();
                String value = row.value(column);
                String mission = value == null ? "" : value.trim();
                if (!mission.isEmpty() && !missions.contains(mission)) {
                    count++;
                    if (issues.size() < KEPT) {
                        issues.add(new RowIssue(fileName, row.rowNumber(), source.header().get(column), mission, expected));
                    }
                }
            }
        } catch (ReadException e) {
            return new Found(List.of(), 0);
        }
        return new Found(List.copyOf(issues), count);
    }

    /** Column names match as the import matches them: trimmed, case ignored. */
    private static int columnOf(List<String> header, String field) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(field)) {
                return i;
            }
        }
        return -1;
    }
}
