package org.a4p.exchange;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A stream whose close only flushes: a writer done with its part leaves the caller's stream (a zip entry, a response) open. */
public final class Unclosed extends FilterOutputStream {
    public Unclosed(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
