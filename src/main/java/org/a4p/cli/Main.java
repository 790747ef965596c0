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
        System.exit(run(args));
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
