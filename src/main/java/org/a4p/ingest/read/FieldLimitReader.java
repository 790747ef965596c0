package org.a4p.ingest.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Watches the characters on their way to the CSV parser, which buffers a whole field and a whole
 * record: stops a field longer than {@link Limits#MAX_FIELD_CHARS} or a record of more than
 * {@link Limits#MAX_COLUMNS} fields before the parser holds it. Follows the parser's quoting: a
 * quote opens a quoted field only as its first character, and inside one a doubled quote stands
 * for a quote. (Control characters in values, NUL among them, are the validator's to report.)
 */
final class FieldLimitReader extends Reader {

    enum Breach { FIELD_TOO_LONG, TOO_MANY_FIELDS }

    /** Thrown once the parser has been handed every character before the breach. */
    static final class LimitExceeded extends IOException {
        final Breach breach;
        /** The 0-based field of the record in which it happened. */
        final int field;
        /** Whether that field is in quotes. */
        final boolean quoted;

        LimitExceeded(Breach breach, int field, boolean quoted) {
            super(breach + " in field " + (field + 1));
            this.breach = breach;
            this.field = field;
            this.quoted = quoted;
        }
    }

    private static final int FIELD_START = 0;
    private static final int PLAIN = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3; // a closing quote, or the first of a doubled one

    private final Reader in;
    private final char delimiter;
    private int state = FIELD_START;
    private int field;
    private int length;
    private LimitExceeded pending;

    FieldLimitReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        if (pending != null) {
            throw pending;
        }
        int n = in.read(buffer, offset, count);
        // the state in locals: this loop sees every character of the file
        int state = this.state;
        int field = this.field;
        int length = this.length;
        Breach breach = null;
        int i = offset;
        for (int end = offset + Math.max(n, 0); i < end; i++) {
            char c = buffer[i];
            if (state == QUOTED) {
                if (c == '"') {
                    state = QUOTE_IN_QUOTED;
                    continue;
                }
            } else if (c == delimiter || c == '\n' || c == '\r') {
                state = FIELD_START;
                length = 0;
                if (c != delimiter) {
                    field = 0;
                } else if (++field >= Limits.MAX_COLUMNS) {
                    breach = Breach.TOO_MANY_FIELDS;
                    break;
                }
                continue;
            } else if (state == FIELD_START) {
                if (c == '"') {
                    state = QUOTED;
                    continue;
                }
                state = PLAIN;
            } else if (state == QUOTE_IN_QUOTED) {
                state = c == '"' ? QUOTED : PLAIN; // text after a closing quote: the parser reports it
            }
            if (++length > Limits.MAX_FIELD_CHARS) {
                breach = Breach.FIELD_TOO_LONG;
                break;
            }
        }
        this.state = state;
        this.field = field;
        this.length = length;
        if (breach != null) {
            pending = new LimitExceeded(breach, field, state == QUOTED || state == QUOTE_IN_QUOTED);
            if (i > offset) {
                return i - offset;
            }
            throw pending;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
