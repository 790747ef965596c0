package org.a4p.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.a4p.pack.Pack;
import org.a4p.pack.PackLoader;
import org.a4p.pack.PackSource;
import org.a4p.templates.WriteTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "template", description = {
        "Writes an Excel workbook (xlsx) to fill in records of one record type, for ./a4p import:",
        "sheet 'data' (the header row, drop-downs of codes, missions and sites, date and number checks, an example row),",
        "sheet 'notes' (every field explained, the natural key, how to import). Needs no database."})
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TYPE", description = "Record type, e.g. fatality, personnel, allegation, site_environment.")
    String type;

    @Option(names = "--out", paramLabel = "FILE", description = "The workbook to write. Default: TYPE-template.xlsx")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        Path file = out == null ? Path.of(type + "-template.xlsx") : out;
        WriteTemplate.Written written = new WriteTemplate(pack()).run(new WriteTemplate.Request(type, file, force))
                .orElseThrow(Refused::new);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Wrote %s: %d columns, %d drop-downs%n", written.file(), written.columns(), written.dropDowns());
        stdout.printf("Fill the sheet 'data', then: ./a4p import --type %s %s%n", written.recordType(), written.file());
        return Main.OK;
    }

    private Pack pack() {
        Path folder = Main.database(spec).pack;
        if (folder == null) {
            return PackLoader.loadBundled();
        }
        if (!Files.isRegularFile(folder.resolve("pack.yaml"))) {
            throw new UsageProblem(folder + " is not a pack: it has no pack.yaml");
        }
        return PackLoader.load(PackSource.folder(folder)).orThrow();
    }
}
