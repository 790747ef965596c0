package org.a4p.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A full disk told from the failures H2 and PostgreSQL report, and nothing else taken for one. */
class DiskFullTest {
    @Test
    void tellsH2sWrappedNoSpaceLeftOnDevice() {
        SQLException h2 = new SQLException("General error: MVStoreException: Writing to FileChannel failed", "HY000",
                new IllegalStateException("Writing failed", new IOException("No space left on device")));
        assertThat(DiskFull.causedBy(h2)).isTrue();
    }

    @Test
    void tellsPostgresDiskFullState() {
        assertThat(DiskFull.causedBy(new SQLException("could not extend file \"base/16384/16385\"", "53100"))).isTrue();
    }

    @Test
    void otherFailuresAreNotAFullDisk() {
        assertThat(DiskFull.causedBy(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(DiskFull.causedBy(new SQLException("connection refused", "08001", new IOException("Connection refused")))).isFalse();
    }
}
