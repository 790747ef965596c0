package org.a4p.workflow;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.a4p.access.Role;

/**
 * A move of the approval workflow: from which statuses, to which, who may take it, and whether it
 * needs a reason. A mission officer submits for its own missions; an analyst approves, returns and
 * reopens; nobody approves their own submission. The operator at the command line, who holds the
 * database itself, may take every step but is bound by the same rule on its own submissions.
 */
public enum Step {
    SUBMIT(EnumSet.of(SubmissionStatus.DRAFT), SubmissionStatus.SUBMITTED,
            EnumSet.of(Role.MISSION_OFFICER, Role.ANALYST, Role.ADMIN), false),
    APPROVE(EnumSet.of(SubmissionStatus.SUBMITTED, SubmissionStatus.REOPENED), SubmissionStatus.APPROVED, EnumSet.of(Role.ANALYST), false),
    RETURN(EnumSet.of(SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED, SubmissionStatus.REOPENED), SubmissionStatus.RETURNED,
            EnumSet.of(Role.ANALYST), true),
    REOPEN(EnumSet.of(SubmissionStatus.APPROVED), SubmissionStatus.REOPENED, EnumSet.of(Role.ANALYST), true);

    /** The most characters a reason may have. */
    public static final int MAX_REASON = 2000;

    private final Set<SubmissionStatus> from;
    private final SubmissionStatus to;
    private final Set<Role> roles;
    private final boolean needsReason;

    Step(Set<SubmissionStatus> from, SubmissionStatus to, Set<Role> roles, boolean needsReason) {
        this.from = from;
        this.to = to;
        this.roles = roles;
        this.needsReason = needsReason;
    }

    public Set<SubmissionStatus> from() {
        return from;
    }

    public SubmissionStatus to() {
        return to;
    }

    /** {@code role} null: the operator at the command line. */
    public boolean allows(Role role) {
        return role == null || roles.contains(role);
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean needsReason() {
        return needsReason;
    }

    /** The verb in the API's path and the command line: {@code approve}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The past participle, for messages: {@code approved}. */
    String done() {
        return to.code();
    }
}
