package org.a4p.ingest;

import java.util.List;

/**
 * What to import. {@code layout} forces a layout instead of recognising it from the header.
 * {@code wholeDataset} says the files hold the whole dataset, so records they no longer hold are
 * retired; without it nothing is ever retired, and a partial extract cannot wipe a dataset.
 * {@code acceptImplausible} accepts values that fail a plausibility rule; they are then flagged in
 * every output that uses them. {@code draft} keeps the validated file as a draft, writing no record;
 * {@code draftId} names the draft this import submits (its file, validated again and written).
 */
public record ImportRequest(
        String recordType,
        String layout,
        List<ImportFile> files,
        boolean wholeDataset,
        boolean synthetic,
        String submittedBy,
        boolean acceptImplausible,
        boolean draft,
        Long draftId) {

    public ImportRequest(String recordType, String layout, List<ImportFile> files, boolean wholeDataset, boolean synthetic,
            String submittedBy, boolean acceptImplausible) {
        this(recordType, layout, files, wholeDataset, synthetic, submittedBy, acceptImplausible, false, null);
    }

    public ImportRequest(String recordType, String layout, List<ImportFile> files, boolean wholeDataset, boolean synthetic,
            String submittedBy) {
        this(recordType, layout, files, wholeDataset, synthetic, submittedBy, false);
    }
}
