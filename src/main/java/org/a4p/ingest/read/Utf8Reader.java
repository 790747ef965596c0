package org.a4p.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding reader that drops a leading byte order mark. Unlike {@link
 * java.io.InputStreamReader}, when it meets an invalid byte sequence it first hands out every character
 * decoded before it and only throws {@link NotUtf8Exception} on the following call, so the CSV parser
 * fails while parsing the very record that holds the bad bytes and the error names the right row.
 */
final class Utf8Reader extends Reader {

    /** Thrown for bytes that are not valid UTF-8. */
    static final class NotUtf8Exception extends IOException {
        final long byteOffset;
        /** A byte above 127 alone among plain ones, as Latin-1 and Windows-1252 write é or ’. */
        final boolean looksLikeLatin1;

        NotUtf8Exception(long byteOffset, boolean looksLikeLatin1) {
            super("invalid UTF-8 byte sequence at byte offset " + byteOffset);
            this.byteOffset = byteOffset;
            this.looksLikeLatin1 = looksLikeLatin1;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    private long bytesBefore; // bytes consumed from the stream before the current buffer content
    private boolean eof;
    private boolean flushed;
    private boolean started;
    private NotUtf8Exception pending;

    Utf8Reader(InputStream in, int bufferSize) {
        this.in = in;
        this.bytes = ByteBuffer.allocate(bufferSize);
        this.bytes.flip(); // empty, ready for reading
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pending != null) {
            throw pending;
        }
        if (flushed) {
            return -1;
        }
        if (!started) {
            started = true;
            fill();
            if (bytes.remaining() >= 3 && bytes.get(bytes.position()) == (byte) 0xEF
                    && bytes.get(bytes.position() + 1) == (byte) 0xBB
                    && bytes.get(bytes.position() + 2) == (byte) 0xBF) {
                bytes.position(bytes.position() + 3);
            }
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult cr = decoder.decode(bytes, out, eof);
            if (cr.isError()) {
                NotUtf8Exception e = new NotUtf8Exception(bytesBefore + bytes.position(), followedByNoContinuation());
                if (out.position() > off) {
                    pending = e;
                    return out.position() - off;
                }
                throw e;
            }
            if (cr.isOverflow()) {
                return out.position() - off;
            }
            // underflow: need more input
            if (eof) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                int n = out.position() - off;
                return n == 0 ? -1 : n;
            }
            if (out.position() > off) {
                return out.position() - off; // hand out what we have rather than block on more input
            }
            fill();
        }
    }

    /** Whether the byte at fault is not followed by a UTF-8 continuation byte (10xxxxxx). */
    private boolean followedByNoContinuation() {
        int next = bytes.position() + 1;
        return next >= bytes.limit() || (bytes.get(next) & 0xC0) != 0x80;
    }

    /** Moves unread bytes to the front and reads more; sets {@link #eof} at the end of the stream. */
    private void fill() throws IOException {
        bytesBefore += bytes.position();
        bytes.compact();
        try {
            int n = 0;
            while (n == 0) {
                n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            }
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
