package org.a4p.fuzz;

import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;
import org.a4p.ingest.read.ReadException;
import org.a4p.ingest.read.SourceRow;
import org.a4p.ingest.read.TableReaders;
import org.a4p.ingest.read.TableSource;

/**
 * What every reader promises, whatever the bytes: rows as wide as the header, or a {@link ReadException}
 * a data officer can read. Anything else it throws (another exception, an OutOfMemoryError, a
 * StackOverflowError) reaches Jazzer as a finding.
 */
final class TableReadCheck {
    /** Longest message allowed; a message must not grow with the input. */
    static final int MESSAGE_LIMIT = 400;

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(");
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b(?:java|javax|jdk|sun|org|com)\\.[\\w.$]*(?:Exception|Error)\\b");

    private TableReadCheck() {}

    /** Opens {@code data} as a file called {@code fileName} and reads every row. */
    static void readWhole(String fileName, byte[] data) {
        TableSource source;
        try {
            source = TableReaders.open(fileName, new ByteArrayInputStream(data), data.length);
        } catch (ReadException e) {
            checkMessage(fileName, e);
            return;
        }
        try (source) {
            readRows(fileName, source);
        }
    }

    private static void readRows(String fileName, TableSource source) {
        int width = source.header().size();
        if (width == 0) {
            throw new AssertionError(fileName + ": opened with an empty header");
        }
        checkProgress(source);
        try {
            while (source.hasNext()) {
                SourceRow row = source.next();
                if (row.size() != width) {
                    throw new AssertionError(fileName + " row " + row.rowNumber() + ": " + row.size() + " values under a header of "
                            + width + " columns");
                }
                checkProgress(source);
            }
        } catch (ReadException e) {
            checkMessage(fileName, e);
            checkFailsAgain(source, e);
            return;
        }
        if (source.progress() != 1.0) {
            throw new AssertionError(fileName + ": progress " + source.progress() + " after the last row, expected 1");
        }
    }

    /** A source that failed must fail the same way when asked again, never carry on past a broken row. */
    private static void checkFailsAgain(TableSource source, ReadException first) {
        try {
            source.hasNext();
        } catch (ReadException again) {
            if (!again.getMessage().equals(first.getMessage())) {
                throw new AssertionError(source.fileName() + ": failed with '" + first.getMessage() + "', then with '"
                        + again.getMessage() + "'");
            }
            return;
        }
        throw new AssertionError(source.fileName() + ": read on after '" + first.getMessage() + "'");
    }

    /** The message starts with the file name, is bounded in length and holds no stack trace. */
    private static void checkMessage(String fileName, ReadException e) {
        String message = e.getMessage();
        if (message == null || !message.startsWith(fileName)) {
            throw new AssertionError("message does not start with " + fileName + ": " + message, e);
        }
        if (message.length() > MESSAGE_LIMIT) {
            throw new AssertionError("message of " + message.length() + " characters, more than " + MESSAGE_LIMIT + ": "
                    + message.substring(0, MESSAGE_LIMIT) + "...");
        }
        if (holdsStackTrace(message)) {
            throw new AssertionError("message holds a stack trace or an exception class: " + message);
        }
    }

    static boolean holdsStackTrace(String message) {
        return STACK_FRAME.matcher(message).find() || EXCEPTION_CLASS.matcher(message).find();
    }

    private static void checkProgress(TableSource source) {
        double progress = source.progress();
        if (!(progress >= 0 && progress <= 1)) {
            throw new AssertionError(source.fileName() + ": progress " + progress + ", expected 0..1");
        }
    }
}
