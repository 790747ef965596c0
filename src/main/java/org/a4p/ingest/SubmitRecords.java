package org.a4p.ingest;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.a4p.access.ReportDenial;
import org.a4p.app.Failure;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/**
 * Use case: one uploaded file (or JSON body) of one record type, validated and imported as one
 * submission. A mission officer submits in the type's own layout (the template's), and a row that
 * names a mission not its own is a row error, like any other value it must fix: the file is then
 * refused before the import reads it, so no other mission's records are ever touched.
 */
public final class SubmitRecords {
    /**
     * {@code missionScope} null: any mission (HQ roles). {@code layout} null: recognised from the
     * header. {@code draft}: keep the validated file as a draft, writing no record. {@code
     * acceptImplausible}: take values a plausibility rule holds back, flagged in every figure that
     * uses them; an HQ decision, refused to a submitter with a mission scope.
     */
    public record Request(String submitter, List<String> missionScope, String recordType, String layout, String fileName, byte[] bytes,
            boolean draft, boolean acceptImplausible) {
        public Request(String submitter, List<String> missionScope, String recordType, String layout, String fileName, byte[] bytes,
                boolean draft) {
            this(submitter, missionScope, recordType, layout, fileName, bytes, draft, false);
        }
    }

    public sealed interface Result {}

    /** {@code warnings}: the rows kept with a warning, and the groups and months accepted as implausible. */
    public record Submitted(SubmissionSummary submission, List<RowIssue> warnings) implements Result {}

    /** The rows that failed, the first of them listed; nothing was written. */
    public record RowsRefused(String fileName, List<RowIssue> errors, long errorCount, boolean outsideScope) implements Result {}

    public record Refused(Failure failure) implements Result {}

    private final Pack pack;
    private final Importer importer;
    private final ReportDenial reportDenial;

    public SubmitRecords(Pack pack, Importer importer, ReportDenial reportDenial) {
        this.pack = pack;
        this.importer = importer;
        this.reportDenial = reportDenial;
    }

    public Result run(Request request) {
        Optional<RecordType> found = pack.recordType(request.recordType());
        if (found.isEmpty()) {
            return new Refused(Failure.invalid("unknown record type '" + shown(request.recordType()) + "'; record types: "
                    + String.join(", ", pack.recordTypes().keySet())));
        }
        RecordType type = found.get();
        if (type.reporting().system()) {
            return new Refused(Failure.invalid("'" + type.id() + "' records are written by A4P+ Monitor itself and cannot be submitted"));
        }
        String layout = request.layout();
        if (request.missionScope() != null && request.acceptImplausible()) {
            return new Refused(new Failure(Failure.Kind.FORBIDDEN, "values held back as implausible are accepted by an analyst at"
                    + " headquarters, not by a mission's officer: check the rows named, or ask an analyst"));
        }
        if (request.missionScope() != null) {
            if (layout != null && !layout.equals(type.id())) {
                return new Refused(Failure.invalid("a mission officer submits in the record type's own layout ('" + type.id()
                        + "', the columns of its template), not '" + shown(layout) + "'"));
            }
            layout = type.id();
            MissionScan.Found outside = MissionScan.outside(type, request.fileName(), request.bytes(), request.missionScope());
            if (outside.count() > 0) {
                reportDenial.run(new ReportDenial.Request(request.submitter(), "submit:" + type.id(), "mission_scope"));
                return new RowsRefused(request.fileName(), outside.issues(), outside.count(), true);
            }
        }
        byte[] bytes = request.bytes();
        ImportFile file = new ImportFile(request.fileName(), () -> new ByteArrayInputStream(bytes));
        ImportOutcome outcome = importer.run(new ImportRequest(type.id(), layout, List.of(file), false, false, request.submitter(),
                request.acceptImplausible(), request.draft(), null),
                Progress.NONE);
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            return new RowsRefused(request.fileName(), rejected.errors().stream().limit(MissionScan.KEPT).toList(), rejected.errorCount(), false);
        }
        ImportOutcome.Accepted accepted = (ImportOutcome.Accepted) outcome;
        return new Submitted(accepted.submissions().get(0), accepted.warnings());
    }

    /** A caller's text as a message may echo it: at most 64 characters. */
    private static String shown(String text) {
        return text == null ? "" : text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
