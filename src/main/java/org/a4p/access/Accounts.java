package org.a4p.access;

import java.time.Clock;
import org.a4p.audit.AuditTrail;
import org.a4p.orgunit.OrgUnits;
import org.jdbi.v3.core.Jdbi;

/** The accounts' use cases, wired once: the CLI and, later, the HTTP handlers call them. */
public final class Accounts {
    private final AddUser addUser;
    private final ListUsers listUsers;
    private final DisableUser disableUser;
    private final UnlockUser unlockUser;
    private final ResetPassword resetPassword;
    private final IssueToken issueToken;
    private final RevokeTokens revokeTokens;
    private final Login login;
    private final AuthenticateToken authenticateToken;
    private final StartSession startSession;
    private final TouchSession touchSession;
    private final EndSession endSession;
    private final ReportDenial reportDenial;

    /** With an audit trail of its own on {@code clock}, the same trail as any other on that database. */
    private final LanguagePreference languages;

    public Accounts(Jdbi jdbi, OrgUnits orgUnits, Clock clock) {
        this(jdbi, orgUnits, clock, new AuditTrail(clock));
    }

    public Accounts(Jdbi jdbi, OrgUnits orgUnits, Clock clock, AuditTrail trail) {
        this(jdbi, orgUnits, clock, trail, LoginPolicy.DEFAULT, SessionPolicy.DEFAULT);
    }

    public Accounts(Jdbi jdbi, OrgUnits orgUnits, Clock clock, AuditTrail trail, LoginPolicy loginPolicy, SessionPolicy sessionPolicy) {
        PasswordHasher hasher = new PasswordHasher();
        SecurityEvents events = new SecurityEvents();
        AccountAudit audit = new AccountAudit(jdbi, trail);
        this.addUser = new AddUser(jdbi, orgUnits, hasher, events, audit, clock);
        this.listUsers = new ListUsers(jdbi, clock);
        this.disableUser = new DisableUser(jdbi, events, audit, clock);
        this.unlockUser = new UnlockUser(jdbi, events, audit);
        this.resetPassword = new ResetPassword(jdbi, hasher, events, audit, clock);
        this.issueToken = new IssueToken(jdbi, events, audit, clock);
        this.revokeTokens = new RevokeTokens(jdbi, events, audit, clock);
        this.login = new Login(jdbi, hasher, loginPolicy, events, audit, clock);
        this.authenticateToken = new AuthenticateToken(jdbi, events, audit, clock);
        this.startSession = new StartSession(jdbi, sessionPolicy, events, audit, clock);
        this.touchSession = new TouchSession(jdbi, sessionPolicy, events, audit, clock);
        this.endSession = new EndSession(jdbi, events, audit);
        this.reportDenial = new ReportDenial(events, audit);
        this.languages = new LanguagePreference(jdbi);
    }

    /** Each user's chosen language on the pages. */
    public LanguagePreference languages() {
        return languages;
    }

    public AddUser addUser() {
        return addUser;
    }

    public ListUsers listUsers() {
        return listUsers;
    }

    public DisableUser disableUser() {
        return disableUser;
    }

    public UnlockUser unlockUser() {
        return unlockUser;
    }

    public ResetPassword resetPassword() {
        return resetPassword;
    }

    public IssueToken issueToken() {
        return issueToken;
    }

    public RevokeTokens revokeTokens() {
        return revokeTokens;
    }

    public Login login() {
        return login;
    }

    public AuthenticateToken authenticateToken() {
        return authenticateToken;
    }

    public StartSession startSession() {
        return startSession;
    }

    public TouchSession touchSession() {
        return touchSession;
    }

    public EndSession endSession() {
        return endSession;
    }

    public ReportDenial reportDenial() {
        return reportDenial;
    }
}
