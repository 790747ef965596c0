package org.a4p.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
        return withInput("", args);
    }

    /** As {@link #of}, with {@code input} as standard input (a password, for instance). */
    public static CliRun withInput(String input, String... args) {
        InputStream savedIn = System.in;
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Charset charset = Charset.defaultCharset();
        int code;
        try (PrintStream o = new PrintStream(out, true, charset); PrintStream e = new PrintStream(err, true, charset)) {
            System.setIn(new ByteArrayInputStream(input.getBytes(charset)));
            System.setOut(o);
            System.setErr(e);
            code = Main.run(args);
            o.flush();
            e.flush();
        } finally {
            System.setIn(savedIn);
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        CliRun run = new CliRun(code, out.toString(charset), err.toString(charset));
        assertThat(run.all()).as("output of %s", String.join(" ", args))
                .doesNotContain("\tat org.", "\tat java.", "Exception in thread");
        return run;
    }
}
