package org.a4p.cli;

import org.a4p.pack.PackException;
import org.a4p.records.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Maps failures to one plain message and an exit code; the stack trace goes to the debug log only. */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        LOG.debug("command failed", e);
        if (Main.outOfMemoryIn(e)) {
            Main.outOfMemory();
            return Main.REJECTED;
        }
        String message;
        int code = Main.REJECTED;
        if (e instanceof UsageProblem usage) {
            message = usage.getMessage();
            code = Main.USAGE;
        } else if (e instanceof Refused refused) {
            message = refused.getMessage();
            code = refused.exitCode();
        } else if (e instanceof PackException || e instanceof StoreException) {
            message = e.getMessage();
        } else if (isConnectionFailure(e)) {
            message = "cannot open the database: " + rootMessage(e) + ". Check --db (a JDBC URL or a folder) or A4P_DB_URL.";
            code = Main.USAGE;
        } else {
            message = "failed: " + (e.getMessage() != null ? e.getMessage() : rootMessage(e));
        }
        commandLine.getErr().println("a4p: " + message);
        return code;
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().contains("PoolInitializationException") || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
