package org.a4p.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a submission stands. A draft's records count nowhere; a submitted, returned or reopened
 * one's count in staff views, marked provisional until approved; an approved one's count in
 * releases too and lock its mission-months. A rejected import is on record with nothing written.
 */
public enum SubmissionStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED, REOPENED, REJECTED;

    /** The name in the database and every output: {@code submitted}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SubmissionStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }
}
