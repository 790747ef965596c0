package org.a4p.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Arbitrary bytes read as gzip-compressed JSON. */
class JsonGzFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readsRowsOrExplainsWhyNot(byte[] data) {
        TableReadCheck.readWhole("fuzz.json.gz", data);
    }
}
