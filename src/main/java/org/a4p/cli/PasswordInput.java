package org.a4p.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/** Reads a password from the terminal without echo, else the first line of standard input; never from the arguments. */
final class PasswordInput {
    private PasswordInput() {}

    static String read(String prompt) {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null || typed.length == 0) {
                throw new UsageProblem("no password given");
            }
            return new String(typed);
        }
        try {
            // Not closed: standard input belongs to the process.
            String line = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageProblem("no password on standard input: type it at the prompt, or pipe it in (printf '%s\\n' \"$PASSWORD\" | a4p users ...)");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
    }

    // From Java 22 on, System.console() exists even when standard input is a pipe; Console.isTerminal() tells.
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true; // before Java 22 a console is only given for a terminal
        }
    }
}
