package org.a4p.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arbitrary bytes read as an XLSX workbook. Besides the files in its inputs folder, it starts from
 * workbooks that POI writes (see {@link XlsxSeeds}), so that the fuzzer begins with valid zips.
 */
class XlsxFuzzTest {

    static Stream<byte[]> workbooks() throws IOException {
        return XlsxSeeds.all().stream();
    }

    @MethodSource("workbooks")
    @FuzzTest(maxDuration = "30s")
    void readsRowsOrExplainsWhyNot(byte[] data) {
        TableReadCheck.readWhole("fuzz.xlsx", data);
    }
}
