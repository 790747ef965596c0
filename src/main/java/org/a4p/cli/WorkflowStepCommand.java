package org.a4p.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code a4p submissions submit|approve|return|reopen ID}: one workflow step, taken by the operator
 * at the command line (named by {@code --user}, default the operating-system user), who may take
 * every step but may not approve a submission made under the same name.
 */
abstract class WorkflowStepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The submission's id (see ./a4p submissions).")
    long id;

    @Option(names = "--user", paramLabel = "NAME", description = "Who takes the step (default: the operating-system user).")
    String user;

    abstract Step step();

    /** The reason given, for the steps that need one. */
    String reason() {
        return null;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String who = user == null ? System.getProperty("user.name", "unknown") : user;
        try (App app = Main.database(spec).open()) {
            SubmissionSummary moved = app.workflow().run(new ChangeSubmissionStatus.Request(id, step(), Actor.operator(who), reason()))
                    .orElseThrow(Refused::new);
            out.printf("Submission %d (%s, %s) is %s.%n", moved.id(), moved.recordType(), moved.fileName(), moved.status());
            switch (step()) {
                case SUBMIT -> out.printf("  %d added, %d revised, %d unchanged, %d retired; its records count in staff figures as provisional.%n",
                        moved.added(), moved.revised(), moved.unchanged(), moved.retired());
                case APPROVE -> out.println("  Its mission-months are locked; ./a4p release publishes it.");
                case RETURN -> out.println("  Its records stay provisional and never reach a release; the mission sends a corrected file.");
                case REOPEN -> out.println("  Its mission-months are unlocked: new imports may change them until it is approved again.");
            }
            return Main.OK;
        }
    }

    @Command(name = "submit", description = "Submits a draft: its file is validated again and its records written, as provisional.")
    static final class Submit extends WorkflowStepCommand {
        @Override
        Step step() {
            return Step.SUBMIT;
        }
    }

    @Command(name = "approve", description = {"Approves a submission: its records count in the next release, and its mission-months",
            "are locked against new imports until reopened. Nobody approves their own submission."})
    static final class Approve extends WorkflowStepCommand {
        @Override
        Step step() {
            return Step.APPROVE;
        }
    }

    @Command(name = "return", description = "Returns a submission to its mission with a reason: it never reaches a release.")
    static final class Return extends WorkflowStepCommand {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "What must change and why.")
        String reason;

        @Override
        Step step() {
            return Step.RETURN;
        }

        @Override
        String reason() {
            return reason;
        }
    }

    @Command(name = "reopen", description = "Reopens an approved submission with a reason, lifting the locks on its mission-months.")
    static final class Reopen extends WorkflowStepCommand {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why its months must change.")
        String reason;

        @Override
        Step step() {
            return Step.REOPEN;
        }

        @Override
        String reason() {
            return reason;
        }
    }
}
