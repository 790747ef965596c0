package org.a4p.sdmx;

import java.io.IOException;
import org.a4p.release.Release;

/** Writes a data message as it streams: the release, its series, then those withdrawn, then the end. */
interface DataWriter {
    void begin(Release release) throws IOException;

    /** A series of the replace data set. */
    void series(Series series) throws IOException;

    /** A series of observations to delete (asked with {@code updatedAfter}); after every {@link #series}. */
    void deleted(Series series) throws IOException;

    void end() throws IOException;
}
