package org.a4p.ingest.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Inflates a gzip-compressed file and stops one that inflates more than {@link Limits#MAX_INFLATION}
 * times its compressed size (a gzip bomb: a few kilobytes that inflate to gigabytes).
 */
final class Gzip extends FilterInputStream {

    /** The file inflates far more than any table does. */
    static final class BombException extends IOException {
        BombException(long inflated) {
            super("inflated to " + inflated + " bytes");
        }
    }

    private final CountingInputStream compressed;
    private long inflated;

    private Gzip(InputStream inflating, CountingInputStream compressed) {
        super(inflating);
        this.compressed = compressed;
    }

    /**
     * @throws ReadException if the file does not start as gzip does
     */
    static InputStream open(String fileName, CountingInputStream compressed) throws IOException {
        try {
            return new Gzip(new GZIPInputStream(compressed, 1 << 16), compressed);
        } catch (ZipException | EOFException e) {
            throw new ReadException(fileName, 0, "not a gzip-compressed file", e);
        }
    }

    /** The words for a failure while inflating. */
    static String describe(IOException e) {
        if (e instanceof BombException) {
            return "the compressed file inflates more than " + Limits.MAX_INFLATION
                    + " times its size (a possible gzip bomb) and was not read further";
        }
        return "the compressed file is damaged or incomplete (was it cut short?)";
    }

    static boolean isInflateFailure(Throwable e) {
        return e instanceof BombException || e instanceof ZipException || e instanceof EOFException;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            account(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            account(n);
        }
        return n;
    }

    private void account(int n) throws BombException {
        inflated += n;
        if (inflated > Limits.INFLATION_GRACE_BYTES && inflated > Limits.MAX_INFLATION * compressed.count()) {
            throw new BombException(inflated);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
