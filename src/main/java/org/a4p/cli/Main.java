package org.a4p.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** The {@code a4p} command line. Exit codes: 0 success, 1 input rejected or failure, 2 usage error. */
@Command(name = "a4p", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Main.Version.class,
        description = "A4P+ Monitor: validated peacekeeping records and A4P+ indicators.",
        subcommands = {DemoCommand.class, ImportCommand.class, SubmissionsCommand.class, IndicatorsCommand.class,
                ScorecardCommand.class, SentencesCommand.class, PackCommand.class, BenchCommand.class, RankingCommand.class,
                TemplateCommand.class, TermsCommand.class, UsersCommand.class, ReleaseCommand.class, ReleasesCommand.class,
                ExplainCommand.class, AuditCommand.class, ServeCommand.class, NarrativeCommand.class, ReportCommand.class, ExportCommand.class,
                BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int USAGE = 2;

    /** Declared here so that --db and --pack may also come before the command's name. */
    @Mixin
    DatabaseOptions database;

    /** The store options, wherever on the command line they were given. */
    static DatabaseOptions database(CommandLine.Model.CommandSpec spec) {
        return ((Main) spec.root().userObject()).database;
    }

    public static void main(String[] args) {
        // A thread of the database's own (H2's background writer) that runs out of memory would print its stack trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (outOfMemoryIn(e)) {
                outOfMemory();
            } else {
                System.err.println("a4p: " + thread.getName() + " failed: " + e);
            }
        });
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            outOfMemory();
            code = 1;
        }
        System.exit(code);
    }

    /**
     * The one line a command that ran out of heap prints. An import holds every row of its files in
     * memory until it commits (about 1 KB a row): a write of the whole is what keeps it all-or-nothing.
     */
    /** Whether {@code e} is, or was caused by, running out of heap (H2 wraps it in its own exceptions). */
    static boolean outOfMemoryIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean TOLD = new java.util.concurrent.atomic.AtomicBoolean();

    static void outOfMemory() {
        if (TOLD.getAndSet(true)) {
            return;
        }
        System.err.printf(java.util.Locale.ROOT, "a4p: out of memory (the Java heap is limited to %d MB); an import cut short wrote nothing (it commits all at once)."
                + " Run it again with a larger heap, e.g. A4P_JAVA_OPTS=-Xmx4g ./a4p ..., or split an import into files of fewer"
                + " rows (an import holds about 1 KB per row until it commits)%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.err.flush();
    }

    /** Runs a command line and returns its exit code (used by tests too). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        // picocli already exits with 2 (USAGE) on invalid input.
        commandLine.setExecutionExceptionHandler(new Failures());
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"A4P+ Monitor " + (version == null ? "(development build)" : version)};
        }
    }
}
