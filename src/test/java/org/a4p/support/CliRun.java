package org.a4p.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.a4p.cli.Main;

/** One run of the command line in-process, with its exit code and what it printed. */
public record CliRun(int code, String out, String err) {

    public String all() {
        return out + err;
    }

    /** Runs the command line with standard output and error captured; no output may hold a stack trace. */
    public static CliRun of(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Charset charset = Charset.defaultCharset();
        int code;
        try (PrintStream o = new PrintStream(out, true, charset); PrintStream e = new PrintStream(err, true, charset)) {
            System.setOut(o);
            System.setErr(e);
            code = Main.run(args);
            o.flush();
            e.flush();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        CliRun run = new CliRun(code, out.toString(charset), err.toString(charset));
        assertThat(run.all()).as("output of %s", String.join(" ", args))
                .doesNotContain("\tat org.", "\tat java.", "Exception in thread");
        return run;
    }
}
