package org.a4p.opendata;

import java.io.IOException;
import java.io.OutputStream;
import org.a4p.release.Release;

/** Writes one published release in one format to a stream, streaming its values, and says how many it wrote. */
public interface ReleaseWriter {
    /** Writes {@code release} to {@code out}, which it leaves open. */
    long write(Release release, OutputStream out) throws IOException;
}
