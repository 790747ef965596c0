package org.a4p.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.release.PublishRelease;
import org.a4p.release.Release;
import org.a4p.workflow.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "release", description = {"Publishes a release: the values of approved data, small cells suppressed, numbered and",
        "dated; what delegates, the public and open data see. Every release is kept."})
final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--note", paramLabel = "TEXT", description = "What this release is, for its readers.")
    String note;

    @Option(names = "--user", paramLabel = "NAME", description = "Who publishes (default: the operating-system user).")
    String user;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String who = user == null ? System.getProperty("user.name", "unknown") : user;
        try (App app = Main.database(spec).open()) {
            System.err.println("Computing every indicator from approved data...");
            Release release = app.publishRelease().run(new PublishRelease.Request(Actor.operator(who), note)).orElseThrow(Refused::new);
            out.printf("Release %d published at %s by %s: %,d values (%,d new, %,d revised, %,d withdrawn) from %d approved submissions.%n",
                    release.number(), release.publishedAt(), release.publishedBy(), release.values(), release.added(), release.revised(),
                    release.withdrawn(), release.submissions());
            out.printf("  content SHA-256 %s%n", release.contentSha256());
            return Main.OK;
        }
    }
}
