package org.a4p.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Arbitrary bytes read as a CSV file. */
class CsvFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readsRowsOrExplainsWhyNot(byte[] data) {
        TableReadCheck.readWhole("fuzz.csv", data);
    }
}
