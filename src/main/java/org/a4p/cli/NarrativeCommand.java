package org.a4p.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.i18n.Language;
import org.a4p.narrative.Narrative;
import org.a4p.narrative.ReadNarrative;
import org.a4p.narrative.WriteNarrative;
import org.a4p.workflow.Actor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "narrative", description = "The narrative of a priority and year, in English and French, for the Member State report.",
        subcommands = {NarrativeCommand.Set.class, NarrativeCommand.Show.class})
final class NarrativeCommand {
    enum Lang { en, fr }

    @Command(name = "set", description = {"Saves a new version of the narrative of a priority, year and language.",
            "Every version is kept; the report shows the latest."})
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--priority", required = true, paramLabel = "P", description = "Priority id: P1..P7, WPS, DATA.")
        String priority;

        @Option(names = "--year", required = true, paramLabel = "Y")
        int year;

        @Option(names = "--lang", required = true, description = "en or fr.")
        Lang lang;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--text", paramLabel = "TEXT", description = "The narrative's text.")
            String text;

            @Option(names = "--file", paramLabel = "F", description = "A UTF-8 text file holding the narrative.")
            Path file;
        }

        @Option(names = "--user", paramLabel = "NAME", description = "Who writes (default: the operating-system user).")
        String user;

        @Override
        public Integer call() {
            String text = source.text != null ? source.text : read(source.file);
            String who = user == null ? System.getProperty("user.name", "unknown") : user;
            try (App app = Main.database(spec).open()) {
                Narrative saved = new WriteNarrative(app.pack(), app.database().jdbi(), app.audit(), app.clock())
                        .run(new WriteNarrative.Request(Actor.operator(who), priority, year, Language.valueOf(lang.name().toUpperCase()), text))
                        .orElseThrow(Refused::new);
                spec.commandLine().getOut().printf("Narrative %s %d (%s) version %d saved by %s at %s: %,d characters.%n", saved.priority(),
                        saved.year(), saved.language().code(), saved.version(), saved.author(), saved.writtenAt(), saved.text().length());
                return Main.OK;
            }
        }

        private static String read(Path file) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString().replace("\uFEFF", "");
            } catch (CharacterCodingException e) {
                throw new UsageProblem(file + ": expected UTF-8 text");
            } catch (IOException e) {
                throw new UsageProblem("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "show", description = "Prints the latest narrative of a priority and year in each language, or with --history every version.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--priority", required = true, paramLabel = "P", description = "Priority id: P1..P7, WPS, DATA.")
        String priority;

        @Option(names = "--year", required = true, paramLabel = "Y")
        int year;

        @Option(names = "--history", description = "Every version, newest first.")
        boolean history;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (App app = Main.database(spec).open()) {
                ReadNarrative read = new ReadNarrative(app.pack(), app.database().jdbi());
                List<Narrative> versions = read.history(priority, year).orElseThrow(Refused::new);
                for (Language language : Language.values()) {
                    List<Narrative> shown = versions.stream().filter(n -> n.language() == language).toList();
                    if (!history && !shown.isEmpty()) {
                        shown = List.of(shown.get(0));
                    }
                    out.printf("%s %d (%s)%s%n", priority, year, language.code(), shown.isEmpty() ? ": no narrative written" : "");
                    for (Narrative narrative : shown) {
                        out.printf("  version %d by %s at %s%n", narrative.version(), narrative.author(), narrative.writtenAt());
                        narrative.text().lines().forEach(line -> out.println("    " + line));
                    }
                }
                return Main.OK;
            }
        }
    }
}
