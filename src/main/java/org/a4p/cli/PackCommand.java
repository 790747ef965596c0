package org.a4p.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.a4p.indicators.CheckPack;
import org.a4p.pack.PackProblem;
import org.a4p.pack.PackSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pack", description = "Work with the framework pack.", subcommands = PackCommand.Check.class)
final class PackCommand {

    @Command(name = "check", description = {
            "Validates a framework pack (the bundled one when DIR is not given) and reports every problem",
            "with its file and line: unknown code lists, formulas that do not parse, indicators mapped to no priority..."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder holding pack.yaml.")
        Path folder;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PackSource source;
            if (folder == null) {
                source = PackSource.bundled();
            } else {
                if (!Files.isRegularFile(folder.resolve("pack.yaml"))) {
                    throw new UsageProblem(folder + " is not a pack: it has no pack.yaml");
                }
                source = PackSource.folder(folder);
            }
            CheckPack.Result result = new CheckPack().run(source);
            List<PackProblem> problems = result.problems();
            if (result.clean()) {
                var pack = result.pack().orElseThrow();
                out.printf("%s: pack %s %s is valid: %d priorities, %d commitment areas, %d code lists, %d record types,"
                                + " %d layouts, %d indicators, %d org units.%n", source.label(), pack.id(), pack.version(),
                        pack.priorities().size(), pack.commitmentAreas().size(), pack.codeLists().size(), pack.recordTypes().size(),
                        pack.layouts().size(), pack.indicators().size(), pack.orgUnits().size());
                return Main.OK;
            }
            err.printf("%s: %d problem(s):%n", source.label(), problems.size());
            problems.forEach(p -> err.println("  " + p));
            return Main.REJECTED;
        }
    }
}
