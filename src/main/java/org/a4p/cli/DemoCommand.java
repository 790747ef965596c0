package org.a4p.cli;

import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.demo.DemoLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = {
        "Loads the demo data: the real UN fatalities (snapshot 2023-11-28) and monthly uniformed-contributions data",
        "bundled in the product, and seeded synthetic records (labelled synthetic) for the other record types.",
        "Loading twice changes nothing."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (App app = Main.database(spec).open()) {
            spec.commandLine().getOut().println("Loading the demo into " + app.database().label());
            new DemoLoader(app).load("demo", new ProgressBar(System.err), spec.commandLine().getOut());
            return Main.OK;
        }
    }
}
