package org.a4p.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.audit.AuditEvent;

/**
 * The audit entries of imports: what a submission wrote (counts, the file's hash, and the records
 * it revised or retired by key with the names of the fields that changed), a draft kept, an import
 * refused. Never a value: the earlier versions themselves are in the record history.
 */
final class ImportAudit {
    /** The most changed records an entry lists by key; the count says how many there were. */
    static final int CHANGES_LISTED = 200;

    private ImportAudit() {}

    static AuditEvent written(SubmissionSummary s, ImportRequest request, List<ImportOutcome.Change> changes) {
        Map<String, Object> after = summary(s);
        after.put("added", s.added());
        after.put("revised", s.revised());
        after.put("unchanged", s.unchanged());
        after.put("retired", s.retired());
        after.put("accept_implausible", request.acceptImplausible());
        List<ImportOutcome.Change> own = changes.stream().filter(c -> c.file().equals(s.fileName())).toList();
        after.put("changes", own.stream().limit(CHANGES_LISTED).map(c -> Map.of("kind", c.kind(), "record", c.recordKey(),
                "fields", c.fieldsChanged())).toList());
        after.put("changes_listed", Math.min(own.size(), CHANGES_LISTED));
        Map<String, Object> before = request.draftId() == null ? null : Map.of("status", "draft");
        return AuditEvent.of(s.submittedBy(), request.draftId() == null ? "records.import" : "submission.submit", "submission:" + s.id(),
                before, after);
    }

    static AuditEvent drafted(SubmissionSummary s, int missionMonths) {
        Map<String, Object> after = summary(s);
        after.put("mission_months", missionMonths);
        return AuditEvent.of(s.submittedBy(), "records.draft", "submission:" + s.id(), null, after);
    }

    static AuditEvent rejected(String recordType, long id, String file, long errors, ImportRequest request) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("record_type", recordType);
        after.put("file", file);
        after.put("status", "rejected");
        after.put("errors", errors);
        return AuditEvent.of(request.submittedBy(), "records.import_rejected", "submission:" + id, null, after);
    }

    private static Map<String, Object> summary(SubmissionSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("record_type", s.recordType());
        out.put("file", s.fileName());
        out.put("content_sha256", s.contentSha256());
        out.put("layout", s.layout());
        out.put("whole_dataset", s.wholeDataset());
        out.put("rows", s.rowsRead());
        out.put("warnings", s.warnings());
        out.put("synthetic", s.synthetic());
        out.put("status", s.status());
        return out;
    }
}
